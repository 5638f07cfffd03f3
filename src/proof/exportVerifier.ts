import type { Sodium } from '../crypto/sodium';
import { isRecordStream } from '../events/streams';
import type { SealedHead } from './anchors';
import { jcs } from './canonical';
import { compareStreamNames, headLeafHash } from './headsTree';
import { verifyInclusion } from './merkle';
import {
  describeStreamSet,
  exportLineSchema,
  inStreamSet,
  streamSetStart,
  workspaceStreamSets,
  type ExportLine,
  type LineOf,
  type ProvenLeaf,
  type StreamSet,
} from './exportFormat';
import { prevSealOf, type SignedSeal } from './seal';
import { sealSignatureHolds, type PublicKey } from './signingKey';
import { StreamChainCheck } from './streamChain';

/** One thing that does not hold, named by stream and revision, or by seal, where it can be. */
export type Finding = Readonly<{ stream?: string; revision?: number; seal?: number; problem: string; detail: string }>;

export type VerificationReport = Readonly<{
  ok: boolean;
  findings: readonly Finding[];
  workspaceId: string | null;
  newestSeal: number | null;
  streams: number;
  events: number;
  /** Events after the newest seal's heads: chained, but a truncation of them cannot be seen. */
  unsealedEvents: number;
  /** Events hashed in place at the upgrade that introduced the chain. */
  chainedAtMigration: number;
  /** Record streams that start at an anchor: pruned of their first events (RECORD_RETENTION_DAYS). */
  prunedStreams: number;
}>;

/** What a seal says a stream's head was, to be found among the events. */
type SealedHeadClaim = { seal: number; revision: number; hash: string; found: boolean };

const sectionOrder: Record<ExportLine['kind'], number> = { export: 0, seal: 1, proof: 2, anchor: 3, event: 4, end: 5 };

/**
 * Checks a proof export line by line (DESIGN §8): the signatures and links of its seals, the
 * kept seal if one is given, each proof against its seal's root, every stream's hash chain, and
 * that every head a seal committed to is still there. Memory grows with the number of streams
 * and of seals (a root and a size each), never with the number of events. The CLI
 * (`npm run verify-audit`) and POST …/audit/verify both run it.
 */
export class ExportVerifier {
  private readonly findings: Finding[] = [];
  private header: LineOf<'export'> | null = null;
  private section = -1;
  /** Each seal of the export by sequence, as far as proofs and anchors need it: its tree's root and size. */
  private readonly seals = new Map<number, Readonly<{ root: string; size: number }>>();
  private lastSeal: SignedSeal | null = null;
  private readonly chains = new Map<string, StreamChainCheck>();
  private readonly claims = new Map<string, SealedHeadClaim[]>();
  private readonly provenSets = new Set<string>();
  /** Where pruned record streams start over: a head a seal of the export committed to. */
  private readonly anchors = new Map<string, SealedHead>();
  /** The prunings the streams themselves recorded (`RecordsPruned` in the pruned stream): `stream, revision, hash`. */
  private readonly recordedPrunings = new Set<string>();
  private events = 0;
  private end: LineOf<'end'> | null = null;
  private lineNumber = 0;

  constructor(
    private readonly sodium: Sodium,
    private readonly publicKeys: readonly PublicKey[],
    private readonly keptSeal: SignedSeal | null = null,
  ) {}

  /** One line of the export, as text or as parsed JSON. */
  line(input: string | unknown): void {
    this.lineNumber += 1;
    let value: unknown = input;
    if (typeof input === 'string') {
      if (input.trim() === '') return;
      try {
        value = JSON.parse(input);
      } catch {
        return this.find({ problem: 'malformed', detail: `line ${this.lineNumber} is not JSON` });
      }
    }
    const parsed = exportLineSchema.safeParse(value);
    if (!parsed.success) return this.find({ problem: 'malformed', detail: `line ${this.lineNumber} is not an export line: ${parsed.error.issues[0]?.message}` });
    const line = parsed.data;
    const order = sectionOrder[line.kind];
    if (order < this.section || (line.kind === 'export' && this.header) || this.end) {
      return this.find({ problem: 'malformed', detail: `line ${this.lineNumber} (${line.kind}) is out of place` });
    }
    this.section = order;
    if (line.kind !== 'export' && !this.header) return this.find({ problem: 'malformed', detail: 'the export does not start with its header' });
    switch (line.kind) {
      case 'export':
        this.header = line;
        return;
      case 'seal':
        return this.seal(line.seal);
      case 'proof':
        return this.proof(line);
      case 'anchor':
        return this.anchor(line);
      case 'event':
        return this.event(line);
      case 'end':
        this.end = line;
        return;
    }
  }

  /** What was found so far, in the order found. */
  get findingsSoFar(): readonly Finding[] {
    return this.findings;
  }

  finish(): VerificationReport {
    const header = this.header;
    if (!header) this.find({ problem: 'malformed', detail: 'no export header' });
    if (!this.end) this.find({ problem: 'truncated_export', detail: 'the export has no end line: it was cut off' });
    else if (this.end.events !== this.events || this.end.streams < this.chains.size) {
      this.find({ problem: 'truncated_export', detail: `the end line counts ${this.end.events} events, the export holds ${this.events}` });
    }
    if (header) this.checkSealsPresent(header);
    this.checkAnchorsRecorded();
    for (const [stream, claims] of this.claims) {
      const chain = this.chains.get(stream);
      const anchor = this.anchors.get(stream);
      for (const claim of claims) {
        if (claim.found) continue;
        // A head at the anchor is pruned: the anchor stands for it.
        if (chain && anchor?.revision === claim.revision && anchor.hash !== claim.hash) {
          this.find({
            stream,
            revision: claim.revision,
            seal: claim.seal,
            problem: 'differs_from_seal',
            detail: `the anchor of ${stream} at revision ${claim.revision} is not the head seal ${claim.seal} committed to`,
          });
          continue;
        }
        if (!chain) {
          this.find({ stream, revision: claim.revision, seal: claim.seal, problem: 'removed', detail: `stream ${stream} is gone: seal ${claim.seal} has it at revision ${claim.revision}` });
        } else if (chain.last.revision < claim.revision) {
          this.find({
            stream,
            revision: claim.revision,
            seal: claim.seal,
            problem: 'truncated',
            detail: `stream ${stream} ends at revision ${chain.last.revision}, behind its head in seal ${claim.seal} (revision ${claim.revision})`,
          });
        }
      }
    }
    const newest = header?.newestSeal ?? null;
    let unsealedEvents = 0;
    let chainedAtMigration = 0;
    for (const [stream, chain] of this.chains) {
      const sealedAt = this.claims.get(stream)?.find((claim) => claim.seal === newest)?.revision ?? 0;
      unsealedEvents += Math.max(0, chain.last.revision - sealedAt);
      chainedAtMigration += chain.counts.migrated;
    }
    return {
      ok: this.findings.length === 0,
      findings: this.findings,
      workspaceId: header?.workspaceId ?? null,
      newestSeal: newest,
      streams: this.chains.size,
      events: this.events,
      unsealedEvents,
      chainedAtMigration,
      prunedStreams: [...this.anchors.keys()].filter((stream) => this.chains.has(stream)).length,
    };
  }

  private find(finding: Finding): void {
    this.findings.push(finding);
  }

  private seal(seal: SignedSeal): void {
    const at = seal.sequence;
    const key = this.publicKeys.find((k) => k.keyId === seal.keyId);
    if (!key) this.find({ seal: at, problem: 'seal_unknown_key', detail: `seal ${at} is signed by key ${seal.keyId}, which is not among the keys given` });
    else if (!sealSignatureHolds(seal, key.publicKey, this.sodium)) this.find({ seal: at, problem: 'seal_forged', detail: `the signature of seal ${at} does not hold` });
    const previous = this.lastSeal;
    if (previous) {
      if (at <= previous.sequence) this.find({ seal: at, problem: 'seal_reordered', detail: `seal ${at} comes after seal ${previous.sequence}` });
      else if (at > previous.sequence + 1) this.find({ seal: at, problem: 'seal_missing', detail: `seals ${previous.sequence + 1}-${at - 1} are missing before seal ${at}` });
      else if (seal.prevSeal !== prevSealOf(previous)) this.find({ seal: at, problem: 'seal_unlinked', detail: `seal ${at} does not name seal ${previous.sequence} as the one before it` });
    }
    if (this.keptSeal && at === this.keptSeal.sequence && jcs(seal) !== jcs(this.keptSeal)) {
      this.find({ seal: at, problem: 'kept_seal_differs', detail: `seal ${at} is not the seal kept from before: the history was rewritten` });
    }
    this.seals.set(at, { root: seal.root, size: seal.size });
    this.lastSeal = seal;
  }

  private checkSealsPresent(header: LineOf<'export'>): void {
    if (header.newestSeal !== null && this.lastSeal?.sequence !== header.newestSeal) {
      this.find({ seal: header.newestSeal, problem: 'seal_missing', detail: `the newest seal, ${header.newestSeal}, is not in the export` });
    }
    const kept = this.keptSeal;
    if (kept && !this.seals.has(kept.sequence)) {
      const why = header.sinceSeal === kept.sequence ? 'the seals stream no longer has it' : `export with ?sinceSeal=${kept.sequence} to check it`;
      this.find({ seal: kept.sequence, problem: 'kept_seal_absent', detail: `the kept seal ${kept.sequence} is not in the export: ${why}` });
    }
    // Every seal the export relies on proves every set of the workspace.
    const proofsAt = [header.newestSeal, kept?.sequence].filter((s): s is number => s !== null && s !== undefined && this.seals.has(s));
    for (const sequence of new Set(proofsAt)) {
      for (const set of workspaceStreamSets(header.workspaceId)) {
        if (!this.provenSets.has(`${sequence}|${streamSetStart(set)}`)) {
          this.find({ seal: sequence, problem: 'proof_missing', detail: `no proof against seal ${sequence} for ${describeStreamSet(set)}` });
        }
      }
    }
  }

  private proof(line: LineOf<'proof'>): void {
    const seal = this.seals.get(line.seal);
    const where = `the proof of ${describeStreamSet(line.set)} against seal ${line.seal}`;
    const fail = (detail: string) => this.find({ seal: line.seal, problem: 'proof_invalid', detail: `${where}: ${detail}` });
    if (!seal) return fail('that seal is not in the export');
    if (!workspaceStreamSets(this.header!.workspaceId).some((set) => jcs(set) === jcs(line.set))) return fail("it is not one of the workspace's stream sets");
    this.provenSets.add(`${line.seal}|${streamSetStart(line.set)}`);
    const included = (leaf: ProvenLeaf) => verifyInclusion(headLeafHash(leaf), leaf.index, seal.size, leaf.path, seal.root);
    for (const leaf of [...line.leaves, line.before, line.after]) {
      if (leaf && !included(leaf)) return fail(`the head of ${leaf.stream} is not in the sealed tree`);
    }
    const problem = boundaryProblem(line.set, line.leaves, line.before, line.after, seal.size);
    if (problem) return fail(problem);
    for (const leaf of line.leaves) {
      const claims = this.claims.get(leaf.stream) ?? [];
      claims.push({ seal: line.seal, revision: leaf.revision, hash: leaf.hash, found: false });
      this.claims.set(leaf.stream, claims);
    }
  }

  /**
   * A pruned record stream's anchor: a leaf of a seal in the export's chain of seals (checked as
   * the seal lines came), for a record stream of the workspace. The stream's chain then starts
   * from it; a forged one (another hash, revision or stream) fails the audit path, and the
   * stream is checked from revision 1 as if there were none.
   */
  private anchor(line: LineOf<'anchor'>): void {
    const { leaf } = line;
    const fail = (detail: string) =>
      this.find({ stream: leaf.stream, revision: leaf.revision, seal: line.seal, problem: 'anchor_invalid', detail: `the anchor of ${leaf.stream} at revision ${leaf.revision} in seal ${line.seal}: ${detail}` });
    const seal = this.seals.get(line.seal);
    if (!seal) return fail('that seal is not in the export');
    if (!isRecordStream(leaf.stream) || !workspaceStreamSets(this.header!.workspaceId).some((set) => inStreamSet(set, leaf.stream))) {
      return fail("it is not one of the workspace's record streams, the only ones pruned");
    }
    if (this.anchors.has(leaf.stream)) return fail('the stream has an anchor already');
    if (!verifyInclusion(headLeafHash(leaf), leaf.index, seal.size, leaf.path, seal.root)) return fail('that head is not in the sealed tree');
    this.anchors.set(leaf.stream, { revision: leaf.revision, hash: leaf.hash, seal: line.seal });
  }

  /**
   * An anchor proves that a head was sealed, not that the events before it were pruned rather
   * than removed: whoever can write the database could delete a prefix exactly through a sealed
   * head. A pruning is recorded in the pruned stream itself, chained after the anchor, before any
   * event goes (and the newest one is never pruned), so an anchor without its record is a removal.
   */
  private checkAnchorsRecorded(): void {
    for (const [stream, anchor] of this.anchors) {
      if (!this.chains.has(stream) || this.recordedPrunings.has(pruningKey(stream, anchor.revision, anchor.hash))) continue;
      this.find({
        stream,
        revision: anchor.revision,
        seal: anchor.seal,
        problem: 'anchor_unrecorded',
        detail: `${stream} starts after revision ${anchor.revision}, but no RecordsPruned in it records that pruning: its first events were removed`,
      });
    }
  }

  private event(line: LineOf<'event'>): void {
    this.events += 1;
    if (line.type === 'RecordsPruned') {
      const pruned = line.data as { stream?: unknown; throughRevision?: unknown; hash?: unknown };
      if (pruned.stream === line.stream) this.recordedPrunings.add(pruningKey(line.stream, pruned.throughRevision, pruned.hash));
    }
    const header = this.header!;
    if (!workspaceStreamSets(header.workspaceId).some((set) => inStreamSet(set, line.stream))) {
      return this.find({ stream: line.stream, revision: line.revision, problem: 'foreign_stream', detail: `stream ${line.stream} is not one of workspace ${header.workspaceId}'s` });
    }
    let chain = this.chains.get(line.stream);
    if (!chain) {
      const anchor = this.anchors.get(line.stream);
      chain = new StreamChainCheck(line.stream, anchor && { revision: anchor.revision, hash: anchor.hash });
      this.chains.set(line.stream, chain);
    }
    for (const found of chain.add(line)) this.find(found);
    for (const claim of this.claims.get(line.stream) ?? []) {
      if (claim.revision !== line.revision) continue;
      claim.found = true;
      if (line.metadata.hash !== claim.hash) {
        this.find({
          stream: line.stream,
          revision: line.revision,
          seal: claim.seal,
          problem: 'differs_from_seal',
          detail: `revision ${line.revision} of ${line.stream} is not the head seal ${claim.seal} committed to`,
        });
      }
    }
  }
}

/**
 * Whether the proven leaves are the whole set: consecutive, all in the set, and bounded by a leaf
 * outside it on each side (or by the edge of the tree). The sealer sorts the leaves by name, so
 * names in a set are contiguous.
 */
function boundaryProblem(set: StreamSet, leaves: readonly ProvenLeaf[], before: ProvenLeaf | null, after: ProvenLeaf | null, size: number): string | null {
  for (const [i, leaf] of leaves.entries()) {
    if (!inStreamSet(set, leaf.stream)) return `${leaf.stream} is not in the set`;
    if (i > 0 && leaf.index !== leaves[i - 1]!.index + 1) return 'the heads are not consecutive leaves';
  }
  const first = leaves[0]?.index ?? after?.index ?? size;
  const last = leaves[leaves.length - 1]?.index ?? before?.index ?? -1;
  const start = streamSetStart(set);
  if (before) {
    if (before.index !== first - 1) return 'the leaf before is not next to the set';
    if (inStreamSet(set, before.stream) || compareStreamNames(before.stream, start) >= 0) return 'the leaf before does not sort before the set';
  } else if (first !== 0) {
    return 'no leaf shows where the set starts';
  }
  if (after) {
    if (after.index !== last + 1) return 'the leaf after is not next to the set';
    if (inStreamSet(set, after.stream) || compareStreamNames(after.stream, start) <= 0) return 'the leaf after does not sort after the set';
  } else if (last !== size - 1) {
    return 'no leaf shows where the set ends';
  }
  return null;
}

function pruningKey(stream: string, revision: unknown, hash: unknown): string {
  return JSON.stringify([stream, revision, hash]);
}
