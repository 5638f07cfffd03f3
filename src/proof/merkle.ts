import { createHash } from 'node:crypto';

/**
 * RFC 6962 Merkle tree hashing (Certificate Transparency): a leaf is SHA-256(0x00 ‖ leaf), an
 * inner node SHA-256(0x01 ‖ left ‖ right), and a tree of n leaves splits at the largest power of
 * two below n. Hashes are lowercase hex.
 */
export function leafHash(leaf: string | Uint8Array): string {
  return createHash('sha256').update(Uint8Array.of(0)).update(leaf).digest('hex');
}

export function nodeHash(left: string, right: string): string {
  return createHash('sha256').update(Uint8Array.of(1)).update(Buffer.from(left, 'hex')).update(Buffer.from(right, 'hex')).digest('hex');
}

/** The root of an empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT = createHash('sha256').digest('hex');

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The root over leaf hashes, in their order. */
export function merkleRoot(leaves: readonly string[]): string {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  const k = largestPowerOfTwoBelow(leaves.length);
  return nodeHash(merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)));
}

/** The audit path of leaf `index` (RFC 6962 §2.1.1): the sibling hashes from the leaf up. */
export function inclusionPath(leaves: readonly string[], index: number): string[] {
  if (leaves.length <= 1) return [];
  const k = largestPowerOfTwoBelow(leaves.length);
  return index < k
    ? [...inclusionPath(leaves.slice(0, k), index), merkleRoot(leaves.slice(k))]
    : [...inclusionPath(leaves.slice(k), index - k), merkleRoot(leaves.slice(0, k))];
}

/** Whether `path` proves the leaf hash at `index` in a tree of `size` leaves with this root (RFC 9162 §2.1.3.2). */
export function verifyInclusion(leaf: string, index: number, size: number, path: readonly string[], root: string): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let hash = leaf;
  for (const sibling of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      hash = nodeHash(sibling, hash);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      hash = nodeHash(hash, sibling);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && hash === root;
}
