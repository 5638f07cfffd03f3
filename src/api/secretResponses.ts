import type { FastifyReply } from 'fastify';
import { saveOutcome, type SecretsResult } from '../commands/secrets.commands';
import type { SecretRole } from '../events/values';
import type { ShownSecret } from '../projections/personalDataReader';

/** A secret as lists and details show it: metadata (its details opened) and the caller's role, never the value. */
export function listItem(secret: ShownSecret, myRole: SecretRole | null) {
  const { key, displayName, description, version, createdAt, createdBy, updatedAt, updatedBy } = secret;
  return { key, displayName, description, version, createdAt, createdBy, updatedAt, updatedBy, myRole };
}

/** One key set: 201 when the key is new (or set again after a delete), with its version. */
export function answerPut(reply: FastifyReply, key: string, saved: SecretsResult) {
  const { created, versions } = saveOutcome(saved, [key]);
  const body = { revision: saved.revision, position: saved.position ?? '0', key, version: versions[key] ?? 0 };
  return reply.written(saved, { status: created.includes(key) ? 201 : 200, body });
}
