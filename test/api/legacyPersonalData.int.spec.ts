import { beforeAll, describe, expect, it } from 'vitest';
import { DataKeys } from '../../src/crypto/dataKeys';
import { SecretCipher } from '../../src/crypto/secretCipher';
import { loadSodium } from '../../src/crypto/sodium';
import { subjects } from '../../src/crypto/subjectKeys';
import type { NewEvent } from '../../src/events/stored';
import { streamIds } from '../../src/events/streams';
import { openTestStores, testMasterKeys, token, useTestApp } from '../support/testService';
import { expectProblem, must } from '../support/workspaces';

/**
 * A log written before personal data was sealed (DESIGN §8): its events hold emails, addresses
 * and details as plain strings, and are never rewritten. They must still parse, project and
 * answer, and new commands must compare against them.
 */

const WS = 'ws_legacy';
const AT = '2025-01-10T08:00:00.000Z';
const old = (type: string, data: unknown, actor: string, clientAddress?: string): NewEvent => ({
  type,
  data,
  metadata: { actor, at: AT, schemaVersion: 1, requestId: `req_${type}_${actor}`, ...(clientAddress ? { clientAddress } : {}) },
});

type Member = { userId: string; email: string | null };
type Entry = { type: string; subject: { email?: string } | null; detail: Record<string, unknown> | null; request: Record<string, string> | null };

describe('A log written before personal data was sealed (legacy plaintext)', () => {
  const olga = { token: token('olga', { email: 'olga@example.com' }) };
  const stores = openTestStores(':memory:');
  const masterKeys = testMasterKeys();

  // Registered before the app's own hooks, so the old events are in the log when it starts.
  beforeAll(async () => {
    // The secret's value was sealed then as now: only its details were plain.
    const sodium = await loadSodium();
    const cipher = new SecretCipher(sodium, new DataKeys(sodium, stores.keyStore, masterKeys));
    const dataKey = await cipher.dataKeys.create();
    const ref = { scope: 'workspace', ownerId: WS, key: 'OLD', version: 1 } as const;
    await stores.eventStore.append(
      streamIds.workspace(WS),
      [
        old('WorkspaceCreated', { workspaceId: WS, name: 'Old times', creator: { userId: 'olga', email: 'olga@example.com' } }, 'olga', '198.51.100.7'),
        old('MemberInvited', { invitationId: 'inv_pat', email: 'pat@example.com', permission: 'write', external: false }, 'olga', '198.51.100.7'),
        old('MemberInvited', { invitationId: 'inv_quinn', email: 'quinn@example.com', permission: 'write', external: false }, 'olga'),
        old('InvitationAccepted', { invitationId: 'inv_quinn', userId: 'quinn', email: 'quinn@example.com', permission: 'write', external: false }, 'quinn', '198.51.100.8'),
      ],
      { expectedRevision: 0 },
    );
    await stores.eventStore.append(
      streamIds.workspaceSecrets(WS),
      [
        old('SecretSet', { key: 'OLD', version: 1, value: cipher.seal(dataKey, ref, 'old-value'), fingerprint: cipher.fingerprint(dataKey, 'old-value') }, 'olga'),
        old('SecretMemberAdded', { key: 'OLD', userId: 'olga', role: 'admin' }, 'olga'),
        old('SecretDetailsChanged', { key: 'OLD', displayName: 'Old name', description: 'Old description' }, 'olga'),
      ],
      { expectedRevision: 0 },
    );
  });
  const t = useTestApp({ eventStore: stores.eventStore, keyStore: stores.keyStore, masterKeys });
  beforeAll(() => t.caughtUp());

  it('projects it and answers members, invitations, details and the audit in the clear', async () => {
    const members = await must<{ members: Member[]; invitations: Member[] }>(t.call, 'GET', `/v1/workspaces/${WS}/members`, olga);
    expect(members.members.map((m) => [m.userId, m.email])).toEqual([
      ['olga', 'olga@example.com'],
      ['quinn', 'quinn@example.com'],
    ]);
    expect(members.invitations.map((i) => i.email)).toEqual(['pat@example.com']);
    expect(await must(t.call, 'GET', `/v1/workspaces/${WS}/secrets/OLD`, olga)).toMatchObject({ displayName: 'Old name', description: 'Old description' });
    const audit = (await must<{ entries: Entry[] }>(t.call, 'GET', `/v1/workspaces/${WS}/audit`, olga)).entries;
    expect(audit.find((e) => e.type === 'WorkspaceCreated')).toMatchObject({ subject: { email: 'olga@example.com' }, request: { clientAddress: '198.51.100.7' } });
    expect(audit.find((e) => e.type === 'InvitationAccepted')).toMatchObject({ subject: { email: 'quinn@example.com' }, request: { clientAddress: '198.51.100.8' } });
    expect(audit.find((e) => e.type === 'SecretDetailsChanged')).toMatchObject({ detail: { displayName: 'Old name', description: 'Old description' } });
  });

  it('compares new invitations with the plain emails: a member or a pending invitee is refused, whatever the case', async () => {
    const invite = (email: string) => t.call('POST', `/v1/workspaces/${WS}/invitations`, { ...olga, body: { email, permission: 'read' } });
    expectProblem(await invite('QUINN@example.com'), 409, 'already_member');
    expectProblem(await invite('Pat@Example.com'), 409, 'already_invited');
  });

  it('shares a secret with a member whose email is plain, named in any case', async () => {
    const shared = await must<{ userId: string }>(t.call, 'POST', `/v1/workspaces/${WS}/secrets/OLD/members`, { ...olga, body: { email: 'Quinn@Example.com', role: 'member' } });
    expect(shared.userId).toBe('quinn');
  });

  it('finds a plain invitation by the email in the token, and lets its invitee accept it', async () => {
    const pat = { token: token('pat', { email: 'Pat@Example.com' }) };
    const mine = await must<{ invitations: Array<{ id: string }> }>(t.call, 'GET', '/v1/me/invitations', pat);
    expect(mine.invitations.map((i) => i.id)).toEqual(['inv_pat']);
    expectProblem(await t.call('POST', '/v1/invitations/inv_pat/accept', { token: token('mallory') }), 404, 'invitation_not_found');
    await must(t.call, 'POST', '/v1/invitations/inv_pat/accept', pat);
    const members = (await must<{ members: Member[] }>(t.call, 'GET', `/v1/workspaces/${WS}/members`, olga)).members;
    expect(members.find((m) => m.userId === 'pat')?.email).toBe('pat@example.com');
  });

  it('records nothing for plain details given again, and a change sealed', async () => {
    const before = await must<{ revision: number }>(t.call, 'GET', `/v1/workspaces/${WS}/secrets`, olga);
    await must(t.call, 'PATCH', `/v1/workspaces/${WS}/secrets/OLD`, { ...olga, body: { displayName: 'Old name' } });
    expect((await must<{ revision: number }>(t.call, 'GET', `/v1/workspaces/${WS}/secrets`, olga)).revision).toBe(before.revision);
    await must(t.call, 'PATCH', `/v1/workspaces/${WS}/secrets/OLD`, { ...olga, body: { displayName: 'Old name', description: 'New description' } });
    expect(await must(t.call, 'GET', `/v1/workspaces/${WS}/secrets/OLD`, olga)).toMatchObject({ displayName: 'Old name', description: 'New description' });
    const changes = (await t.stores.eventStore.readAll(null, 10_000)).filter((e) => e.type === 'SecretDetailsChanged');
    expect(changes).toHaveLength(2);
    expect(JSON.stringify(changes[1]!.data)).not.toContain('New description');
  });

  it('cannot erase what the old events hold in the clear: destroying the subject key leaves it', async () => {
    await t.service.subjectKeys.destroy(subjects.user('olga'));
    const members = (await must<{ members: Member[] }>(t.call, 'GET', `/v1/workspaces/${WS}/members`, olga)).members;
    expect(members.find((m) => m.userId === 'olga')?.email).toBe('olga@example.com');
  });
});
