import { parseArgs } from 'node:util';
import { InsecureTransport, SecretsApiError } from '../../../clients/typescript';
import { audit } from './auditCommand';
import { EXIT, UsageError } from './cliErrors';
import type { Command, CommandContext } from './context';
import { login } from './loginCommand';
import { resolveReferences } from './resolveCommand';
import { run } from './runCommand';
import { history, importFile, ls, reveal, rm, set } from './secretCommands';
import { DEFAULT_URL, serviceUrl } from './settings';
import { workspaces } from './workspacesCommand';

const USAGE = `usage: secrets COMMAND [options]

  login [--token T]        keep a token (from standard input, or --token) for the commands below
  workspaces [create NAME] yours (id, name, permission), or a new one (prints its id)
  ls                       the keys (--json: with their details)
  set KEY                  set KEY to the value on standard input
  import FILE              a .env file (- for standard input) as one batch (--dry-run)
  rm KEY [KEY…]            delete keys (all or nothing)
  reveal KEY               print a value (recorded)
  history KEY              versions: number, time, who, fingerprint
  audit                    the audit (--since 7d|RFC3339, --type T, --key K, --limit N, --json)
  resolve [FILE]           resolve the JSON request in FILE or on standard input (secrets:resolve)
  run --key K [--key K2] -- CMD [ARGS…]
                           start CMD with those secrets in its environment (one recorded bulk reveal)

options: --workspace ID (or SECRETS_WORKSPACE) | --personal; --url URL (or SECRETS_URL, default ${DEFAULT_URL})
token:   SECRETS_TOKEN, else the file login wrote; sent over https, or http to this machine only
exit:    0 done, 1 refused by the service, 2 wrong usage, 3 service unreachable; run: CMD's code`;

const COMMANDS: Readonly<Record<string, Command>> = { login, workspaces, ls, set, import: importFile, rm, reveal, history, audit, resolve: resolveReferences, run };

const OPTIONS = {
  url: { type: 'string' },
  workspace: { type: 'string', short: 'w' },
  personal: { type: 'boolean' },
  json: { type: 'boolean' },
  token: { type: 'string' },
  key: { type: 'string', multiple: true },
  keys: { type: 'string' },
  since: { type: 'string' },
  type: { type: 'string' },
  limit: { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs one command line and answers the exit code; writes only through `out` and `err`. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv, io: Pick<CommandContext, 'out' | 'err' | 'readStdin'>): Promise<number> {
  // Everything after the first `--` belongs to the command `run` starts.
  const dash = argv.indexOf('--');
  const [own, rest] = dash === -1 ? [argv, []] : [argv.slice(0, dash), argv.slice(dash + 1)];
  let url = DEFAULT_URL;
  try {
    const { values, positionals } = parseArgs({ args: [...own], options: OPTIONS, allowPositionals: true, strict: true });
    const [name, ...args] = positionals;
    url = serviceUrl(values, env);
    if (values.help || !name) {
      io.out(`${USAGE}\n`);
      return name || values.help ? EXIT.ok : EXIT.usage;
    }
    const command = COMMANDS[name];
    // An unknown word is echoed only when it looks like a command: a token pasted in its place must not be printed.
    if (!command) throw new UsageError(`${/^[a-z-]{1,20}$/.test(name) ? `No command "${name}"` : 'No such command'}; see secrets --help`);
    return await command({ options: values, args, rest, env, ...io });
  } catch (error) {
    return failure(error, url, io.err);
  }
}

/** Says what went wrong in one line a script can read, and answers the exit code. Never the token. */
function failure(error: unknown, url: string, err: (text: string) => void): number {
  if (error instanceof SecretsApiError) {
    err(`secrets: ${error.message}${error.requestId ? ` [request ${error.requestId}]` : ''}\n`);
    for (const entry of error.problem?.errors ?? []) err(`  ${entry.field}: ${entry.message}\n`);
    for (const entry of error.problem?.missing ?? []) err(`  missing ${entry.key} at ${entry.path}\n`);
    return EXIT.refused;
  }
  if (error instanceof UsageError || error instanceof InsecureTransport || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    err(`secrets: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
  if (error instanceof TypeError && error.message === 'fetch failed') {
    // undici puts the socket's error in `cause` (an AggregateError of them when several addresses were tried).
    const cause = error.cause as { code?: string; errors?: { code?: string }[] } | undefined;
    const why = cause?.code ?? cause?.errors?.[0]?.code ?? 'no answer';
    err(`secrets: could not reach the service at ${url} (${why}); is it running? (--url or SECRETS_URL)\n`);
    return EXIT.unreachable;
  }
  err(`secrets: ${(error as Error).message ?? String(error)}\n`);
  return EXIT.refused;
}
