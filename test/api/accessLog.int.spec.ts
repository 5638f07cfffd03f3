import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../support/testService';
import { as, createWorkspace } from '../support/workspaces';

/** A logger whose lines a test can read. */
function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe('Request logging', () => {
  it('writes no line per request by default', async () => {
    const { logger, lines } = capturedLogger();
    const app = await startTestApp(':memory:', {}, { logger });
    await createWorkspace(app.call, 'alice');
    await app.call('GET', '/v1/workspaces', as('alice'));
    expect(lines.filter((line) => line.req || line.res || line.msg === 'answered')).toEqual([]);
  });

  it('writes one line per answered request with ACCESS_LOG: the route pattern, never the URL or a token', async () => {
    const { logger, lines } = capturedLogger();
    const app = await startTestApp(':memory:', {}, { logger, accessLog: true });
    const ws = await createWorkspace(app.call, 'alice');
    await app.call('GET', `/v1/workspaces/${ws}/secrets/SOME_KEY`, as('alice'));
    const before = lines.filter((line) => line.msg === 'answered').length;
    await app.call('GET', `/v1/workspaces/${ws}/secrets/SOME_KEY`, as('alice'));
    const answered = lines.filter((line) => line.msg === 'answered');
    expect(answered).toHaveLength(before + 1);
    expect(answered.at(-1)).toMatchObject({ method: 'GET', route: '/v1/workspaces/:ws/secrets/:key', status: 404, requestId: expect.any(String) });
    expect(JSON.stringify(lines)).not.toContain('SOME_KEY');
    expect(JSON.stringify(lines)).not.toMatch(/Bearer|eyJ/);
  });
});
