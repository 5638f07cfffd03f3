import { describe, expect, it } from 'vitest';
import { closedWithin, expectProblemAnswer, parseAnswer, useLoopback, type RawAnswer } from '../support/rawHttp';
import { token, useTestApp } from '../support/testService';

// Small limits, so that no test sits out the production ones (30 s and 5 s).
const REQUEST_TIMEOUT_MS = 1500;
const KEEP_ALIVE_TIMEOUT_MS = 1000;
// How late a limit may act and still count as kept: the server checks for expired requests
// every tenth of the timeout, and a shared machine can be slow to run any timer.
const SLACK_MS = 2500;
// Timers never fire early, but the test's clock starts a moment after the server's.
const EARLY_MS = 200;
// Node 20 closes an idle connection a second after the keep-alive timeout it advertises, so
// that a client never sends into a connection closing under it.
const NODE_KEEP_ALIVE_BUFFER_MS = 1000;

/** A problem written on the socket by the HTTP layer, which then closes the connection. */
function expectWireProblem(answer: RawAnswer, status: number, code: string) {
  expectProblemAnswer(answer, status, code);
  expect(answer.headers.connection).toBe('close');
}

function headersOf(path: string, extra: Record<string, string | number> = {}) {
  const lines = Object.entries({ Host: '127.0.0.1', ...extra }).map(([name, value]) => `${name}: ${value}\r\n`);
  return `POST ${path} HTTP/1.1\r\n${lines.join('')}\r\n`;
}

describe('HTTP limits, over real connections on 127.0.0.1', () => {
  const { open, exchange } = useLoopback(useTestApp({}, { requestTimeoutMs: REQUEST_TIMEOUT_MS, keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS }));
  const alice = `Bearer ${token('alice')}`;

  it('ends a body that stalls after its headers once the request timeout passes, with a 408 problem', async () => {
    const connection = await open();
    const headers = headersOf('/v1/workspaces', { Authorization: alice, 'Content-Type': 'application/json', 'Content-Length': 100 });
    connection.socket.write(`${headers}{"name":"A`);
    const waited = await closedWithin(connection, REQUEST_TIMEOUT_MS + SLACK_MS);
    expect(waited).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - EARLY_MS);
    expectWireProblem(parseAnswer(connection.received()), 408, 'request_timeout');
  });

  it('ends a slow sender by the total time its body takes, however often a byte arrives', async () => {
    const connection = await open();
    const body = JSON.stringify({ name: 'x'.repeat(200) });
    connection.socket.write(headersOf('/v1/workspaces', { Authorization: alice, 'Content-Type': 'application/json', 'Content-Length': body.length }));
    let sent = 0;
    // One byte every 200 ms: never idle for long, but the whole body would take 40 s.
    const trickle = setInterval(() => {
      if (!connection.socket.destroyed) connection.socket.write(body[sent++]!);
    }, 200);
    try {
      const waited = await closedWithin(connection, REQUEST_TIMEOUT_MS + SLACK_MS);
      expect(waited).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - EARLY_MS);
      expect(sent).toBeLessThan(body.length);
      expectWireProblem(parseAnswer(connection.received()), 408, 'request_timeout');
    } finally {
      clearInterval(trickle);
    }
  });

  it('lets a body that arrives in time through', async () => {
    const connection = await open();
    const body = JSON.stringify({ name: 'Acme' });
    connection.socket.write(
      headersOf('/v1/workspaces', { Authorization: alice, 'Content-Type': 'application/json', 'Content-Length': body.length, Connection: 'close' }),
    );
    connection.socket.write(body.slice(0, 5));
    await new Promise((resolve) => setTimeout(resolve, REQUEST_TIMEOUT_MS / 3));
    connection.socket.write(body.slice(5));
    await closedWithin(connection, SLACK_MS);
    expect(parseAnswer(connection.received()).status).toBe(201);
  });

  it('closes an idle keep-alive connection once the keep-alive timeout passes, without a word', async () => {
    const connection = await open();
    connection.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await expect.poll(() => connection.received(), { timeout: SLACK_MS }).toContain('{"status":"ok"}');
    const answer = connection.received();
    const waited = await closedWithin(connection, KEEP_ALIVE_TIMEOUT_MS + NODE_KEEP_ALIVE_BUFFER_MS + SLACK_MS);
    expect(waited).toBeGreaterThanOrEqual(KEEP_ALIVE_TIMEOUT_MS - EARLY_MS);
    expect(parseAnswer(answer).headers).toMatchObject({ connection: 'keep-alive', 'keep-alive': `timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}` });
    expect(connection.received()).toBe(answer);
  });

  it('answers headers over 16 KiB with a 431 problem, and takes them just under', async () => {
    const over = await exchange(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(16 * 1024)}\r\n\r\n`);
    expectWireProblem(over, 431, 'headers_too_large');
    const under = await exchange(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Big: ${'a'.repeat(15 * 1024)}\r\n\r\n`);
    expect(under.status).toBe(200);
  });

  it('answers bytes that are not HTTP, and a malformed request line, with a 400 problem', async () => {
    expectWireProblem(await exchange('\x00\x01\x02 garbage\r\n\r\n'), 400, 'malformed_request');
    expectWireProblem(await exchange('GET /healthz HTTP/1.1 extra\r\nHost: 127.0.0.1\r\n\r\n'), 400, 'malformed_request');
  });
});

describe('HTTP limits as shipped', () => {
  const t = useTestApp();

  it('keeps idle connections 5 s, ends requests after 30 s, and takes 16 KiB of headers', () => {
    const server = t.app.server;
    expect(server.keepAliveTimeout).toBe(5000);
    expect(server.requestTimeout).toBe(30_000);
    // Node uses the larger of the two as the request timeout: headers must not outlast it.
    expect(server.headersTimeout).toBeLessThanOrEqual(30_000);
    // Node's default, set explicitly so that no --max-http-header-size flag changes it.
    expect((server as unknown as { maxHeaderSize: number }).maxHeaderSize).toBe(16 * 1024);
  });
});
