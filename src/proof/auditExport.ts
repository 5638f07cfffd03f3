import type { Clock } from '../commands/actor';
import type { Sodium } from '../crypto/sodium';
import { isRecordStream } from '../events/streams';
import type { EventStore } from '../stores/eventStore.port';
import { eventsOf } from '../stores/streamPages';
import { anchorsOf, sealsAfter } from './anchors';
import { digestEnvelopes } from './eventHash';
import { compareStreamNames, type HeadsTree } from './headsTree';
import { EXPORT_FORMAT, inStreamSet, streamSetStart, workspaceStreamSets, type ExportLine, type LineOf, type ProvenLeaf, type StreamSet } from './exportFormat';
import type { SignedSeal } from './seal';
import { SealHistory } from './sealHistory';

const PAGE = 1000;

export type ExportSource = Readonly<{ store: EventStore; history: SealHistory; sodium: Sodium; clock: Clock }>;

export type ExportOptions = Readonly<{
  /** Adds every seal from this one on, and the proofs against it: a reviewer's kept seal. */
  sinceSeal?: number;
  /** Every seal from the first (a verification of the whole chain of seals). */
  allSeals?: boolean;
  /** Envelopes as `{sha256}` digests (an export), or as stored (a verification on the server). */
  digestEnvelopes: boolean;
}>;

export class SealNotFound extends Error {
  constructor(readonly sequence: number) {
    super(`There is no seal ${sequence}`);
    this.name = 'SealNotFound';
  }
}

/** A leaf of the tree with its audit path. */
function proven(tree: HeadsTree, index: number): ProvenLeaf {
  return { ...tree.leafAt(index), index, path: tree.path(index) };
}

/** The heads of a stream set in the tree, with the neighbours either side that show there are no others. */
export function proveStreamSet(tree: HeadsTree, sequence: number, set: StreamSet): LineOf<'proof'> {
  const start = tree.lowerBound(streamSetStart(set));
  let end = start;
  while (end < tree.size && inStreamSet(set, tree.leafAt(end).stream)) end += 1;
  const leaves: ProvenLeaf[] = [];
  for (let index = start; index < end; index += 1) leaves.push(proven(tree, index));
  return {
    kind: 'proof',
    seal: sequence,
    set,
    leaves,
    before: start > 0 ? proven(tree, start - 1) : null,
    after: end < tree.size ? proven(tree, end) : null,
  };
}

/**
 * The proof export of a workspace (see exportFormat.ts). Everything that can fail is read before
 * the lines are handed back (a seal that does not exist is a SealNotFound, before any line):
 * the newest seal and its proofs are taken together from the refreshed history, so they match.
 */
export async function workspaceAuditExport(source: ExportSource, workspaceId: string, options: ExportOptions): Promise<AsyncIterable<ExportLine>> {
  const { store, history, sodium, clock } = source;
  await history.refresh();
  // Read together, before anything else is awaited: another request may refresh the shared history meanwhile.
  const [newest, newestAt] = [history.last, history.lastAt];
  const sets = workspaceStreamSets(workspaceId);
  const proofs: LineOf<'proof'>[] = newest ? sets.map((set) => proveStreamSet(history.tree, newest.sequence, set)) : [];
  // The seals the export carries: the newest, or every one from a seal on, read again from the
  // seals stream as the lines are written (a deployment makes thousands a day: never all held).
  let sealsFrom: Readonly<{ sequence: number; revision: number }> | null = null;
  const from = options.sinceSeal ?? (options.allSeals ? 1 : undefined);
  if (from !== undefined) {
    const past = newest && from <= newest.sequence ? await SealHistory.at(store, sodium, from) : null;
    if (!past) {
      if (options.sinceSeal !== undefined) throw new SealNotFound(options.sinceSeal);
    } else {
      sealsFrom = { sequence: from, revision: past.revision };
      if (options.sinceSeal !== undefined && options.sinceSeal !== newest!.sequence) {
        proofs.unshift(...sets.map((set) => proveStreamSet(past.tree, options.sinceSeal!, set)));
      }
    }
  }
  const streams = await streamsOf(store, sets, proofs, newest);
  // Record streams pruned of their first events start at an anchor; the seals go back to the oldest one.
  const pruned = await prunedStreams(store, streams);
  const { anchors, oldestSeal } = newest && pruned.size > 0 ? await anchorsOf(store, pruned, newest) : { anchors: [], oldestSeal: null };
  if (oldestSeal && oldestSeal.sequence < (sealsFrom?.sequence ?? Infinity)) sealsFrom = oldestSeal;
  const header: LineOf<'export'> = {
    kind: 'export',
    format: EXPORT_FORMAT,
    workspaceId,
    exportedAt: clock().toISOString(),
    newestSeal: newest?.sequence ?? null,
    sinceSeal: options.sinceSeal ?? null,
  };
  const seals = !newest ? [] : sealsFrom === null || newestAt === null || sealsFrom.revision >= newestAt ? [newest] : storedSeals(store, sealsFrom.revision, newestAt);
  return lines(store, header, seals, [...proofs, ...anchors], streams, options.digestEnvelopes);
}

/**
 * The seals as stored, in the stream's order, from the event at revision `from` through the one
 * at `through` (the newest seal read above: one appended since is left for the next export).
 */
async function* storedSeals(store: EventStore, from: number, through: number): AsyncGenerator<SignedSeal> {
  for await (const { seal, revision } of sealsAfter(store, from - 1)) {
    if (revision > through) return;
    yield seal;
  }
}

async function* lines(
  store: EventStore,
  header: LineOf<'export'>,
  seals: Iterable<SignedSeal> | AsyncIterable<SignedSeal>,
  proofs: readonly (LineOf<'proof'> | LineOf<'anchor'>)[],
  streams: readonly string[],
  digest: boolean,
): AsyncGenerator<ExportLine> {
  yield header;
  for await (const seal of seals) yield { kind: 'seal', seal };
  yield* proofs;
  let events = 0;
  for (const stream of streams) {
    for await (const event of eventsOf(store, stream)) {
      events += 1;
      const { revision, type, data, metadata } = event;
      yield digest
        ? { kind: 'event', stream, revision, type, data: digestEnvelopes(data), metadata: digestEnvelopes(metadata) as Record<string, unknown> }
        : { kind: 'event', stream, revision, type, data, metadata };
    }
  }
  yield { kind: 'end', events, streams: streams.length };
}

/**
 * The record streams whose first event is not revision 1 (pruned), with the revision before it.
 * Only records are ever pruned: another stream that lost its first events gets no anchor, and a
 * verifier reports them missing.
 */
async function prunedStreams(store: Pick<EventStore, 'readStream'>, streams: readonly string[]): Promise<Map<string, number>> {
  const pruned = new Map<string, number>();
  for (const stream of streams.filter(isRecordStream)) {
    const [first] = await store.readStream(stream, 0, 1);
    if (first && first.revision > 1) pruned.set(stream, first.revision - 1);
  }
  return pruned;
}

/**
 * The workspace's streams: the sets' single streams, the streams the seals' proofs name, and those
 * the log shows after the newest seal (a record stream of an instance that first wrote since).
 */
async function streamsOf(store: EventStore, sets: readonly StreamSet[], proofs: readonly LineOf<'proof'>[], newest: SignedSeal | null): Promise<string[]> {
  const names = new Set<string>();
  for (const set of sets) if ('stream' in set) names.add(set.stream);
  for (const proof of proofs) for (const leaf of proof.leaves) names.add(leaf.stream);
  for (let after = newest?.position ?? null; ; ) {
    const page = await store.readAll(after, PAGE);
    for (const event of page) if (sets.some((set) => inStreamSet(set, event.streamId))) names.add(event.streamId);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.position;
  }
  return [...names].sort(compareStreamNames);
}
