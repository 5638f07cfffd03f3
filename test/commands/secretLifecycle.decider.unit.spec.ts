import { describe, expect, it } from 'vitest';
import { personalSecretsDecider, type PersonalSecretsCommand } from '../../src/commands/personalSecrets.decider';
import { lifetimeOf } from '../../src/commands/secrets.state';
import { workspaceSecretsDecider, type WorkspaceLifecycleAccess, type WorkspaceSecretsCommand } from '../../src/commands/workspaceSecrets.decider';
import { Destroyed, Forbidden, NotFound, RuleViolation } from '../../src/errors';
import type { SecretDestroyed, WorkspaceSecretsEvent } from '../../src/events/secrets.events';
import type { WorkspacePermission } from '../../src/events/values';
import { given } from './deciderSpec';
import { createdBy, detailsChanged, memberAdded, prepared, secretDeleted, secretSet } from './secrets.fixtures';
import { by, meta } from './workspace.fixtures';

const givenSecrets = (...history: WorkspaceSecretsEvent[][]) => given(workspaceSecretsDecider, history.flat());
/** Active members, each a member since before the fixtures' events. */
const membersSince = (...userIds: string[]) => new Map(userIds.map((userId) => [userId, '2000-01-01T00:00:00.000Z']));
const MEMBERS = membersSince('alice', 'bob', 'carol');
const access = (permission: WorkspacePermission | null, activeMembers: ReadonlyMap<string, string> = MEMBERS): WorkspaceLifecycleAccess => ({ permission, activeMembers });
const envelope = (key: string, version: number, dataKeyId = `dk_${key}`) => prepared(key, version, { dataKeyId }).value;

const rollback = (actor: string, permission: WorkspacePermission | null, key: string, version: number, next: number): WorkspaceSecretsCommand => ({
  type: 'RollbackSecret',
  data: { key, version, sealed: { value: envelope(key, next), fingerprint: `fp_${key}_v${version}` }, access: access(permission) },
  context: by(actor),
});
const restore = (actor: string, permission: WorkspacePermission | null, key: string, activeMembers?: ReadonlyMap<string, string>, dataKeyId?: string): WorkspaceSecretsCommand => ({
  type: 'RestoreSecret',
  data: { key, lastValue: (version) => envelope(key, version, dataKeyId), access: access(permission, activeMembers) },
  context: by(actor),
});
const destroy = (actor: string, permission: WorkspacePermission | null, key: string, all = false): WorkspaceSecretsCommand => ({
  type: 'DestroySecret',
  data: { key, all, access: access(permission) },
  context: by(actor),
});
const destroyed = (key: string, lifetimes: Array<[string, number, number]>, actor = 'alice'): SecretDestroyed => ({
  type: 'SecretDestroyed',
  data: { key, lifetimes: lifetimes.map(([dataKeyId, firstVersion, lastVersion]) => ({ dataKeyId, firstVersion, lastVersion })), dataKeyIds: lifetimes.map(([id]) => id) },
  metadata: meta(actor),
});

/** API_KEY: versions 1-2 under dk_API_KEY (bob its Admin), deleted, then versions 3-4 under dk_new. */
const twoLifetimes = (): WorkspaceSecretsEvent[][] => [
  createdBy('API_KEY', 'bob'),
  [secretSet('API_KEY', 2), secretDeleted('API_KEY')],
  [secretSet('API_KEY', 3, { dataKeyId: 'dk_new' }), memberAdded('API_KEY', 'carol'), secretSet('API_KEY', 4, { dataKeyId: 'dk_new' })],
];

describe('Lifetimes of a secret', () => {
  it('runs from a creation to a deletion, one data key each, versions numbered on', () => {
    const { state } = givenSecrets(...twoLifetimes());
    expect(state.lifetimes.get('API_KEY')).toEqual([
      { dataKeyId: 'dk_API_KEY', firstVersion: 1, lastVersion: 2 },
      { dataKeyId: 'dk_new', firstVersion: 3, lastVersion: 4 },
    ]);
  });

  // Destroyed lifetimes were kept for ever: a key set, deleted and destroyed without end grew its
  // scope's state (and every load and copy of it) without end. Versions are numbered on without
  // gaps, so a version the key had that no standing lifetime holds was destroyed.
  it('keeps only those not destroyed: the versions no standing lifetime holds were destroyed', () => {
    const cycles = Array.from({ length: 1000 }, (_, i) => [
      secretSet('A', i + 2, { dataKeyId: `dk_${i}` }),
      secretDeleted('A'),
      destroyed('A', [[`dk_${i}`, i + 2, i + 2]]),
    ]).flat();
    const { state } = givenSecrets(createdBy('A', 'alice'), [secretDeleted('A')], cycles);
    expect([state.lifetimes.get('A'), state.keptLifetimes]).toEqual([[{ dataKeyId: 'dk_A', firstVersion: 1, lastVersion: 1 }], 1]);
    expect([lifetimeOf(state, 'A', 1), lifetimeOf(state, 'A', 500), lifetimeOf(state, 'A', 1001), lifetimeOf(state, 'A', 1002)]).toEqual([
      { dataKeyId: 'dk_A', firstVersion: 1, lastVersion: 1 },
      'destroyed',
      'destroyed',
      undefined,
    ]);
    const gone = workspaceSecretsDecider.fold(state, [destroyed('A', [['dk_A', 1, 1]])]);
    expect([gone.lifetimes.has('A'), gone.lastVersions.get('A'), gone.keptLifetimes]).toEqual([false, 1001, 0]);
  });
});

describe('Rollback', () => {
  it('records the next version with the value and fingerprint of the one asked for, marked as its rollback', () =>
    givenSecrets(...twoLifetimes())
      .when(rollback('carol', 'read', 'API_KEY', 3, 5))
      .then([
        { type: 'SecretSet', data: { key: 'API_KEY', version: 5, value: envelope('API_KEY', 5), fingerprint: 'fp_API_KEY_v3', rollbackOf: 3, continuesLifetime: true }, metadata: meta('carol') },
      ]));

  it('refuses a version of the lifetime before the deletion (409 other_lifetime)', () =>
    givenSecrets(...twoLifetimes()).when(rollback('alice', 'admin', 'API_KEY', 1, 5)).thenThrows(RuleViolation, { code: 'other_lifetime' }));

  it('refuses a version the key never had (404)', () =>
    givenSecrets(...twoLifetimes()).when(rollback('alice', 'admin', 'API_KEY', 9, 5)).thenThrows(NotFound, { code: 'version_not_found' }));

  it('refuses someone who is not the secret’s Admin (403), and a non-member (404)', () => {
    givenSecrets(...twoLifetimes()).when(rollback('bob', 'write', 'API_KEY', 3, 5)).thenThrows(Forbidden);
    givenSecrets(...twoLifetimes()).when(rollback('mallory', null, 'API_KEY', 3, 5)).thenThrows(NotFound, { code: 'workspace_not_found' });
  });

  it('refuses a key that is not live (404)', () =>
    givenSecrets(createdBy('A', 'alice'), [secretDeleted('A')]).when(rollback('alice', 'admin', 'A', 1, 2)).thenThrows(NotFound, { code: 'secret_not_found' }));
});

describe('Restore', () => {
  const deletedWithDetails = () => [createdBy('A', 'bob'), [memberAdded('A', 'carol', 'member', 'bob'), detailsChanged('A', { displayName: 'Named' }), secretSet('A', 2), secretDeleted('A')]];

  it('reopens the last lifetime as it was: its last value, details and the roles of active members', () => {
    const spec = givenSecrets(...deletedWithDetails());
    spec.when(restore('alice', 'admin', 'A')).then([
      {
        type: 'SecretRestored',
        data: {
          key: 'A',
          version: 2,
          value: envelope('A', 2),
          fingerprint: 'fp_A_v2',
          displayName: spec.state.deleted.get('A')!.displayName,
          description: null,
          members: [
            { userId: 'bob', role: 'admin' },
            { userId: 'carol', role: 'member' },
          ],
        },
        metadata: meta('alice'),
      },
    ]);
  });

  it('makes the restorer Admin when no explicit Admin is left among the active members', () => {
    const events = workspaceSecretsDecider.decide(restore('alice', 'admin', 'A', membersSince('alice', 'carol')), givenSecrets(...deletedWithDetails()).state);
    expect(events.map((e) => e.type)).toEqual(['SecretRestored', 'SecretMemberAdded']);
    expect(events[0]!.data).toMatchObject({ members: [{ userId: 'carol', role: 'member' }] });
    expect(events[1]!.data).toEqual({ key: 'A', userId: 'alice', role: 'admin' });
  });

  // A member who left and re-joined after the deletion starts without the roles they held: the
  // roles reactor removes them, and in a log written before it did, this does.
  it('gives back no role to a member whose current membership began after the deletion', () => {
    const deleted = givenSecrets(...deletedWithDetails()).state;
    const rejoined = new Map([...MEMBERS, ['bob', '2999-01-01T00:00:00.000Z']]);
    const events = workspaceSecretsDecider.decide(restore('alice', 'admin', 'A', rejoined), deleted);
    expect(events[0]!.data).toMatchObject({ members: [{ userId: 'carol', role: 'member' }] });
    expect(events.map((e) => e.type)).toEqual(['SecretRestored', 'SecretMemberAdded']);
  });

  it('refuses a key that exists again (409 secret_exists)', () =>
    givenSecrets(createdBy('A', 'alice'), [secretDeleted('A'), secretSet('A', 2, { dataKeyId: 'dk_again' })])
      .when(restore('alice', 'admin', 'A'))
      .thenThrows(RuleViolation, { code: 'secret_exists' }));

  it('refuses anyone but workspace admins (403), a key never deleted (404) and a destroyed lifetime (410)', () => {
    givenSecrets(...deletedWithDetails()).when(restore('bob', 'write', 'A')).thenThrows(Forbidden);
    givenSecrets().when(restore('alice', 'admin', 'NEVER')).thenThrows(NotFound, { code: 'secret_not_found' });
    givenSecrets(createdBy('A', 'alice'), [secretDeleted('A'), destroyed('A', [['dk_A', 1, 1]])]).when(restore('alice', 'admin', 'A')).thenThrows(Destroyed, { code: 'destroyed' });
  });

  it('refuses an envelope that is not the deleted lifetime’s (the versions view is behind)', () =>
    givenSecrets(...deletedWithDetails()).when(restore('alice', 'admin', 'A', MEMBERS, 'dk_other')).thenThrows(NotFound, { code: 'version_not_found' }));

  it('brings the secret back for later commands, and takes it off the deleted ones', () => {
    const state = workspaceSecretsDecider.fold(workspaceSecretsDecider.initialState, [
      ...deletedWithDetails().flat(),
      ...workspaceSecretsDecider.decide(restore('alice', 'admin', 'A'), givenSecrets(...deletedWithDetails()).state),
    ]);
    expect(state.secrets.get('A')).toMatchObject({ version: 2, dataKeyId: 'dk_A' });
    expect(state.deleted.has('A')).toBe(false);
  });
});

describe('Destroy', () => {
  it('destroys the live lifetime for its Admin, which deletes it', () => {
    const spec = givenSecrets(...twoLifetimes());
    spec.when(destroy('carol', 'read', 'API_KEY')).then([destroyed('API_KEY', [['dk_new', 3, 4]], 'carol')]);
    const kept = spec.state.lifetimes.get('API_KEY');
    const after = workspaceSecretsDecider.fold(spec.state, [destroyed('API_KEY', [['dk_new', 3, 4]])]);
    // States are shared (the command side's cache hands them out): the fold copies, never changes, the list it starts from.
    expect([spec.state.lifetimes.get('API_KEY'), kept?.length]).toEqual([kept, 2]);
    expect(after.secrets.has('API_KEY')).toBe(false);
    expect(after.deleted.has('API_KEY')).toBe(false);
    expect(after.lifetimes.get('API_KEY')!.map((l) => l.dataKeyId)).toEqual(['dk_API_KEY']);
  });

  it('destroys every lifetime with `all`, for workspace admins only', () => {
    givenSecrets(...twoLifetimes()).when(destroy('alice', 'admin', 'API_KEY', true)).then([destroyed('API_KEY', [['dk_API_KEY', 1, 2], ['dk_new', 3, 4]])]);
    givenSecrets(...twoLifetimes()).when(destroy('carol', 'read', 'API_KEY', true)).thenThrows(Forbidden);
  });

  it('destroys what is left of a deleted key, for workspace admins', () => {
    const history = [createdBy('A', 'bob'), [secretDeleted('A')]];
    givenSecrets(...history).when(destroy('alice', 'admin', 'A')).then([destroyed('A', [['dk_A', 1, 1]])]);
    givenSecrets(...history).when(destroy('bob', 'write', 'A')).thenThrows(Forbidden);
  });

  it('refuses what was destroyed already (410), a key never set (404), a non-Admin (403) and a non-member (404)', () => {
    givenSecrets(createdBy('A', 'alice'), [destroyed('A', [['dk_A', 1, 1]])]).when(destroy('alice', 'admin', 'A')).thenThrows(Destroyed);
    givenSecrets().when(destroy('alice', 'admin', 'NEVER')).thenThrows(NotFound, { code: 'secret_not_found' });
    givenSecrets(...twoLifetimes()).when(destroy('bob', 'write', 'API_KEY')).thenThrows(Forbidden);
    givenSecrets(...twoLifetimes()).when(destroy('mallory', null, 'API_KEY')).thenThrows(NotFound, { code: 'workspace_not_found' });
  });

  it('lets the key be set again afterwards: a new lifetime', () => {
    const state = givenSecrets(createdBy('A', 'alice'), [destroyed('A', [['dk_A', 1, 1]]), secretSet('A', 2, { dataKeyId: 'dk_next' })]).state;
    expect(state.secrets.get('A')).toMatchObject({ version: 2, dataKeyId: 'dk_next' });
    expect(state.lifetimes.get('A')!.map((l) => l.dataKeyId)).toEqual(['dk_next']);
    expect(lifetimeOf(state, 'A', 1)).toBe('destroyed');
  });
});

describe('Personal secrets: the owner may do all of it', () => {
  const personal = (...history: WorkspaceSecretsEvent[]) => given(personalSecretsDecider, history as never[]);
  const command = (type: PersonalSecretsCommand['type'], data: object): PersonalSecretsCommand => ({ type, data, context: by('pat') }) as PersonalSecretsCommand;
  it('rolls back, restores and destroys', () => {
    personal(secretSet('P', 1), secretSet('P', 2))
      .when(command('RollbackPersonalSecret', { key: 'P', version: 1, sealed: { value: envelope('P', 3), fingerprint: 'fp_P_v1' } }))
      .then([{ type: 'SecretSet', data: { key: 'P', version: 3, value: envelope('P', 3), fingerprint: 'fp_P_v1', rollbackOf: 1, continuesLifetime: true }, metadata: meta('pat') }]);
    const restored = personalSecretsDecider.decide(command('RestorePersonalSecret', { key: 'P', lastValue: (v: number) => envelope('P', v) }), personal(secretSet('P', 1), secretDeleted('P')).state);
    expect(restored.map((e) => e.type)).toEqual(['SecretRestored']);
    personal(secretSet('P', 1), secretSet('P', 2, { dataKeyId: 'dk_P' }))
      .when(command('DestroyPersonalSecret', { key: 'P', all: false }))
      .then([destroyed('P', [['dk_P', 1, 2]], 'pat')]);
  });
});
