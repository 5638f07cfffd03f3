import { NdjsonSink } from '../observability/ndjsonSink';
import type { ViewWrite } from '../stores/readStore.port';
import type { PersonalDataReader } from './personalDataReader';
import type { AuditDoc, ViewDocs } from './views';

/**
 * AUDIT_SINK (DESIGN §7): every audit row is also written as one NDJSON line, as it is projected,
 * to a file (appended, mode 0600) or to standard output, for a SIEM to collect, like Vault's file
 * audit device. Rows come in log order; a restart may repeat the rows of the batch it was applying.
 *
 * The rows go out as the API shows them, personal data opened (DESIGN §8): a SIEM is read by
 * people, who need the emails and addresses while they exist. A line is written moments after
 * its event, so it holds the plaintext unless the key was destroyed by then (`[erased]`); lines
 * already written are the SIEM's copy, beyond the reach of a later erasure (the README says so).
 */
export class AuditSink {
  /** The writes of each batch, one after the other, so lines stay in log order. */
  private queue: Promise<void> = Promise.resolve();
  /** Batches handed over and not yet written out. */
  private pending = 0;

  constructor(
    private readonly out: NdjsonSink,
    private readonly reader: Pick<PersonalDataReader, 'auditRow'>,
    private readonly onError: (error: unknown) => void,
  ) {}

  static open(target: string, reader: Pick<PersonalDataReader, 'auditRow'>, onError: (error: unknown) => void): AuditSink {
    return new AuditSink(NdjsonSink.open(target, onError), reader, onError);
  }

  /**
   * The audit rows among a batch of view writes. When the file has stopped taking lines (a hung
   * disk; standard output to a pipe is written synchronously on Linux, and blocks instead) past
   * MAX_BEHIND_BYTES or MAX_BEHIND_BATCHES, answers a promise for the projector to wait on until
   * it has caught up: the views then lag, and readiness says so, rather than this process holding
   * every row meanwhile.
   */
  write(writes: readonly ViewWrite<ViewDocs>[]): Promise<void> | undefined {
    const rows = writes.filter((write) => write.collection === 'audit' && write.doc).map((write) => write.doc as AuditDoc);
    if (rows.length === 0) return undefined;
    this.pending += 1;
    this.queue = this.queue.then(async () => {
      try {
        const shown = await Promise.all(rows.map((row) => this.reader.auditRow(row)));
        this.out.writeAll(shown);
      } catch (error) {
        this.onError(error);
      } finally {
        this.pending -= 1;
      }
    });
    if (this.pending <= MAX_BEHIND_BATCHES && this.out.buffered <= MAX_BEHIND_BYTES) return undefined;
    return this.queue.then(() => this.out.drained());
  }

  async close(): Promise<void> {
    await this.queue;
    await this.out.close();
  }
}

/** How far the lines may run ahead of a file or pipe that is not taking them: about two seconds of resolutions. */
const MAX_BEHIND_BYTES = 4 * 1024 * 1024;
const MAX_BEHIND_BATCHES = 1000;
