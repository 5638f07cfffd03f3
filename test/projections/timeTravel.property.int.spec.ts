import fc from 'fast-check';
import { uncharged } from '../../src/projections/queries';
import { describe, expect, it } from 'vitest';
import { allProjections } from '../../src/projections';
import { projectAll } from '../../src/projections/projector';
import { viewCollections, viewHistory, viewLists, type ViewDocs } from '../../src/projections/views';
import type { EventStore } from '../../src/stores/eventStore.port';
import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteEventStore } from '../../src/stores/sqlite/sqlite.eventStore';
import { SqliteReadStore } from '../../src/stores/sqlite/sqlite.readStore';
import type { Client } from '../support/client';
import { startTestApp } from '../support/testService';
import { as, createWorkspace } from '../support/workspaces';

const USERS = ['bob', 'carol'] as const;
const KEYS = ['A', 'B', 'C'] as const;
const PERMISSIONS = ['admin', 'write', 'read'] as const;

/** One step of a workspace's life, as its admin (or a member) would take it over HTTP; refused steps are part of life too. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), by: fc.constantFrom('alice', ...USERS), key: fc.constantFrom(...KEYS), value: fc.constantFrom('v1', 'v2', 'v3') }),
  fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom(...KEYS) }),
  fc.record({ kind: fc.constant('details' as const), key: fc.constantFrom(...KEYS), name: fc.constantFrom('one', 'two', null) }),
  fc.record({ kind: fc.constant('join' as const), user: fc.constantFrom(...USERS), permission: fc.constantFrom(...PERMISSIONS) }),
  fc.record({ kind: fc.constant('remove' as const), user: fc.constantFrom(...USERS) }),
  fc.record({ kind: fc.constant('permission' as const), user: fc.constantFrom(...USERS), permission: fc.constantFrom(...PERMISSIONS) }),
  fc.record({ kind: fc.constant('share' as const), key: fc.constantFrom(...KEYS), user: fc.constantFrom(...USERS), role: fc.constantFrom('admin', 'member') }),
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

async function take(call: Client, ws: string, s: Step): Promise<void> {
  const alice = as('alice');
  switch (s.kind) {
    case 'set':
      return void (await call('PUT', `/v1/workspaces/${ws}/secrets/${s.key}`, { ...as(s.by), body: { value: s.value } }));
    case 'delete':
      return void (await call('DELETE', `/v1/workspaces/${ws}/secrets/${s.key}`, alice));
    case 'details':
      return void (await call('PATCH', `/v1/workspaces/${ws}/secrets/${s.key}`, { ...alice, body: { displayName: s.name } }));
    case 'join': {
      const invited = await call('POST', `/v1/workspaces/${ws}/invitations`, { ...alice, body: { email: `${s.user}@example.com`, permission: s.permission } });
      if (invited.status === 201) await call('POST', `/v1/invitations/${(invited.body as { id: string }).id}/accept`, as(s.user));
      return;
    }
    case 'remove':
      return void (await call('DELETE', `/v1/workspaces/${ws}/members/${s.user}`, alice));
    case 'permission':
      return void (await call('PATCH', `/v1/workspaces/${ws}/members/${s.user}`, { ...alice, body: { permission: s.permission } }));
    case 'share':
      return void (await call('POST', `/v1/workspaces/${ws}/secrets/${s.key}/members`, { ...alice, body: { email: `${s.user}@example.com`, role: s.role } }));
  }
}

/**
 * The log up to a position, folded by the projections into fresh views: what the workspace was
 * then. A write counts only once whole: the events of one that ends after the position (the
 * `continued` ones at the end of a stream's prefix) are left out, since no reader saw them.
 */
async function foldUpTo(log: EventStore, position: string) {
  const prefix = new SqliteEventStore(openDatabase(':memory:', { durable: false }));
  const views = new SqliteReadStore<ViewDocs>(openDatabase(':memory:', { durable: false }), viewCollections, viewHistory, viewLists);
  const upTo = (await log.readAll(null, 100_000)).filter((event) => BigInt(event.position) <= BigInt(position));
  const wholeThrough = new Map<string, number>();
  for (const event of upTo) if (!event.metadata.continued) wholeThrough.set(event.streamId, event.revision);
  for (const event of upTo) {
    if (event.revision > (wholeThrough.get(event.streamId) ?? 0)) continue;
    await prefix.append(event.streamId, [event], { expectedRevision: event.revision - 1 });
  }
  await projectAll(prefix, views, allProjections);
  return { views, close: async () => Promise.all([prefix.close(), views.close()]) };
}

const docsOf = <T>(found: ReadonlyArray<{ doc: T }>) => found.map((f) => f.doc);
type Item = { key?: string; userId?: string; version?: number; fingerprint?: string; permission?: string; displayName?: string | null };

/** An independent reading of "what changed": compare two answers item by item. */
function differences(before: readonly Item[], after: readonly Item[], id: (item: Item) => string, same: (a: Item, b: Item) => boolean) {
  const [was, is] = [new Map(before.map((i) => [id(i), i])), new Map(after.map((i) => [id(i), i]))];
  const out: string[] = [];
  for (const key of new Set([...was.keys(), ...is.keys()])) {
    if (!was.has(key)) out.push(`${key} added`);
    else if (!is.has(key)) out.push(`${key} removed`);
    else if (!same(was.get(key)!, is.get(key)!)) out.push(`${key} changed`);
  }
  return out.sort();
}

describe('time travel over any history', () => {
  it('answers every asOf as the log folded up to that position, and changes as the difference of two asOfs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), async (steps, pickFrom, pickTo) => {
        const app = await startTestApp();
        const ws = await createWorkspace(app.call, 'alice');
        const log = app.stores.eventStore;
        // Between two requests no write is unfinished: there, the oracle's cut leaves nothing out.
        const betweenRequests: string[] = [];
        for (const s of steps) {
          await take(app.call, ws, s);
          betweenRequests.push((await log.headPosition())!);
        }
        await app.caughtUp();
        const all = await log.readAll(null, 100_000);
        for (const head of betweenRequests) {
          const lastOfStream = new Map(all.filter((e) => BigInt(e.position) <= BigInt(head)).map((e) => [e.streamId, e]));
          expect([...lastOfStream.values()].filter((e) => e.metadata.continued), `unfinished writes at ${head}`).toEqual([]);
        }
        const positions = all.map((e) => e.position);
        const past = app.service.deps.past;
        const whileItExisted: string[] = [];
        for (const position of positions) {
          const { views, close } = await foldUpTo(log, position);
          try {
            const then = await past.workspace(ws, { position }, uncharged);
            if (then === null) {
              expect((await views.get('workspaces', ws))?.doc ?? null).toBeNull();
              continue;
            }
            whileItExisted.push(position);
            expect(then.secrets, `secrets at ${position}`).toEqual(docsOf(await views.find('workspaceSecrets', 'ownerId', ws)));
            expect(then.members, `members at ${position}`).toEqual(docsOf(await views.find('members', 'workspaceId', ws)));
            expect((await past.invitations(ws, { position }, uncharged)).docs, `invitations at ${position}`).toEqual(docsOf(await views.find('invitations', 'workspaceId', ws)));
          } finally {
            await close();
          }
        }
        // changes between two positions is what two asOf answers differ by.
        const pick = (n: number) => whileItExisted[n % whileItExisted.length]!;
        const [from, to] = [pick(pickFrom), pick(pickTo)].sort((a, b) => Number(BigInt(a) - BigInt(b)));
        const get = async (url: string) => (await app.call('GET', url, as('alice'))).body as Record<string, Item[]>;
        const changes = await get(`/v1/workspaces/${ws}/secrets/changes?from=${from}&to=${to}`);
        const [secretsFrom, secretsTo] = [await get(`/v1/workspaces/${ws}/secrets?asOf=${from}`), await get(`/v1/workspaces/${ws}/secrets?asOf=${to}`)];
        const [membersFrom, membersTo] = [await get(`/v1/workspaces/${ws}/members?asOf=${from}`), await get(`/v1/workspaces/${ws}/members?asOf=${to}`)];
        const keyChanges = differences(secretsFrom.secrets ?? [], secretsTo.secrets!, (s) => s.key!, (a, b) => a.version === b.version && a.displayName === b.displayName);
        const reported = [...new Set(changes.secrets!.map((c) => `${c.key} ${({ added: 'added', deleted: 'removed' } as Record<string, string>)[(c as { change: string }).change] ?? 'changed'}`))].sort();
        expect(reported, `changes of keys from ${from} to ${to}`).toEqual(keyChanges);
        const memberChanges = differences(membersFrom.members ?? [], membersTo.members!, (m) => m.userId!, (a, b) => a.permission === b.permission);
        const reportedMembers = changes.members!.map((c) => `${c.userId} ${({ joined: 'added', left: 'removed' } as Record<string, string>)[(c as { change: string }).change] ?? 'changed'}`).sort();
        expect(reportedMembers, `changes of members from ${from} to ${to}`).toEqual(memberChanges);
        await app.close();
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
