import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

/**
 * One JSON document per line to a file (appended, mode 0600) or to standard output: where
 * AUDIT_SINK and SEAL_SINK send what they copy out of the data store.
 */
export class NdjsonSink {
  private constructor(
    private readonly out: Writable,
    private readonly ownsStream: boolean,
  ) {}

  static open(target: string): NdjsonSink {
    if (target === 'stdout') return new NdjsonSink(process.stdout, false);
    return new NdjsonSink(createWriteStream(target, { flags: 'a', mode: 0o600 }), true);
  }

  /** Lines to a stream of the caller's, which stays the caller's to end. */
  static over(out: Writable): NdjsonSink {
    return new NdjsonSink(out, false);
  }

  /** Bytes written and not yet taken by the file or pipe. */
  get buffered(): number {
    return this.out.writableLength;
  }

  /** Resolves once the file or pipe has taken what was written (at once if it was not behind). */
  async drained(): Promise<void> {
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  write(document: unknown): void {
    this.out.write(`${JSON.stringify(document)}\n`);
  }

  /** Several documents in one write: the lines of one batch stay together. */
  writeAll(documents: readonly unknown[]): void {
    this.out.write(documents.map((document) => `${JSON.stringify(document)}\n`).join(''));
  }

  close(): Promise<void> {
    if (!this.ownsStream) return Promise.resolve();
    return new Promise((resolve) => this.out.end(resolve));
  }
}
