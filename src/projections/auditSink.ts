import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { ViewWrite } from '../stores/readStore.port';
import type { AuditDoc, ViewDocs } from './views';

/**
 * AUDIT_SINK (DESIGN §7): every audit row is also written as one NDJSON line, as it is projected,
 * to a file (appended, mode 0600) or to standard output, for a SIEM to collect, like Vault's file
 * audit device. Rows come in log order; a restart may repeat the rows of the batch it was applying.
 */
export class AuditSink {
  private constructor(private readonly out: Writable, private readonly ownsStream: boolean) {}

  static open(target: string): AuditSink {
    if (target === 'stdout') return new AuditSink(process.stdout, false);
    return new AuditSink(createWriteStream(target, { flags: 'a', mode: 0o600 }), true);
  }

  /** The audit rows among a batch of view writes. */
  write(writes: readonly ViewWrite<ViewDocs>[]): void {
    for (const write of writes) {
      if (write.collection === 'audit' && write.doc) this.out.write(`${JSON.stringify(write.doc as AuditDoc)}\n`);
    }
  }

  close(): Promise<void> {
    if (!this.ownsStream) return Promise.resolve();
    return new Promise((resolve) => this.out.end(resolve));
  }
}
