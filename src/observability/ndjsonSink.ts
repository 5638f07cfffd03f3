import { once } from 'node:events';
import { createWriteStream, openSync } from 'node:fs';
import type { Writable } from 'node:stream';

/** How long a close waits for a file to take what it was given before leaving it: a file that stopped taking lines would hold a shutdown for ever. */
const CLOSE_WITHIN_MS = 5000;

/**
 * One JSON document per line to a file (appended, mode 0600) or to standard output: where
 * AUDIT_SINK and SEAL_SINK send what they copy out of the data store.
 *
 * A file that fails (a full disk, a pipe whose reader is gone) is reported to `onError` once and
 * written no more: an error event nobody listened to took the process down. What it holds is
 * the store's copy's copy; the store keeps every row and seal.
 */
export class NdjsonSink {
  private failed = false;

  private constructor(
    private readonly out: Writable,
    /** Whether closing the sink ends the stream (a file it opened, or one handed over). */
    private readonly ownsStream: boolean,
    onError: (error: unknown) => void,
  ) {
    out.on('error', (error) => {
      if (this.failed) return;
      this.failed = true;
      onError(error);
    });
  }

  /** A file opened here and now: one that cannot be (a wrong path, no right to it) throws, and the start stops. */
  static open(target: string, onError: (error: unknown) => void): NdjsonSink {
    if (target === 'stdout') return new NdjsonSink(process.stdout, false, onError);
    return new NdjsonSink(createWriteStream(target, { fd: openSync(target, 'a', 0o600) }), true, onError);
  }

  /** Lines to a stream of the caller's, which stays the caller's to end unless `owned`. */
  static over(out: Writable, onError: (error: unknown) => void = () => {}, options: { owned?: boolean } = {}): NdjsonSink {
    return new NdjsonSink(out, options.owned === true, onError);
  }

  /** Bytes written and not yet taken by the file or pipe. */
  get buffered(): number {
    return this.failed ? 0 : this.out.writableLength;
  }

  /** Resolves once the file or pipe has taken what was written (at once if it was not behind, or has failed). */
  async drained(): Promise<void> {
    if (this.failed || this.out.destroyed || !this.out.writableNeedDrain) return;
    // A failure ends the wait too (the error listener has reported it), and so does a close that left what was not taken.
    const stop = new AbortController();
    const seen = (event: string) => once(this.out, event, { signal: stop.signal }).then(
      () => {},
      () => {},
    );
    await Promise.race([seen('drain'), seen('close')]);
    stop.abort();
  }

  write(document: unknown): void {
    if (!this.failed) this.out.write(`${JSON.stringify(document)}\n`);
  }

  /** Several documents in one write: the lines of one batch stay together. */
  writeAll(documents: readonly unknown[]): void {
    if (!this.failed) this.out.write(documents.map((document) => `${JSON.stringify(document)}\n`).join(''));
  }

  /** Ends a stream the sink owns, leaving what the file has not taken within `withinMs`. */
  close(withinMs = CLOSE_WITHIN_MS): Promise<void> {
    if (!this.ownsStream) return Promise.resolve();
    if (this.failed) {
      this.out.destroy();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      // Not unref'd: a shutdown waits for this close, and nothing else may keep the process up meanwhile.
      const timer = setTimeout(() => {
        this.out.destroy();
        resolve();
      }, withinMs);
      this.out.end(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
