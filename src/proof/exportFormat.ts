import { z } from 'zod';
import { recordStreamPrefix, streamIds } from '../events/streams';
import { hex64, signedSealSchema } from './seal';

/**
 * The proof export (GET …/audit/export), one JSON document per line, in this order:
 *   1. `export`: the header;
 *   2. `seal`: the seals it relies on, oldest first (from `sinceSeal` on, else the newest only);
 *   3. `proof`: for each of the workspace's stream sets and each of those seals, the heads the seal
 *      committed to in that set, with the neighbours that show there are no others;
 *   4. `anchor`: for each record stream whose first events were pruned (RECORD_RETENTION_DAYS),
 *      the head (stream, r, hash) a seal committed to before they were, proven in that seal's
 *      tree: the stream's first event is r + 1 and links to that hash. The seals then start at
 *      the oldest seal an anchor names, so it is checked as part of the chain of seals;
 *   5. `event`: every event of the workspace's streams, stream by stream in revision order,
 *      exactly as hashed (envelopes as `{sha256}` digests);
 *   6. `end`: how many events and streams came, so a cut-off file is seen as one.
 * README "Proof" describes it for outside verifiers.
 */
export const EXPORT_FORMAT = 1;

export const streamSetSchema = z.union([z.strictObject({ stream: z.string() }), z.strictObject({ prefix: z.string() })]);
export type StreamSet = z.infer<typeof streamSetSchema>;

export const provenLeafSchema = z.strictObject({
  stream: z.string(),
  revision: z.number().int().positive(),
  hash: hex64,
  index: z.number().int().nonnegative(),
  path: z.array(hex64).max(64),
});
export type ProvenLeaf = z.infer<typeof provenLeafSchema>;

export const exportLineSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('export'),
    format: z.literal(EXPORT_FORMAT),
    workspaceId: z.string().min(1),
    exportedAt: z.string(),
    newestSeal: z.number().int().positive().nullable(),
    sinceSeal: z.number().int().positive().nullable(),
  }),
  z.strictObject({ kind: z.literal('seal'), seal: signedSealSchema }),
  z.strictObject({
    kind: z.literal('proof'),
    seal: z.number().int().positive(),
    set: streamSetSchema,
    leaves: z.array(provenLeafSchema),
    before: provenLeafSchema.nullable(),
    after: provenLeafSchema.nullable(),
  }),
  z.strictObject({ kind: z.literal('anchor'), seal: z.number().int().positive(), leaf: provenLeafSchema }),
  z.strictObject({
    kind: z.literal('event'),
    stream: z.string(),
    revision: z.number().int(),
    type: z.string(),
    data: z.unknown(),
    metadata: z.record(z.string(), z.unknown()),
  }),
  z.strictObject({ kind: z.literal('end'), events: z.number().int().nonnegative(), streams: z.number().int().nonnegative() }),
]);
export type ExportLine = z.infer<typeof exportLineSchema>;
export type LineOf<K extends ExportLine['kind']> = Extract<ExportLine, { kind: K }>;

/**
 * A workspace's streams, as sets a seal can prove whole: its membership stream, its secrets
 * stream, the stream its reads went to before records had their own, and the record streams of
 * every API instance (`workspaceRecords-<workspace>.<instance>`, which sort together).
 */
export function workspaceStreamSets(workspaceId: string): StreamSet[] {
  return [
    { stream: streamIds.workspace(workspaceId) },
    { stream: streamIds.workspaceSecrets(workspaceId) },
    { stream: streamIds.secretAccess(workspaceId) },
    { prefix: recordStreamPrefix('workspaceRecords', workspaceId) },
  ];
}

export function inStreamSet(set: StreamSet, stream: string): boolean {
  return 'stream' in set ? stream === set.stream : stream.startsWith(set.prefix);
}

/** Where the set starts in the order of names: every name in it sorts at or after this. */
export function streamSetStart(set: StreamSet): string {
  return 'stream' in set ? set.stream : set.prefix;
}

export function describeStreamSet(set: StreamSet): string {
  return 'stream' in set ? `stream ${set.stream}` : `streams ${set.prefix}*`;
}
