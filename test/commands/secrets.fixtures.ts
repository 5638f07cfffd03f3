import type { DetailsInput } from '../../src/commands/detailsSealer';
import type { PersonalSecretsCommand } from '../../src/commands/personalSecrets.decider';
import type { CurrentDetails, DetailsChange } from '../../src/commands/secretDetails';
import type { SharingChange } from '../../src/commands/secretSharing';
import { planBatch, planWorkspaceBatch, type SealedVersion } from '../../src/commands/secrets.batch';
import type { SecretsState } from '../../src/commands/secrets.state';
import { workspaceDecider, type WorkspaceState } from '../../src/commands/workspace.decider';
import type { WorkspaceSecretsCommand } from '../../src/commands/workspaceSecrets.decider';
import type { SecretDeleted, SecretDetailsChanged, SecretSet, WorkspaceSecretsEvent } from '../../src/events/secrets.events';
import { isSealed, type Forgettable, type SealedValue, type SecretRole, type WorkspacePermission } from '../../src/events/values';
import type { WorkspaceEvent } from '../../src/events/workspace.events';
import { by, meta } from './workspace.fixtures';

/** A key's value as the handler seals it: for a version, under a data key, with its fingerprint. */
export type PreparedValue = SealedVersion & Readonly<{ key: string }>;

/**
 * A value as the handler would hand it over, built by hand: the deciders never decrypt, so any
 * base64-ish strings do. By default each key has its own data key and each version its own
 * fingerprint, as a real handler's would.
 */
export function prepared(
  key: string,
  version: number,
  options: { dataKeyId?: string; fingerprint?: string } = {},
): PreparedValue {
  return {
    key,
    version,
    value: { dataKeyId: options.dataKeyId ?? `dk_${key}`, nonce: 'bm9uY2Vub25jZQ==', ciphertext: `Y2lwaGVy${key}${version}==` },
    fingerprint: options.fingerprint ?? `fp_${key}_v${version}`,
  };
}

/** `continues`: the version goes on in the key's live lifetime, as the decider now records it. */
type SetOptions = Parameters<typeof prepared>[2] & { actor?: string; continues?: true };

/** A SecretSet; without `continues`, also as events were recorded before lifetimes were marked. */
export const secretSet = (key: string, version: number, options: SetOptions = {}): SecretSet => {
  const { value, fingerprint } = prepared(key, version, options);
  const data = { key, version, value, fingerprint };
  return { type: 'SecretSet', data: options.continues ? { ...data, continuesLifetime: true } : data, metadata: meta(options.actor ?? 'alice') };
};

/** A SecretDeleted naming the version deleted, as the decider records it; without one, as events were recorded before. */
export const secretDeleted = (key: string, actor = 'alice', version?: number): SecretDeleted => ({
  type: 'SecretDeleted',
  data: version === undefined ? { key } : { key, version },
  metadata: meta(actor),
});

export const memberAdded = (key: string, userId: string, role: SecretRole = 'admin', actor = userId): WorkspaceSecretsEvent => ({
  type: 'SecretMemberAdded',
  data: { key, userId, role },
  metadata: meta(actor),
});

export const roleChanged = (key: string, userId: string, role: SecretRole, actor = 'alice'): WorkspaceSecretsEvent => ({
  type: 'SecretMemberRoleChanged',
  data: { key, userId, role },
  metadata: meta(actor),
});

export const memberRemoved = (key: string, userId: string, actor = 'alice'): WorkspaceSecretsEvent => ({
  type: 'SecretMemberRemoved',
  data: { key, userId },
  metadata: meta(actor),
});

/**
 * A detail as the handler seals it, built by hand: deciders never open it, so a recognisable
 * stand-in does (`opened` reads it back, as the handler would open the real one).
 */
export const sealedText = (text: string): SealedValue => ({ dataKeyId: 'dk_fixture', nonce: 'bm9uY2U=', ciphertext: `sealed:${text}` });
const opened = (value: Forgettable | null): string | null => (value === null || !isSealed(value) ? value : value.ciphertext.slice('sealed:'.length));

type Details = { displayName?: string | null; description?: string | null };
const sealedDetails = (details: Details) =>
  Object.fromEntries(Object.entries(details).map(([field, text]) => [field, text === null || text === undefined ? text : sealedText(text)]));

/** Details changed, recorded sealed (as this version does). */
export const detailsChanged = (key: string, details: Details, actor = 'alice'): SecretDetailsChanged => ({
  type: 'SecretDetailsChanged',
  data: { key, ...sealedDetails(details) },
  metadata: meta(actor),
});

/** Details changed as recorded before they were sealed: plain text (legacy). */
export const plainDetailsChanged = (key: string, details: Details, actor = 'alice'): SecretDetailsChanged => ({
  type: 'SecretDetailsChanged',
  data: { key, ...details },
  metadata: meta(actor),
});

/** A key created (version 1) by `creator`, who became its Admin, as the decider records it. */
export const createdBy = (key: string, creator: string): WorkspaceSecretsEvent[] => [
  secretSet(key, 1, { actor: creator }),
  memberAdded(key, creator),
];

/** `count` secrets named `K0000`, `K0001`, … at version 1 (no members: only sizes matter). */
export const filled = (count: number): SecretSet[] =>
  Array.from({ length: count }, (_, i) => secretSet(`K${String(i).padStart(4, '0')}`, 1));

export type Batch = Readonly<{ set?: readonly PreparedValue[]; delete?: readonly string[] }>;

const keysOf = (batch: Batch) => ({ set: (batch.set ?? []).map((p) => p.key), delete: batch.delete ?? [] });
const sealedOf = (batch: Batch) => new Map((batch.set ?? []).map(({ key, ...sealed }) => [key, sealed]));

/** SaveWorkspaceSecrets as the handler makes it on a state: planned there (refusing what the rules refuse), then sealed. */
export const save =
  (actor: string, permission: WorkspacePermission | null, batch: Batch) =>
  (state: SecretsState): WorkspaceSecretsCommand => ({
    type: 'SaveWorkspaceSecrets',
    data: { plan: planWorkspaceBatch(state, actor, permission, keysOf(batch)), sealed: sealedOf(batch) },
    context: by(actor),
  });

export const removeRolesOf = (userId: string, actor = 'alice'): WorkspaceSecretsCommand => ({
  type: 'RemoveSecretRoles',
  data: { userId },
  context: by(actor),
});

export const savePersonal =
  (owner: string, batch: Batch) =>
  (state: SecretsState): PersonalSecretsCommand => ({
    type: 'SavePersonalSecrets',
    data: { plan: planBatch(state, keysOf(batch)), sealed: sealedOf(batch) },
    context: by(owner),
  });

/** What the handler brings for a details change on a state: the given fields sealed, and the current ones opened. */
function prepareDetails(state: SecretsState, key: string, input: DetailsInput): { change: DetailsChange; current: CurrentDetails } {
  const change: { -readonly [F in keyof DetailsChange]: DetailsChange[F] } = {};
  for (const field of ['displayName', 'description'] as const) {
    const text = input[field];
    if (text !== undefined) change[field] = text === null ? null : { text, sealed: sealedText(text) };
  }
  const secret = state.secrets.get(key);
  return { change, current: { displayName: opened(secret?.displayName ?? null), description: opened(secret?.description ?? null) } };
}

export const changeDetails =
  (actor: string, permission: WorkspacePermission | null, key: string, input: DetailsInput) =>
  (state: SecretsState): WorkspaceSecretsCommand => ({
    type: 'ChangeSecretDetails',
    data: { key, ...prepareDetails(state, key, input), access: { permission } },
    context: by(actor),
  });

export const changePersonalDetails =
  (owner: string, key: string, input: DetailsInput) =>
  (state: SecretsState): PersonalSecretsCommand => ({
    type: 'ChangePersonalSecretDetails',
    data: { key, ...prepareDetails(state, key, input) },
    context: by(owner),
  });

/**
 * ShareSecret as the handler builds it: the actor's permission and the active members with
 * theirs, folded from the given `workspace-` events (so removals and permission changes count).
 */
export const share = (actor: string, workspace: readonly WorkspaceEvent[], key: string, change: SharingChange): WorkspaceSecretsCommand => {
  const state: WorkspaceState = workspaceDecider.fold(workspaceDecider.initialState, workspace);
  const members = new Map(state.status === 'active' ? [...state.members.values()].map((m) => [m.userId, m.permission] as const) : []);
  return { type: 'ShareSecret', data: { key, change, access: { permission: members.get(actor) ?? null, members } }, context: by(actor) };
};
