import { rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedWithin, destroyAll, expectProblemAnswer, openRaw, parseAnswer } from '../support/rawHttp';
import { startServer, type ServerProcess } from '../support/serverProcess';
import { token } from '../support/testService';

describe('REQUEST_TIMEOUT_MS, as npm start reads it', () => {
  let server: ServerProcess;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    server = await startServer({ REQUEST_TIMEOUT_MS: '1500' });
  });
  afterAll(async () => {
    destroyAll(sockets);
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('ends a stalled body after the configured time, not the default 30 s', async () => {
    const connection = await openRaw(Number(new URL(server.baseUrl).port), sockets);
    connection.socket.write(
      `POST /v1/workspaces HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token('alice')}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
    );
    // The timeout, the server's checking interval (a tenth of it) and slack for a loaded machine.
    const waited = await closedWithin(connection, 1500 + 2500);
    expect(waited).toBeGreaterThanOrEqual(1300);
    expectProblemAnswer(parseAnswer(connection.received()), 408, 'request_timeout');
  });
});
