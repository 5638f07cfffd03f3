import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../src/commands/actor';
import { MAX_MATCHES_SHOWN, type SecretAccessHandlers } from '../../src/commands/secretAccess.handlers';
import { Forbidden, NotFound } from '../../src/errors';
import { recordStreamId, streamIds } from '../../src/events/streams';
import type { WorkspacePermission } from '../../src/events/values';
import { HISTORY_PAGE_MAX, uncharged, type Views } from '../../src/projections/queries';
import { startWorld, user, type World } from '../projections/world.fixture';

const [alice, bob, carol, erin, dora, mallory] = ['alice', 'bob', 'carol', 'erin', 'dora', 'mallory'].map(user) as [Actor, Actor, Actor, Actor, Actor, Actor];

describe('Secret access handlers', () => {
  let t: World;
  let access: SecretAccessHandlers;
  let views: Views;
  let ws: string;
  /** The events of a stream as the log holds them: type, data and actor. */
  const stream = async (streamId: string) =>
    (await t.eventStore.readStream(streamId)).map(({ type, data, metadata }) => ({ type, data, actor: metadata.actor }));
  const set = (actor: Actor, values: Record<string, string>, del: string[] = []) => t.secrets.saveWorkspace(actor, ws, { set: values, delete: del });
  /** The records this process (instance `main`, as a test service is) wrote about the workspace, and about a user. */
  const accessStream = () => stream(recordStreamId('workspaceRecords', 'main', ws));
  const personalRecords = (userId: string) => stream(recordStreamId('personalRecords', 'main', userId));

  /** alice admin; bob write (API_KEY's Member); carol read (no role); erin write (no role); dora and mallory outsiders. */
  beforeEach(async () => {
    // Views that lag give up after 100 ms here, not the 5 s of the service as shipped.
    t = await startWorld({ viewWaitMs: 100 });
    ({ access, views } = t.service.deps);
    ws = (await t.workspaces.create(alice, 'Acme')).workspaceId;
    const join = async (member: Actor, permission: WorkspacePermission) => {
      const { invitationId } = await t.workspaces.invite(alice, ws, { email: member.email!, permission, external: false });
      await t.workspaces.accept(member, ws, invitationId);
    };
    await join(bob, 'write');
    await join(carol, 'read');
    await join(erin, 'write');
    await set(alice, { API_KEY: 'sk_live_1' });
    await t.service.deps.secrets.share(alice, ws, 'API_KEY', { kind: 'add', email: 'BOB@example.com', role: 'member' });
  });
  afterEach(() => t.close());

  describe('when a workspace secret is revealed', () => {
    it('returns the current value and version, and records exactly one SecretRevealed', async () => {
      expect(await access.revealWorkspace(alice, ws, 'API_KEY')).toEqual({ value: 'sk_live_1', version: 1, position: expect.any(String) });
      expect(await accessStream()).toEqual([{ type: 'SecretRevealed', data: { key: 'API_KEY', version: 1 }, actor: 'alice' }]);
    });

    it("reveals to the secret's Member too", async () => {
      expect(await access.revealWorkspace(bob, ws, 'API_KEY')).toEqual({ value: 'sk_live_1', version: 1, position: expect.any(String) });
      expect(await accessStream()).toEqual([{ type: 'SecretRevealed', data: { key: 'API_KEY', version: 1 }, actor: 'bob' }]);
    });

    it("leaves the workspace secrets' revision (ETag) and stream unchanged", async () => {
      await t.settled();
      const before = await views.workspaceSecrets(ws, uncharged);
      const streamBefore = await stream(streamIds.workspaceSecrets(ws));
      await access.revealWorkspace(alice, ws, 'API_KEY');
      await access.revealWorkspace(bob, ws, 'API_KEY');
      await t.settled();
      expect(before.revision).toBe(streamBefore.length);
      expect((await views.workspaceSecrets(ws, uncharged)).revision).toBe(before.revision);
      expect(await stream(streamIds.workspaceSecrets(ws))).toEqual(streamBefore);
      expect(await accessStream()).toHaveLength(2);
    });

    it('waits for lagging views outside the access queue: concurrent reveals do not wait one after another', async () => {
      await t.projector.stop();
      await set(alice, { API_KEY: 'sk_live_lagging' });
      // Counts the waits in progress at once: two reveals queued behind each other would never overlap.
      const waitFor = t.projector.waitFor.bind(t.projector);
      let waiting = 0;
      let mostAtOnce = 0;
      t.projector.waitFor = async (position, timeoutMs) => {
        mostAtOnce = Math.max(mostAtOnce, (waiting += 1));
        try {
          return await waitFor(position, timeoutMs);
        } finally {
          waiting -= 1;
        }
      };
      const results = await Promise.allSettled([access.revealWorkspace(alice, ws, 'API_KEY'), access.revealWorkspace(alice, ws, 'API_KEY')]);
      expect(results.map((r) => r.status === 'rejected' && (r.reason as Error).name)).toEqual(['NotCaughtUp', 'NotCaughtUp']);
      expect(mostAtOnce).toBe(2);
      expect(await accessStream()).toEqual([]);
    });

    it('returns the new value and version after an update', async () => {
      await set(alice, { API_KEY: 'sk_live_2' });
      expect(await access.revealWorkspace(bob, ws, 'API_KEY')).toEqual({ value: 'sk_live_2', version: 2, position: expect.any(String) });
      expect(await accessStream()).toEqual([{ type: 'SecretRevealed', data: { key: 'API_KEY', version: 2 }, actor: 'bob' }]);
    });

    it('refuses write and read members without a role on it, and records nothing', async () => {
      await expect(access.revealWorkspace(erin, ws, 'API_KEY')).rejects.toBeInstanceOf(Forbidden);
      await expect(access.revealWorkspace(carol, ws, 'API_KEY')).rejects.toBeInstanceOf(Forbidden);
      expect(await accessStream()).toEqual([]);
    });

    it('tells a non-member the workspace does not exist, and records nothing', async () => {
      await expect(access.revealWorkspace(mallory, ws, 'API_KEY')).rejects.toMatchObject({ code: 'workspace_not_found' });
      expect(await accessStream()).toEqual([]);
    });

    it('refuses an unknown or deleted key, and records nothing', async () => {
      await expect(access.revealWorkspace(alice, ws, 'NOPE')).rejects.toMatchObject({ code: 'secret_not_found' });
      await set(alice, {}, ['API_KEY']);
      await expect(access.revealWorkspace(alice, ws, 'API_KEY')).rejects.toMatchObject({ code: 'secret_not_found' });
      expect(await accessStream()).toEqual([]);
    });
  });

  describe('when a personal secret is revealed', () => {
    it("returns the owner's value and records it in their own access stream", async () => {
      await t.secrets.savePersonal(bob, { set: { TOKEN: 'ghp_1' }, delete: [] });
      await t.secrets.savePersonal(bob, { set: { TOKEN: 'ghp_2' }, delete: [] });
      expect(await access.revealPersonal(bob, 'TOKEN')).toEqual({ value: 'ghp_2', version: 2, position: expect.any(String) });
      expect(await personalRecords('bob')).toEqual([{ type: 'SecretRevealed', data: { key: 'TOKEN', version: 2 }, actor: 'bob' }]);
      expect(await accessStream()).toEqual([]);
    });

    it("never reveals another user's personal secret: each only reaches their own", async () => {
      await t.secrets.savePersonal(bob, { set: { TOKEN: 'ghp_1' }, delete: [] });
      await expect(access.revealPersonal(alice, 'TOKEN')).rejects.toBeInstanceOf(NotFound);
      expect(await personalRecords('alice')).toEqual([]);
      expect(await personalRecords('bob')).toEqual([]);
    });
  });

  describe('when a value is checked against the fingerprints', () => {
    /** API_KEY: v1 sk_live_1 (beforeEach), v2 other, v3 sk_live_1, deleted, v4 sk_live_1 (new data key), v5 last. */
    const history = async () => {
      await set(alice, { API_KEY: 'other' });
      await set(alice, { API_KEY: 'sk_live_1' });
      await set(alice, {}, ['API_KEY']);
      await set(alice, { API_KEY: 'sk_live_1' });
      await set(alice, { API_KEY: 'last' });
      await t.settled();
    };
    const versionsOf = (result: { matches: { version: number }[] }) => result.matches.map((m) => m.version);

    it('finds exactly the versions that had the value, across a deletion and a new data key', async () => {
      await history();
      const { versions } = await views.historyPage(`workspace:${ws}`, 'API_KEY', undefined, 100, 'asc', uncharged);
      expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5]);
      expect(new Set(versions.map((v) => v.dataKeyId)).size).toBe(2);
      expect(versions[3]!.dataKeyId).not.toBe(versions[2]!.dataKeyId);
      // Under a new data key the same value has another fingerprint: both must be recomputed.
      expect(versions[3]!.fingerprint).not.toBe(versions[0]!.fingerprint);

      const result = await access.checkFingerprint(alice, 'workspace', ws, 'API_KEY', 'sk_live_1', false);
      expect(result.key).toBe('API_KEY');
      expect(versionsOf(result)).toEqual([1, 3, 4]);
      expect(result.matches.every((m) => m.actor === 'alice' && m.at.length > 0)).toBe(true);
      expect(versionsOf(await access.checkFingerprint(alice, 'workspace', ws, 'API_KEY', 'last', false))).toEqual([5]);
    });

    it('matches nothing for another value, and records each check with what it matched', async () => {
      await history();
      expect(versionsOf(await access.checkFingerprint(alice, 'workspace', ws, 'API_KEY', 'sk_live_', false))).toEqual([]);
      await access.checkFingerprint(alice, 'workspace', ws, 'API_KEY', 'sk_live_1', false);
      expect(await accessStream()).toEqual([
        { type: 'FingerprintChecked', data: { key: 'API_KEY', matchedVersions: [], matchCount: 0 }, actor: 'alice' },
        { type: 'FingerprintChecked', data: { key: 'API_KEY', matchedVersions: [1, 3, 4], matchCount: 3 }, actor: 'alice' },
      ]);
    });

    it('answers and records the newest 100 matches, and how many there were in all', async () => {
      // Version 1 and every odd version after it hold sk_live_1: 103 matches in 205 versions.
      for (let i = 0; i < 102; i += 1) {
        await set(alice, { API_KEY: `other-${i}` });
        await set(alice, { API_KEY: 'sk_live_1' });
      }
      const newest = Array.from({ length: MAX_MATCHES_SHOWN }, (_, i) => 7 + 2 * i);
      const result = await access.checkFingerprint(alice, 'workspace', ws, 'API_KEY', 'sk_live_1', false);
      expect(result.matchCount).toBe(103);
      expect(versionsOf(result)).toEqual(newest);
      expect(await accessStream()).toEqual([{ type: 'FingerprintChecked', data: { key: 'API_KEY', matchedVersions: newest, matchCount: 103 }, actor: 'alice' }]);
    });

    it('finds the versions of a deleted key', async () => {
      await set(alice, {}, ['API_KEY']);
      expect(versionsOf(await access.checkFingerprint(alice, 'workspace', ws, 'API_KEY', 'sk_live_1', false))).toEqual([1]);
    });

    it('finds a version just written: it waits for the views to reach the stream', async () => {
      await t.settled();
      await set(alice, { API_KEY: 'sk_live_2' });
      expect(versionsOf(await access.checkFingerprint(alice, 'workspace', ws, 'API_KEY', 'sk_live_2', false))).toEqual([2]);
      expect(await accessStream()).toEqual([{ type: 'FingerprintChecked', data: { key: 'API_KEY', matchedVersions: [2], matchCount: 1 }, actor: 'alice' }]);
    });

    it('finds a workspace key just created', async () => {
      await set(alice, { NEW_KEY: 'fresh' });
      expect(versionsOf(await access.checkFingerprint(alice, 'workspace', ws, 'NEW_KEY', 'fresh', false))).toEqual([1]);
    });

    it('finds a personal key just created', async () => {
      await t.settled();
      await t.secrets.savePersonal(bob, { set: { TOKEN: 'ghp_1' }, delete: [] });
      expect(versionsOf(await access.checkFingerprint(bob, 'personal', 'bob', 'TOKEN', 'ghp_1', false))).toEqual([1]);
    });

    it('lets an auditor who is not a member check, but not reveal', async () => {
      await history();
      expect(versionsOf(await access.checkFingerprint(dora, 'workspace', ws, 'API_KEY', 'sk_live_1', true))).toEqual([1, 3, 4]);
      await expect(access.revealWorkspace(dora, ws, 'API_KEY')).rejects.toBeInstanceOf(NotFound);
      expect(await accessStream()).toEqual([{ type: 'FingerprintChecked', data: { key: 'API_KEY', matchedVersions: [1, 3, 4], matchCount: 3 }, actor: 'dora' }]);
    });

    it('lets an auditor who is a member without a role check', async () => {
      expect(versionsOf(await access.checkFingerprint(erin, 'workspace', ws, 'API_KEY', 'sk_live_1', true))).toEqual([1]);
    });

    it('reads the versions a page lists without their envelopes, roles or names, and one version whole', async () => {
      // Values of up to 64 KiB: a page of 1,000 whole versions was ~88 MB of documents to read and parse.
      for (let i = 2; i <= 4; i += 1) await set(alice, { API_KEY: `${i}`.padEnd(60_000, 'v') });
      await t.settled();
      const read = vi.spyOn(t.readStore, 'firstVersions');
      const listed = await views.historyPage(`workspace:${ws}`, 'API_KEY', undefined, 100, 'asc', uncharged);
      await access.checkFingerprint(alice, 'workspace', ws, 'API_KEY', 'sk_live_1', false);
      const pages = (await Promise.all(read.mock.results.map((result) => result.value))) as { doc: unknown }[][];
      const largest = Math.max(...pages.flat().map(({ doc }) => JSON.stringify(doc).length));
      expect([listed.versions.length, pages.flat().length, largest < 1_000]).toEqual([4, 8, true]);
      expect((await views.historyVersion(`workspace:${ws}`, 'API_KEY', 3))?.value.ciphertext.length).toBeGreaterThan(60_000);
    });

    it('refuses before reading a single version, and before saying whether the key exists', async () => {
      const read = vi.spyOn(views, 'versionPages');
      await expect(access.checkFingerprint(carol, 'workspace', ws, 'API_KEY', 'sk_live_1', false)).rejects.toBeInstanceOf(Forbidden);
      await expect(access.checkFingerprint(carol, 'workspace', ws, 'NEVER_SET', 'x', false)).rejects.toBeInstanceOf(Forbidden);
      expect(read).not.toHaveBeenCalled();
    });

    it('charges its further pages once, before reading any, and reads no page when the charge throws', async () => {
      for (let i = 0; i < 2 * HISTORY_PAGE_MAX; i += 1) await set(alice, { API_KEY: `v-${i}` });
      const read = vi.spyOn(t.readStore, 'firstVersions');
      const charged: number[] = [];
      const result = await access.checkFingerprint(alice, 'workspace', ws, 'API_KEY', 'sk_live_1', false, async (pages) => {
        charged.push(pages, read.mock.calls.length);
      });
      // 2,001 versions: three pages, the two after the first charged before the first is read;
      // each page read 100 versions a statement (each with one more, to see whether more follow).
      expect([result.matchCount, charged, read.mock.calls.length]).toEqual([1, [2, 0], 10 + 10 + 1]);
      read.mockClear();
      const stopped = access.checkFingerprint(alice, 'workspace', ws, 'API_KEY', 'sk_live_1', false, () => Promise.reject(new Error('budget spent')));
      await expect(stopped).rejects.toThrow('budget spent');
      expect([read.mock.calls.length, (await accessStream()).length]).toEqual([0, 1]);
    });

    it('charges nothing more for a secret whose versions fit one page', async () => {
      const charged: number[] = [];
      await access.checkFingerprint(alice, 'workspace', ws, 'API_KEY', 'sk_live_1', false, async (pages) => {
        charged.push(pages);
      });
      expect(charged).toEqual([]);
    });

    it('refuses a member without a role who is no auditor, and records nothing', async () => {
      await expect(access.checkFingerprint(erin, 'workspace', ws, 'API_KEY', 'sk_live_1', false)).rejects.toBeInstanceOf(Forbidden);
      await expect(access.checkFingerprint(carol, 'workspace', ws, 'API_KEY', 'sk_live_1', false)).rejects.toBeInstanceOf(Forbidden);
      expect(await accessStream()).toEqual([]);
    });

    it('tells a non-member who is no auditor the workspace does not exist, and records nothing', async () => {
      await expect(access.checkFingerprint(mallory, 'workspace', ws, 'API_KEY', 'sk_live_1', false)).rejects.toMatchObject({
        code: 'workspace_not_found',
      });
      expect(await accessStream()).toEqual([]);
    });

    it('refuses a key that never existed', async () => {
      await expect(access.checkFingerprint(alice, 'workspace', ws, 'NOPE', 'x', false)).rejects.toMatchObject({ code: 'secret_not_found' });
      expect(await accessStream()).toEqual([]);
    });

    it("checks the owner's personal secret and records it in their access stream", async () => {
      await t.secrets.savePersonal(bob, { set: { TOKEN: 'ghp_1' }, delete: [] });
      await t.secrets.savePersonal(bob, { set: { TOKEN: 'ghp_2' }, delete: [] });
      expect(versionsOf(await access.checkFingerprint(bob, 'personal', 'bob', 'TOKEN', 'ghp_1', false))).toEqual([1]);
      expect(await personalRecords('bob')).toEqual([
        { type: 'FingerprintChecked', data: { key: 'TOKEN', matchedVersions: [1], matchCount: 1 }, actor: 'bob' },
      ]);
    });
  });
});
