import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStreamNames, HeadsTree, headLeafHash, type SealedHead } from '../../src/proof/headsTree';
import { inclusionPath, merkleRoot, verifyInclusion } from '../../src/proof/merkle';

/** The same tree computed from scratch: sorted leaves, the plain recursive root. */
function fromScratch(heads: Map<string, SealedHead>) {
  const leaves = [...heads.values()].sort((a, b) => compareStreamNames(a.stream, b.stream)).map(headLeafHash);
  return { leaves, root: merkleRoot(leaves) };
}

const hex = (n: number) => n.toString(16).padStart(64, '0');

describe('HeadsTree (incremental RFC 6962 tree over stream heads)', () => {
  it('always has the root and the audit paths of the tree computed from scratch, whatever order heads arrive in', () => {
    const streamName = fc.constantFrom('workspace-a', 'workspace-b', 'workspaceSecrets-a', 'é-x', '𝔘-y', 'z', 'workspaceRecords-a.main', 'a', 'ab', '\uffff');
    fc.assert(
      fc.property(fc.array(fc.tuple(streamName, fc.integer({ min: 1, max: 50 })), { maxLength: 60 }), (moves) => {
        const tree = new HeadsTree();
        const expected = new Map<string, SealedHead>();
        for (const [stream, revision] of moves) {
          tree.set({ stream, revision, hash: hex(revision) });
          if ((expected.get(stream)?.revision ?? 0) < revision) expected.set(stream, { stream, revision, hash: hex(revision) });
          const { leaves, root } = fromScratch(expected);
          expect(tree.root()).toBe(root);
          for (let i = 0; i < leaves.length; i += 1) {
            expect(tree.path(i)).toEqual(inclusionPath(leaves, i));
            expect(verifyInclusion(leaves[i]!, i, leaves.length, tree.path(i), root)).toBe(true);
          }
        }
      }),
    );
  });

  it('orders names by their UTF-8 bytes, not by UTF-16 code units', () => {
    // U+FFFF is EF BF BF; U+1D518 is F0 9D 94 98: bytes put the astral character last, UTF-16 first.
    expect(compareStreamNames('\uffff', '𝔘')).toBeLessThan(0);
    expect('\uffff' < '𝔘').toBe(false);
  });

  it('orders any two names as Buffer.compare orders their UTF-8 bytes', () => {
    // Characters on both sides of the surrogates (U+D7FF, U+E000, U+FFFF) and beyond them, where UTF-16 and UTF-8 disagree.
    const character = fc.oneof(fc.constantFrom('a', 'é', '\ud7ff', '\ue000', '\uffff', '𝔘', '\u{10ffff}'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    const name = fc.array(character, { maxLength: 6 }).map((characters) => characters.join(''));
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(Math.sign(compareStreamNames(a, b))).toBe(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
      }),
      { numRuns: 2000 },
    );
  });

  it('never moves a head back', () => {
    const tree = new HeadsTree();
    tree.set({ stream: 's', revision: 3, hash: hex(3) });
    expect(tree.set({ stream: 's', revision: 2, hash: hex(2) })).toBe(false);
    expect(tree.head('s')).toEqual({ revision: 3, hash: hex(3) });
  });
});
