import { readFile } from 'node:fs/promises';
import { resolve, type ResolveRequest } from '../../../clients/typescript';
import { EXIT, UsageError } from './cliErrors';
import type { Command } from './context';
import { signedInClient } from './settings';

/**
 * `resolve [FILE]`: the body of POST /v1/resolve as JSON from FILE or standard input
 * (`workspaceId` from --workspace / SECRETS_WORKSPACE when it has none); prints the answer.
 * Needs a token with the secrets:resolve scope. Retries 503 and 429 as executors do.
 */
export const resolveReferences: Command = async (context) => {
  const [file, ...more] = context.args;
  if (more.length > 0) throw new UsageError('usage: secrets resolve [FILE]   (the request as JSON; standard input without FILE)');
  const text = file && file !== '-' ? await readFile(file, 'utf8') : await context.readStdin();
  let body: Partial<ResolveRequest>;
  try {
    body = JSON.parse(text) as Partial<ResolveRequest>;
  } catch {
    throw new UsageError('The request is not JSON: {"trigger": "manual", "triggeredBy": "alice", "input": {...}}');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new UsageError('The request must be a JSON object');
  const workspaceId = body.workspaceId ?? context.options.workspace ?? context.env.SECRETS_WORKSPACE;
  if (!workspaceId) throw new UsageError('Which workspace? Put workspaceId in the request, or give --workspace / SECRETS_WORKSPACE');
  const answer = await resolve(signedInClient(context.options, context.env), { ...body, workspaceId } as ResolveRequest);
  context.out(`${JSON.stringify(answer, null, 2)}\n`);
  return EXIT.ok;
};
