import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { unwrap } from '../../../clients/typescript';
import { UsageError } from './cliErrors';
import type { Command, CommandContext } from './context';
import { scopeOf, signedInClient } from './settings';

/** Signals a terminal or supervisor sends `secrets run`, passed on to the command it started. */
const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** The CLI's own settings: the token, above all, never reaches the command. */
const OWN_VARIABLES = ['SECRETS_TOKEN', 'SECRETS_URL', 'SECRETS_WORKSPACE'];

function chosenKeys(context: CommandContext): string[] {
  const { key, keys } = context.options;
  const named = [...[key ?? []].flat(), ...(typeof keys === 'string' ? keys.split(',') : [])].map((k) => String(k).trim()).filter(Boolean);
  if (named.length === 0) throw new UsageError('Name the secrets to pass: secrets run --key API_KEY [--key OTHER] -- COMMAND [ARGS…]');
  return [...new Set(named)];
}

/**
 * `run --key K1 --key K2 -- CMD ARGS…`: starts CMD with those secrets in its environment, fetched
 * by one bulk reveal with the signed-in user's rights (so each is on the record, and a key the
 * user may not reveal stops it before CMD starts). Exits with CMD's exit code.
 */
export const run: Command = async (context) => {
  const [command, ...args] = context.rest;
  if (!command || context.args.length > 0) throw new UsageError('usage: secrets run --key KEY [--key KEY…] -- COMMAND [ARGS…]');
  const keys = chosenKeys(context);
  const client = signedInClient(context.options, context.env);
  const scope = scopeOf(context.options, context.env);
  const body = { keys };
  const { secrets } = unwrap(
    scope.kind === 'workspace'
      ? await client.POST('/v1/workspaces/{ws}/secrets/reveal', { params: { path: { ws: scope.ws } }, body })
      : await client.POST('/v1/me/secrets/reveal', { body }),
  );
  const env: NodeJS.ProcessEnv = { ...context.env };
  for (const name of OWN_VARIABLES) delete env[name];
  for (const secret of secrets) env[secret.key] = secret.value;
  return new Promise<number>((done, fail) => {
    const child = spawn(command, args, { env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of FORWARDED) process.on(signal, forward);
    const stopForwarding = () => FORWARDED.forEach((signal) => process.off(signal, forward));
    child.on('error', (error) => {
      stopForwarding();
      fail(new UsageError(`Could not start ${command}: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      stopForwarding();
      // A command ended by a signal exits as shells report it: 128 + the signal's number.
      done(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
};
