import type { FastifyReply } from 'fastify';
import type { SaveResult } from '../commands/secrets.handlers';
import type { Written } from '../commands/streamCommands';
import type { SecretRole } from '../events/values';
import type { SecretDoc } from '../projections/views';
import { settle, tagWrite } from './consistency';
import type { AppDeps } from './deps';

/** A secret as lists and details show it: metadata and the caller's role, never the value. */
export function listItem(secret: SecretDoc, myRole: SecretRole | null) {
  const { key, displayName, description, version, createdAt, createdBy, updatedAt, updatedBy } = secret;
  return { key, displayName, description, version, createdAt, createdBy, updatedAt, updatedBy, myRole };
}

/** A scoped write's answer: once the views applied it, the new revision (also the ETag) and position. */
export async function answerWrite(deps: AppDeps, reply: FastifyReply, written: Written) {
  await settle(deps.progress, written.position);
  tagWrite(reply, written);
  return { revision: written.revision, position: written.position ?? '0' };
}

/** One key set: 201 when the key is new, with its version. */
export async function answerPut(deps: AppDeps, reply: FastifyReply, key: string, saved: SaveResult) {
  const body = await answerWrite(deps, reply, saved);
  return reply.code(saved.created.includes(key) ? 201 : 200).send({ ...body, key, version: saved.versions[key] ?? 0 });
}

export async function answerDelete(deps: AppDeps, reply: FastifyReply, written: Written) {
  await answerWrite(deps, reply, written);
  return reply.code(204).send();
}
