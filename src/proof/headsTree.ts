import type { ChainHead } from './chain';
import { jcs } from './canonical';
import { leafHash, nodeHash, EMPTY_ROOT } from './merkle';

/** A stream's head as a seal commits to it: a leaf of the tree. */
export type SealedHead = Readonly<{ stream: string; revision: number; hash: string }>;

/**
 * Stream names in the order of their UTF-8 bytes: the order of the leaves, the same in every
 * language. Compared code unit by code unit without encoding either (a replay of the seals sorts
 * every head it reads: two buffers per comparison were a tenth of a start-up). UTF-16 order is
 * UTF-8 order except that a surrogate (half of a character above U+FFFF, four UTF-8 bytes) sorts
 * below U+E000–U+FFFF in UTF-16 and above them in UTF-8, so those two ranges trade places. For
 * well-formed names: a lone surrogate, which Buffer writes as U+FFFD, never reaches a stream name
 * (the API refuses them, and ids are generated).
 */
export function compareStreamNames(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x >= 0xd800 && y >= 0xd800 ? inUtf8Order(x) - inUtf8Order(y) : x - y;
  }
  return a.length - b.length;
}

/** A code unit at or above U+D800 moved so that surrogates sort above U+E000–U+FFFF, as their UTF-8 bytes do. */
function inUtf8Order(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/** `leafHash(JCS([stream, revision, hash]))`: DESIGN §8. */
export function headLeafHash(head: SealedHead): string {
  return leafHash(jcs([head.stream, head.revision, head.hash]));
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The RFC 6962 Merkle tree over every stream's head, leaves sorted by stream name, kept up to
 * date incrementally. In an RFC 6962 tree every left subtree is a perfect, aligned block of 2^h
 * leaves; their hashes are remembered by level, and only the spine on the right (at most log n
 * nodes) is hashed again each time. A head that moves forgets the log n blocks that hold it; a new
 * stream forgets the blocks to its right. So a seal costs a few hashes per stream that changed,
 * not a pass over every stream.
 */
export class HeadsTree {
  private readonly names: string[] = [];
  /** Each stream's head, with its leaf hash once a root or path needed it (a replay moves most heads many times before one is asked). */
  private readonly heads = new Map<string, { revision: number; hash: string; leaf?: string }>();
  /** `blocks[h][b]`: the hash of leaves [b·2^h, (b+1)·2^h), when known (h ≥ 1). */
  private readonly blocks: (string | undefined)[][] = [];

  get size(): number {
    return this.names.length;
  }

  head(stream: string): ChainHead | undefined {
    const head = this.heads.get(stream);
    return head && { revision: head.revision, hash: head.hash };
  }

  /** Moves a stream's head forward (a head never moves back: an older one is ignored). Returns whether it moved. */
  set({ stream, revision, hash }: SealedHead): boolean {
    const current = this.heads.get(stream);
    if (current && current.revision >= revision) return false;
    this.heads.set(stream, { revision, hash });
    const index = this.lowerBound(stream);
    if (current) {
      for (let h = 1; h < this.blocks.length; h += 1) if (this.blocks[h]) this.blocks[h]![index >> h] = undefined;
    } else {
      this.names.splice(index, 0, stream);
      // Blocks wholly left of the new leaf still hold the same leaves; the others moved.
      for (let h = 1; h < this.blocks.length; h += 1) {
        const level = this.blocks[h];
        if (level && level.length > index >> h) level.length = index >> h;
      }
    }
    return true;
  }

  root(): string {
    return this.size === 0 ? EMPTY_ROOT : this.node(0, this.size);
  }

  /** Where the stream's leaf is, or -1. */
  indexOf(stream: string): number {
    const index = this.lowerBound(stream);
    return this.names[index] === stream ? index : -1;
  }

  /** The index of the first leaf whose name is not below `name` (the size when there is none). */
  lowerBound(name: string): number {
    let low = 0;
    let high = this.names.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareStreamNames(this.names[middle]!, name) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  leafAt(index: number): SealedHead {
    const stream = this.names[index]!;
    const { revision, hash } = this.heads.get(stream)!;
    return { stream, revision, hash };
  }

  /** The audit path of leaf `index` (RFC 6962 §2.1.1), from the leaf up. */
  path(index: number): string[] {
    const path: string[] = [];
    let start = 0;
    let size = this.size;
    while (size > 1) {
      const k = largestPowerOfTwoBelow(size);
      if (index < start + k) {
        path.push(this.node(start + k, size - k));
        size = k;
      } else {
        path.push(this.node(start, k));
        start += k;
        size -= k;
      }
    }
    return path.reverse();
  }

  private node(start: number, size: number): string {
    if (size === 1) {
      const stream = this.names[start]!;
      const head = this.heads.get(stream)!;
      return (head.leaf ??= headLeafHash({ stream, revision: head.revision, hash: head.hash }));
    }
    const k = largestPowerOfTwoBelow(size);
    if (k * 2 !== size) return nodeHash(this.node(start, k), this.node(start + k, size - k));
    // A perfect block: remembered.
    const h = Math.log2(size);
    const level = (this.blocks[h] ??= []);
    let hash = level[start >> h];
    if (hash === undefined) {
      hash = nodeHash(this.node(start, k), this.node(start + k, k));
      level[start >> h] = hash;
    }
    return hash;
  }
}
