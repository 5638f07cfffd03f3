import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, expect } from 'vitest';
import type { App } from '../../src/api/deps';
import type { TestApp } from './testService';

/** Listens on 127.0.0.1 and a free port; answers the port. The test stops the app. */
export async function listenOnLoopback(app: App): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}

export type RawConnection = {
  socket: Socket;
  /** Everything the server sent so far. */
  received(): string;
  /** Settles when the server closed (or reset) the connection. */
  closed: Promise<void>;
};

/**
 * A plain TCP connection to the server, for what fetch cannot express: stalled and trickled
 * bodies, oversized headers, bytes that are not HTTP. Destroy it with `destroyAll` after the test.
 */
export async function openRaw(port: number, opened: Socket[] = []): Promise<RawConnection> {
  const socket = connect(port, '127.0.0.1');
  opened.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  // A reset after the answer is how some refusals end: it closes the connection like a FIN.
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, received: () => text, closed };
}

export function destroyAll(sockets: Socket[]) {
  for (const socket of sockets.splice(0)) socket.destroy();
}

/**
 * Waits for the server to close the connection, failing the test if it has not after `ms`;
 * answers how long it waited.
 */
export async function closedWithin(connection: RawConnection, ms: number): Promise<number> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the server kept the connection open for ${ms} ms; it sent: ${JSON.stringify(connection.received())}`)), ms);
  });
  try {
    await Promise.race([connection.closed, late]);
    return performance.now() - start;
  } finally {
    clearTimeout(timer);
  }
}

export type RawAnswer = { status: number; headers: Record<string, string>; body: string };

/** Splits one HTTP/1.1 answer as received on the wire (the body taken as it is, not de-chunked). */
export function parseAnswer(text: string): RawAnswer {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) throw new Error(`not an HTTP answer: ${JSON.stringify(text)}`);
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine ?? '')?.[1]);
  const headers = Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  return { status, headers, body: text.slice(end + 4) };
}

/** Sends one whole request on its own connection and answers what came back once the server closed it. */
export async function rawExchange(port: number, request: string, opened: Socket[] = []): Promise<RawAnswer> {
  const connection = await openRaw(port, opened);
  connection.socket.write(request);
  await closedWithin(connection, 10_000);
  return parseAnswer(connection.received());
}

/** An answer is an RFC 9457 problem with the status and code, with the API's headers, and its length is right. */
export function expectProblemAnswer(answer: RawAnswer, status: number, code: string) {
  expect(answer.status, JSON.stringify(answer)).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json\b/);
  expect(answer.headers['cache-control']).toBe('no-store');
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  expect(body).toMatchObject({ type: 'about:blank', status, code });
  expect(body.title).toEqual(expect.any(String));
  expect(body.detail).toEqual(expect.any(String));
  expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
}

/**
 * Real connections to a describe block's app (from `useTestApp`): it listens on 127.0.0.1
 * before the block's tests, and every connection a test opens is destroyed after it.
 */
export function useLoopback(t: Pick<TestApp, 'app'>) {
  const sockets: Socket[] = [];
  let port = 0;
  beforeAll(async () => {
    port = await listenOnLoopback(t.app);
  });
  afterEach(() => destroyAll(sockets));
  return {
    open: () => openRaw(port, sockets),
    exchange: (request: string) => rawExchange(port, request, sockets),
  };
}
