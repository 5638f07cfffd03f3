import { Forbidden } from '../errors';
import { metadataOf } from '../events/event';
import type { SecretAccessEvent } from '../events/secretAccess.events';
import type { SecretRole, WorkspacePermission } from '../events/values';
import { unhandled, type Command, type Decider } from './command';
import { canRevealSecret } from './secretRights';

/**
 * Reads worth recording, in `secretAccess-<workspaceId>` or `personalSecretAccess-<userId>`.
 * The streams hold only records, so the state is empty and any revision will do.
 * `standing` is null for the owner of a personal secret (who may always read their own).
 */
export type Standing = Readonly<{ permission: WorkspacePermission | null; explicitRole: SecretRole | undefined }> | null;

export type RevealSecret = Command<'RevealSecret', { key: string; version: number; standing: Standing }>;
/** `auditor`: a token with audit:read, allowed to test values without being able to reveal. */
export type CheckFingerprint = Command<
  'CheckFingerprint',
  { key: string; matchedVersions: readonly number[]; matchCount: number; standing: Standing; auditor: boolean }
>;

export type SecretAccessCommand = RevealSecret | CheckFingerprint;

function mayRead(standing: Standing): boolean {
  return standing === null || canRevealSecret(standing.permission, standing.explicitRole);
}

/**
 * Refuses a fingerprint check to one who may not make it. The handler asks before it reads any
 * version (a secret may have any number), and the decider again when it records the check.
 */
export function requireMayCheck(key: string, standing: Standing, auditor: boolean): void {
  if (!auditor && !mayRead(standing)) throw new Forbidden(`Only those who may reveal ${key}, or auditors, can test values against it`);
}

function decide(command: SecretAccessCommand, _state: null): SecretAccessEvent[] {
  const metadata = metadataOf(command.context);
  switch (command.type) {
    case 'RevealSecret': {
      const { key, version, standing } = command.data;
      if (!mayRead(standing)) throw new Forbidden(`Only the admins and members of ${key} can reveal it`);
      return [{ type: 'SecretRevealed', data: { key, version }, metadata }];
    }
    case 'CheckFingerprint': {
      const { key, matchedVersions, matchCount, standing, auditor } = command.data;
      requireMayCheck(key, standing, auditor);
      return [{ type: 'FingerprintChecked', data: { key, matchedVersions: [...matchedVersions], matchCount }, metadata }];
    }
    default:
      return unhandled(command);
  }
}

export const secretAccessDecider: Decider<null, SecretAccessCommand, SecretAccessEvent> = {
  initialState: null,
  fold: (state) => state,
  decide,
};
