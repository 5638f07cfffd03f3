import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { NdjsonSink } from '../../src/observability/ndjsonSink';
import { stalledPipe } from '../support/stalledPipe';

/** A file that fails every write, as a full disk (ENOSPC) or a pipe whose reader is gone (EPIPE) does. */
function failingFile() {
  return new Writable({
    write(_chunk, _encoding, done) {
      done(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    },
  });
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('An NDJSON sink (AUDIT_SINK, SEAL_SINK)', () => {
  it('reports a file that fails, once, and drops what comes after, instead of the error taking the process down', async () => {
    const errors: unknown[] = [];
    const sink = NdjsonSink.over(failingFile(), (error) => errors.push(error));
    sink.write({ a: 1 });
    await settle();
    sink.writeAll([{ b: 2 }, { c: 3 }]);
    sink.write({ d: 4 });
    await settle();
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('no space left');
    // Nothing to wait for, and nothing to close.
    await sink.drained();
    await sink.close();
  });

  it('refuses at once a file it cannot open, so that a wrong path stops the start instead of every copy going nowhere', () => {
    expect(() => NdjsonSink.open(join(tmpdir(), 'no-such-dir-for-ndjson', 'audit.ndjson'), () => {})).toThrow(/ENOENT/);
  });

  it('lets a wait for the file to catch up end when a close leaves what it has not taken', async () => {
    const pipe = stalledPipe();
    const sink = NdjsonSink.over(pipe.out, () => {}, { owned: true });
    sink.write({ line: 'x'.repeat(64 * 1024) });
    let caughtUp = false;
    const waiting = sink.drained().then(() => (caughtUp = true));
    await settle();
    expect(caughtUp).toBe(false);
    await sink.close(50);
    await Promise.race([waiting, new Promise((resolve) => setTimeout(resolve, 1000))]);
    expect(caughtUp).toBe(true);
  });

  it('closes within its bound when the file has stopped taking lines, leaving them', async () => {
    const pipe = stalledPipe();
    const sink = NdjsonSink.over(pipe.out, () => {}, { owned: true });
    sink.write({ seal: 1 });
    const closed = sink.close(50).then(() => 'closed');
    const waited = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 2000));
    expect(await Promise.race([closed, waited])).toBe('closed');
    expect(pipe.out.destroyed).toBe(true);
  });
});
