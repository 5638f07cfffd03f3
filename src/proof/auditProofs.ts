import type { Clock } from '../commands/actor';
import type { Sodium } from '../crypto/sodium';
import type { EventStore } from '../stores/eventStore.port';
import { workspaceAuditExport } from './auditExport';
import type { ExportLine } from './exportFormat';
import { ExportVerifier, type Finding, type VerificationReport } from './exportVerifier';
import { SealHistory, type KnownKey } from './sealHistory';
import type { PublicKey } from './signingKey';

/** What POST …/audit/verify streams: what it found as it finds it, how far it got, then the report. */
export type VerificationLine =
  | Readonly<{ kind: 'finding' } & Finding>
  | Readonly<{ kind: 'progress'; events: number }>
  | Readonly<{ kind: 'result' } & Omit<VerificationReport, 'findings'> & { findings: number }>;

const PROGRESS_EVERY = 10_000;

/**
 * The proof side of the audit for the API: the export, the verification of the stored history,
 * and the public keys. Seals are read from the seals stream as they are needed, so an API
 * instance that does not seal still serves the newest.
 */
export class AuditProofs {
  private readonly history: SealHistory;

  constructor(
    private readonly store: EventStore,
    private readonly sodium: Sodium,
    private readonly clock: Clock,
    /** The key this process signs with, if it seals: trusted over whatever the seals stream says of its id. */
    private readonly ownKey: PublicKey | null,
  ) {
    // Read whole, not from the sealer's snapshot: the public keys it lists must be every key the
    // stream introduced, which a snapshot cannot prove (README, "Seal").
    this.history = new SealHistory(store, sodium);
  }

  async publicKeys(): Promise<KnownKey[]> {
    await this.history.refresh();
    return this.history.keys();
  }

  export(workspaceId: string, sinceSeal?: number): Promise<AsyncIterable<ExportLine>> {
    return workspaceAuditExport(this.source(), workspaceId, { sinceSeal, digestEnvelopes: true });
  }

  /**
   * Runs the checks of `npm run verify-audit` on the stored events (envelopes as stored) and on
   * every seal from the first. The keys are those the seals stream introduced, with this
   * process's own key in place of whatever the stream says of its id: old seals are covered by
   * the chain of seals up to the newest, which is checked under a key the stream cannot change.
   */
  async verify(workspaceId: string): Promise<AsyncIterable<VerificationLine>> {
    const lines = await workspaceAuditExport(this.source(), workspaceId, { allSeals: true, digestEnvelopes: false });
    const keys: PublicKey[] = this.history.keys().filter((key) => key.keyId !== this.ownKey?.keyId);
    if (this.ownKey) keys.push(this.ownKey);
    return verificationLines(new ExportVerifier(this.sodium, keys), lines);
  }

  private source() {
    return { store: this.store, history: this.history, sodium: this.sodium, clock: this.clock };
  }
}

async function* verificationLines(verifier: ExportVerifier, lines: AsyncIterable<ExportLine>): AsyncGenerator<VerificationLine> {
  let events = 0;
  let reported = 0;
  const newFindings = function* (findings: readonly Finding[]) {
    for (; reported < findings.length; reported += 1) yield { kind: 'finding' as const, ...findings[reported]! };
  };
  for await (const line of lines) {
    verifier.line(line);
    if (line.kind === 'event' && ++events % PROGRESS_EVERY === 0) yield { kind: 'progress', events };
    yield* newFindings(verifier.findingsSoFar);
  }
  const report = verifier.finish();
  yield* newFindings(report.findings);
  yield { kind: 'result', ...report, findings: report.findings.length };
}
