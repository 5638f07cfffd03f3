import { liveSecrets, unwrap } from '../../../clients/typescript';
import { EXIT, UsageError } from './cliErrors';
import { followCursor } from './cursorPages';
import type { Command, CommandContext } from './context';
import { scopeOf, signedInClient } from './settings';
import { withoutFinalNewline } from './stdin';

function oneKey(context: CommandContext, command: string): string {
  const [key, ...more] = context.args;
  if (!key || more.length > 0) throw new UsageError(`usage: secrets ${command} KEY`);
  return key;
}

/** The client and scope every command on secrets needs. */
function target(context: CommandContext) {
  return { client: signedInClient(context.options, context.env), scope: scopeOf(context.options, context.env) };
}

/** `ls`: the keys (one per line), or with --json the whole list; never values. */
export const ls: Command = async (context) => {
  const { client, scope } = target(context);
  const list = liveSecrets(
    unwrap(scope.kind === 'workspace' ? await client.GET('/v1/workspaces/{ws}/secrets', { params: { path: { ws: scope.ws } } }) : await client.GET('/v1/me/secrets')),
  );
  if (context.options.json) context.out(`${JSON.stringify(list, null, 2)}\n`);
  else for (const secret of list.secrets) context.out(`${secret.key}\n`);
  return EXIT.ok;
};

/**
 * `set KEY` takes the value from standard input: nothing else sees it. `set KEY=VALUE [KEY=VALUE…]`
 * sets several in one batch (all or nothing), as quick as a shell line is — but a command line is
 * kept by shells and shown by `ps` to every local user, so the CLI says so on standard error.
 */
export const set: Command = async (context) => {
  const { client, scope } = target(context);
  if (context.args.some((arg) => arg.includes('='))) return setPairs(context, client, scope);
  const key = oneKey(context, 'set');
  const value = withoutFinalNewline(await context.readStdin());
  if (value === '') throw new UsageError('No value on standard input: `printf %s "$VALUE" | secrets set KEY` (or `secrets set KEY=VALUE`)');
  const body = { value };
  const answer =
    scope.kind === 'workspace'
      ? await client.PUT('/v1/workspaces/{ws}/secrets/{key}', { params: { path: { ws: scope.ws, key } }, body })
      : await client.PUT('/v1/me/secrets/{key}', { params: { path: { key } }, body });
  const saved = unwrap(answer);
  context.err(`${answer.response.status === 201 ? 'Created' : 'Set'} ${key} (version ${saved.version})\n`);
  return EXIT.ok;
};

async function setPairs(context: CommandContext, client: ReturnType<typeof target>['client'], scope: ReturnType<typeof target>['scope']) {
  const set: Record<string, string> = {};
  for (const arg of context.args) {
    const equals = arg.indexOf('=');
    if (equals <= 0) throw new UsageError('usage: secrets set KEY=VALUE [KEY=VALUE…]   (or: printf %s "$VALUE" | secrets set KEY)');
    Object.defineProperty(set, arg.slice(0, equals), { value: arg.slice(equals + 1), enumerable: true, writable: true, configurable: true });
  }
  context.err('Note: values on the command line are kept in shell history and shown by ps; `printf %s "$VALUE" | secrets set KEY` keeps them out\n');
  const body = { set, delete: [] };
  const saved = unwrap(
    scope.kind === 'workspace' ? await client.PATCH('/v1/workspaces/{ws}/secrets', { params: { path: { ws: scope.ws } }, body }) : await client.PATCH('/v1/me/secrets', { body }),
  );
  context.err(`Set ${Object.keys(set).join(', ')} (revision ${saved.revision})\n`);
  return EXIT.ok;
}

/** `import FILE` (`-` for standard input): a .env file as one batch; --dry-run says what it would do. */
export const importFile: Command = async (context) => {
  const [file, ...more] = context.args;
  if (!file || more.length > 0) throw new UsageError('usage: secrets import FILE [--dry-run]   (FILE may be - for standard input)');
  const { readFile } = await import('node:fs/promises');
  const dotenv = file === '-' ? await context.readStdin() : await readFile(file, 'utf8');
  const { client, scope } = target(context);
  const body = { dotenv, dryRun: context.options['dry-run'] === true };
  const result = unwrap(
    scope.kind === 'workspace'
      ? await client.POST('/v1/workspaces/{ws}/secrets/import', { params: { path: { ws: scope.ws } }, body })
      : await client.POST('/v1/me/secrets/import', { body }),
  );
  if ('dryRun' in result) {
    for (const error of result.errors) context.err(`${error.message}\n`);
    const existing = new Set(result.existing);
    for (const key of result.keys) context.out(`${key}${existing.has(key) ? ' (exists: would be replaced)' : ''}\n`);
    return result.errors.length > 0 ? EXIT.refused : EXIT.ok;
  }
  context.err(`Imported ${result.keys.length} key${result.keys.length === 1 ? '' : 's'}: ${result.keys.join(', ')}\n`);
  return EXIT.ok;
};

/** `rm KEY…`: one key, or several in one batch (all or nothing). */
export const rm: Command = async (context) => {
  const keys = context.args;
  if (keys.length === 0) throw new UsageError('usage: secrets rm KEY [KEY…]');
  const { client, scope } = target(context);
  const body = { delete: [...keys] };
  unwrap(
    scope.kind === 'workspace'
      ? await client.PATCH('/v1/workspaces/{ws}/secrets', { params: { path: { ws: scope.ws } }, body })
      : await client.PATCH('/v1/me/secrets', { body }),
  );
  context.err(`Deleted ${keys.join(', ')}\n`);
  return EXIT.ok;
};

/** `reveal KEY`: the value on standard output (the reveal is on the record). */
export const reveal: Command = async (context) => {
  const key = oneKey(context, 'reveal');
  const { client, scope } = target(context);
  const revealed = unwrap(
    scope.kind === 'workspace'
      ? await client.POST('/v1/workspaces/{ws}/secrets/{key}/reveal', { params: { path: { ws: scope.ws, key } }, body: {} })
      : await client.POST('/v1/me/secrets/{key}/reveal', { params: { path: { key } }, body: {} }),
  );
  context.out(`${revealed.value}\n`);
  return EXIT.ok;
};

/** `history KEY`: every version, who set it and when, and its fingerprint (tab-separated). */
export const history: Command = async (context) => {
  const key = oneKey(context, 'history');
  const { client, scope } = target(context);
  const { entries: versions } = await followCursor(Infinity, async (cursor) => {
    const query = cursor === undefined ? {} : { cursor };
    const page = unwrap(
      scope.kind === 'workspace'
        ? await client.GET('/v1/workspaces/{ws}/secrets/{key}/history', { params: { path: { ws: scope.ws, key }, query } })
        : await client.GET('/v1/me/secrets/{key}/history', { params: { path: { key }, query } }),
    );
    return { entries: page.versions, nextCursor: page.nextCursor };
  });
  if (context.options.json) context.out(`${JSON.stringify(versions, null, 2)}\n`);
  else for (const v of versions) context.out(`${v.version}\t${v.at}\t${v.actor}\t${v.fingerprint}\n`);
  return EXIT.ok;
};
