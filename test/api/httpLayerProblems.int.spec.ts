import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closedWithin, destroyAll, expectProblemAnswer, listenOnLoopback, openRaw, parseAnswer, useLoopback } from '../support/rawHttp';
import { startTestApp, useTestApp } from '../support/testService';

/**
 * Answers Node and fastify give on their own, before or instead of any route (bare 400 and 417,
 * fastify's JSON 503 while closing), are problems like every other error.
 */
describe('Errors of the HTTP layer, over real connections on 127.0.0.1', () => {
  const { exchange } = useLoopback(useTestApp());

  it('answers an HTTP/1.1 request without a Host header with a 400 problem, and serves HTTP/1.0 without one', async () => {
    const answer = await exchange('GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n');
    expectProblemAnswer(answer, 400, 'missing_host');
    expect((await exchange('GET /healthz HTTP/1.0\r\n\r\n')).status).toBe(200);
  });

  it('answers an expectation it cannot meet with a 417 problem, and still takes 100-continue', async () => {
    const refused = await exchange('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nExpect: 200-ok\r\n\r\n');
    expectProblemAnswer(refused, 417, 'expectation_failed');
    const taken = await exchange('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nExpect: 100-continue\r\n\r\n');
    expect(taken.status).toBe(100);
    expect(taken.body).toContain('HTTP/1.1 200 OK');
  });
});

describe('A request that arrives while the server shuts down', () => {
  const sockets: Socket[] = [];
  afterEach(() => destroyAll(sockets));

  it('gets a 503 problem, and the connection closes', async () => {
    const t = await startTestApp();
    const port = await listenOnLoopback(t.app);
    const connection = await openRaw(port, sockets);
    // Half a request keeps the connection busy, so the shutdown cannot close it as idle.
    connection.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const closing = t.close();
    // The server stops listening once the shutdown is under way: the rest arrives after that.
    await expect.poll(() => t.app.server.listening).toBe(false);
    connection.socket.write('\r\n');
    await closedWithin(connection, 5000);
    await closing;
    const answer = parseAnswer(connection.received());
    expectProblemAnswer(answer, 503, 'shutting_down');
    expect(answer.headers.connection).toBe('close');
  });
});
