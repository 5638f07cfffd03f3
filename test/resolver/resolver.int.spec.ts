import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testService';
import { createWorkspace, deleteWorkspaceSecret, join, removeMember, resolver, setPersonalSecret, setWorkspaceSecret } from '../support/workspaces';

/** Every plaintext set in this file: no answer may hold one outside `output`/`masks`. */
const V = {
  shared: 'ws-shared-7f3a',
  wsOnly: 'ws-only-91bd',
  bobShared: 'bob-shared-5c2e',
  bobKey: 'bob-key-0d44',
  carolKey: 'carol-key-a8e1',
  daveKey: 'dave-key-3b90',
  malloryKey: 'mallory-key-62fe',
  ws2Key: 'ws2-key-e7c5',
  same: 'same-value-4411',
  temp1: 'temp-one-19aa',
  temp2: 'temp-two-c0de',
};

describe('Resolution (POST /v1/resolve)', () => {
  const { call } = useTestApp();
  const resolve = resolver(call, () => Object.values(V));
  let ws: string;
  const manual = (triggeredBy: string, input: unknown, extra: object = {}) =>
    resolve({ workspaceId: ws, trigger: 'manual', triggeredBy, input, ...extra });

  beforeAll(async () => {
    ws = await createWorkspace(call, 'alice');
    await join(call, ws, 'alice', 'bob', 'write');
    await join(call, ws, 'alice', 'carol', 'read');
    await setWorkspaceSecret(call, ws, 'alice', 'SHARED', V.shared);
    await setWorkspaceSecret(call, ws, 'alice', 'WS_ONLY', V.wsOnly);
    await setPersonalSecret(call, 'bob', 'SHARED', V.bobShared);
    await setPersonalSecret(call, 'bob', 'BOB_KEY', V.bobKey);
    await setPersonalSecret(call, 'carol', 'CAROL_KEY', V.carolKey);
    await setPersonalSecret(call, 'mallory', 'MALLORY_KEY', V.malloryKey);
  });

  describe('precedence', () => {
    it('takes the workspace secret over a personal one with the same key', async () => {
      const { status, body } = await manual('bob', { a: '{{SHARED}}', b: '{{ BOB_KEY }}' });
      expect(status).toBe(200);
      expect(body.output).toEqual({ a: V.shared, b: V.bobKey });
      expect(body.references).toEqual([
        { key: 'SHARED', scope: 'workspace', version: 1 },
        { key: 'BOB_KEY', scope: 'personal', version: 1 },
      ]);
    });

    it("uses triggeredBy's personal secrets for manual runs, not the workflow owner's", async () => {
      const own = await manual('carol', '{{CAROL_KEY}}', { workflowOwnerId: 'bob' });
      expect(own.body.output).toBe(V.carolKey);
      const other = await manual('carol', '{{BOB_KEY}}', { workflowOwnerId: 'bob' });
      expect(other.status).toBe(422);
      expect(other.body.missing).toEqual([{ key: 'BOB_KEY', path: '', reason: 'unknown' }]);
    });

    it.each(['api', 'webhook', 'schedule'])("uses the workflow owner's personal secrets for %s runs", async (trigger) => {
      const run = (input: unknown) => resolve({ workspaceId: ws, trigger, triggeredBy: 'bob', workflowOwnerId: 'carol', input });
      const own = await run(['{{CAROL_KEY}}', '{{WS_ONLY}}']);
      expect(own.status).toBe(200);
      expect(own.body.output).toEqual([V.carolKey, V.wsOnly]);
      const triggerer = await run('{{BOB_KEY}}');
      expect(triggerer.status).toBe(422);
    });

    it('never uses the personal secrets of an owner who never was a member', async () => {
      const run = (input: unknown) => resolve({ workspaceId: ws, trigger: 'webhook', workflowOwnerId: 'mallory', input });
      expect((await run('{{WS_ONLY}}')).body.output).toBe(V.wsOnly);
      expect((await run('{{MALLORY_KEY}}')).status).toBe(422);
    });
  });

  describe('missing keys', () => {
    it('list a key named twice in one string once for that string', async () => {
      const response = await resolve({ workspaceId: ws, trigger: 'manual', triggeredBy: 'bob', input: { a: '{{NOPE}}:{{NOPE}}', b: '{{NOPE}}' } });
      expect(response.body.missing).toEqual([
        { key: 'NOPE', path: '/a', reason: 'unknown' },
        { key: 'NOPE', path: '/b', reason: 'unknown' },
      ]);
    });

    it('fail with 422 listing each key and the JSON pointer of its string', async () => {
      const input = { list: ['x', '{{NOPE}} {{SHARED}}'], 'a/b': { 'c~d': '{{ GONE }}' }, '{{KEYS_ARE_NOT_SCANNED}}': 1 };
      const response = await resolve({ workspaceId: ws, trigger: 'manual', triggeredBy: 'bob', input });
      expect(response.status).toBe(422);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        status: 422,
        code: 'missing_references',
        missing: [
          { key: 'NOPE', path: '/list/1', reason: 'unknown' },
          { key: 'GONE', path: '/a~1b/c~0d', reason: 'unknown' },
        ],
      });
      expect(response.text).not.toContain(V.shared);
    });

    it('stay as written with onMissing "keep", while the others resolve', async () => {
      const { status, body } = await manual('bob', { s: 'a {{ NOPE }} b {{SHARED}} {{ a-b }}' }, { onMissing: 'keep' });
      expect(status).toBe(200);
      expect(body.output).toEqual({ s: `a {{ NOPE }} b ${V.shared} {{ a-b }}` });
      expect(body.references).toEqual([{ key: 'SHARED', scope: 'workspace', version: 1 }]);
    });

    it('include a deleted secret, and an updated one resolves to its new value and version', async () => {
      await setWorkspaceSecret(call, ws, 'alice', 'TEMP', V.temp1);
      expect((await manual('bob', '{{TEMP}}')).body).toMatchObject({ output: V.temp1, references: [{ key: 'TEMP', version: 1 }] });
      await setWorkspaceSecret(call, ws, 'alice', 'TEMP', V.temp2);
      expect((await manual('bob', '{{TEMP}}')).body).toMatchObject({ output: V.temp2, references: [{ key: 'TEMP', version: 2 }] });
      await deleteWorkspaceSecret(call, ws, 'alice', 'TEMP');
      const gone = await manual('bob', '{{TEMP}}');
      expect(gone.status).toBe(422);
      expect(gone.body.missing).toEqual([{ key: 'TEMP', path: '', reason: 'deleted' }]);
      await setWorkspaceSecret(call, ws, 'alice', 'TEMP', V.temp1);
      expect((await manual('bob', '{{TEMP}}')).body).toMatchObject({ output: V.temp1, references: [{ key: 'TEMP', version: 3 }] });
    });
  });

  describe('the answer', () => {
    it('lists one reference per distinct key, and no masks unless asked', async () => {
      const { body } = await manual('bob', ['{{SHARED}}{{SHARED}}', { x: '{{BOB_KEY}}', y: ['{{ SHARED }}', '{{BOB_KEY}}'] }]);
      expect(body.references).toEqual([
        { key: 'SHARED', scope: 'workspace', version: 1 },
        { key: 'BOB_KEY', scope: 'personal', version: 1 },
      ]);
      expect(body).not.toHaveProperty('masks');
    });

    it('returns the distinct substituted values as masks when asked', async () => {
      await setWorkspaceSecret(call, ws, 'alice', 'SAME_A', V.same);
      await setWorkspaceSecret(call, ws, 'alice', 'SAME_B', V.same);
      const { body } = await manual('bob', ['{{SAME_A}}', '{{SAME_B}}', '{{BOB_KEY}}', '{{BOB_KEY}}', '{{NOPE}}'], {
        masks: true,
        onMissing: 'keep',
      });
      expect([...(body.masks as string[])].sort()).toEqual([V.bobKey, V.same].sort());
      expect(body.output).toEqual([V.same, V.same, V.bobKey, V.bobKey, '{{NOPE}}']);
    });

    it('does not resolve a substituted value again', async () => {
      await setWorkspaceSecret(call, ws, 'alice', 'POINTS_ON', '{{SHARED}}');
      const { body } = await manual('bob', 'x{{POINTS_ON}}x');
      expect(body.output).toBe('x{{SHARED}}x');
      expect(body.references).toEqual([{ key: 'POINTS_ON', scope: 'workspace', version: 1 }]);
    });
  });

  describe('membership', () => {
    let ws2: string;
    const scheduled = (input: unknown) => resolve({ workspaceId: ws2, trigger: 'schedule', workflowOwnerId: 'dave', input });

    beforeAll(async () => {
      ws2 = await createWorkspace(call, 'alice', 'Second');
      await join(call, ws2, 'alice', 'dave', 'write');
      await join(call, ws, 'alice', 'dave', 'read');
      await setPersonalSecret(call, 'dave', 'DAVE_KEY', V.daveKey);
      await setWorkspaceSecret(call, ws2, 'dave', 'WS2_KEY', V.ws2Key);
    });

    it("stops resolving a removed member's personal secrets, but not the workspace's", async () => {
      expect((await scheduled(['{{DAVE_KEY}}', '{{WS2_KEY}}'])).body.output).toEqual([V.daveKey, V.ws2Key]);
      await removeMember(call, ws2, 'alice', 'dave');
      expect((await scheduled('{{WS2_KEY}}')).body.output).toBe(V.ws2Key);
      const personal = await scheduled('{{DAVE_KEY}}');
      expect(personal.status).toBe(422);
      expect(personal.body.missing).toEqual([{ key: 'DAVE_KEY', path: '', reason: 'personal_unavailable' }]);
      // Still a member of the first workspace: resolution there is unaffected.
      const elsewhere = await resolve({ workspaceId: ws, trigger: 'api', workflowOwnerId: 'dave', input: '{{DAVE_KEY}}' });
      expect(elsewhere.body.output).toBe(V.daveKey);
    });

    it('refuses a manual run by someone who is not an active member (403)', async () => {
      const removed = await resolve({ workspaceId: ws2, trigger: 'manual', triggeredBy: 'dave', input: '{{WS2_KEY}}' });
      expect(removed.status).toBe(403);
      const stranger = await resolve({ workspaceId: ws, trigger: 'manual', triggeredBy: 'mallory', input: 'no refs' });
      expect(stranger.status).toBe(403);
    });
  });
});
