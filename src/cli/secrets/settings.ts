import { createSecretsClient, type SecretsClient } from '../../../clients/typescript';
import { UsageError } from './cliErrors';
import { loadToken, tokenFilePath } from './tokenFile';

export const DEFAULT_URL = 'http://127.0.0.1:3000';

/** Whose secrets a command acts on: a workspace's, or the signed-in user's own. */
export type Scope = Readonly<{ kind: 'workspace'; ws: string } | { kind: 'personal' }>;

export type GlobalOptions = Readonly<{ url?: string; workspace?: string; personal?: boolean }>;

/** The service's URL: `--url`, else `SECRETS_URL`, else the local default. */
export function serviceUrl(options: GlobalOptions, env: NodeJS.ProcessEnv): string {
  return options.url ?? env.SECRETS_URL ?? DEFAULT_URL;
}

/** `--workspace` / `SECRETS_WORKSPACE`, or `--personal`; exactly one. */
export function scopeOf(options: GlobalOptions, env: NodeJS.ProcessEnv): Scope {
  const ws = options.workspace ?? env.SECRETS_WORKSPACE;
  if (options.personal && options.workspace) throw new UsageError('Give --workspace or --personal, not both');
  if (options.personal) return { kind: 'personal' };
  if (ws) return { kind: 'workspace', ws };
  throw new UsageError('Which secrets? Give --workspace ID (or set SECRETS_WORKSPACE), or --personal for your own');
}

/** The token: `SECRETS_TOKEN`, else the file `login` wrote. Never printed. */
export function tokenOf(env: NodeJS.ProcessEnv): string {
  const token = env.SECRETS_TOKEN?.trim() || loadToken(tokenFilePath(env));
  if (!token) throw new UsageError('Not signed in: run `secrets login` (the token on stdin), or set SECRETS_TOKEN');
  return token;
}

/** A client of the service as the signed-in user (refuses an http:// URL off this machine). */
export function signedInClient(options: GlobalOptions, env: NodeJS.ProcessEnv): SecretsClient {
  return createSecretsClient({ baseUrl: serviceUrl(options, env), token: tokenOf(env) });
}
