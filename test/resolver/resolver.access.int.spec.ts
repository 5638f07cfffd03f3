import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testService';
import { as, createWorkspace, resolver, setWorkspaceSecret } from '../support/workspaces';

const VALUE = 'access-value-5e1f';

describe('Resolution: who may resolve, and what the body must hold', () => {
  const t = useTestApp();
  const resolve = resolver(t.call, () => [VALUE]);
  let ws: string;
  const body = (extra: object = {}) => ({ workspaceId: ws, trigger: 'manual', triggeredBy: 'alice', input: '{{KEY}}', ...extra });

  beforeAll(async () => {
    ws = await createWorkspace(t.call, 'alice');
    await setWorkspaceSecret(t.call, ws, 'alice', 'KEY', VALUE);
  });

  describe('tokens', () => {
    it('resolves with secrets:resolve (among other scopes)', async () => {
      const { status, body: answer } = await resolve(body(), as('exec', { scope: 'audit:read secrets:resolve' }));
      expect(status).toBe(200);
      expect(answer.output).toBe(VALUE);
    });

    it('answers 401 without a token', async () => {
      expect((await resolve(body(), {})).status).toBe(401);
    });

    it.each([
      ['no scope at all', {}],
      ['another scope', { scope: 'audit:read' }],
      ['a scope that only looks alike', { scope: 'secrets:resolver' }],
    ])('refuses a token with %s (403), even a workspace admin', async (_name, options) => {
      const { status, body: answer } = await resolve(body(), as('alice', options));
      expect(status).toBe(403);
      expect(answer.code).toBe('forbidden');
    });

    it('refuses a token without the scope before looking at the body (403, not 400)', async () => {
      const { status, body: answer } = await resolve({ nonsense: true }, as('alice'));
      expect(status).toBe(403);
      expect(answer.errors).toBeUndefined();
    });

    it('refuses a token whose ws claim excludes the workspace (403)', async () => {
      const { status } = await resolve(body(), as('exec', { scope: 'secrets:resolve', ws: ['ws_other'] }));
      expect(status).toBe(403);
    });

    it('resolves with a ws claim that names the workspace', async () => {
      const { status, body: answer } = await resolve(body(), as('exec', { scope: 'secrets:resolve', ws: ['ws_other', ws] }));
      expect(status).toBe(200);
      expect(answer.output).toBe(VALUE);
    });

    it('answers 404 for an unknown workspace', async () => {
      const { status, body: answer } = await resolve(body({ workspaceId: 'ws_unknown' }));
      expect(status).toBe(404);
      expect(answer.code).toBe('workspace_not_found');
    });
  });

  describe('the body', () => {
    it('needs triggeredBy for a manual run (400 naming it)', async () => {
      const { status, body: answer } = await resolve(body({ triggeredBy: undefined, workflowOwnerId: 'alice' }));
      expect(status).toBe(400);
      expect(answer.errors).toEqual([expect.objectContaining({ field: 'triggeredBy' })]);
    });

    it.each(['api', 'webhook', 'schedule'])('needs workflowOwnerId for a %s run (400 naming it)', async (trigger) => {
      const { status, body: answer } = await resolve(body({ trigger }));
      expect(status).toBe(400);
      expect(answer.errors).toEqual([expect.objectContaining({ field: 'workflowOwnerId' })]);
    });

    it('refuses an unknown trigger (400 naming it)', async () => {
      const { status, body: answer } = await resolve(body({ trigger: 'cron' }));
      expect(status).toBe(400);
      expect((answer.errors as { field: string }[]).map((e) => e.field)).toContain('trigger');
    });

    it('refuses an unknown onMissing (400 naming it)', async () => {
      const { status, body: answer } = await resolve(body({ onMissing: 'ignore' }));
      expect(status).toBe(400);
      expect((answer.errors as { field: string }[]).map((e) => e.field)).toContain('onMissing');
    });

    it('waits for a minPosition the views reached, and refuses one that is not a position', async () => {
      const head = t.projector.position()!;
      expect((await resolve(body({ minPosition: head }))).status).toBe(200);
      const { status, body: answer } = await resolve(body({ minPosition: '-1' }));
      expect(status).toBe(400);
      expect((answer.errors as { field: string }[]).map((e) => e.field)).toContain('minPosition');
    });

    it('resolves any JSON value, returning non-strings as they are', async () => {
      const input = { n: 1.5, b: false, z: null, list: [[], {}, '{{KEY}}'] };
      const { status, body: answer } = await resolve(body({ input }));
      expect(status).toBe(200);
      expect(answer.output).toEqual({ n: 1.5, b: false, z: null, list: [[], {}, VALUE] });
    });
  });
});
