import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_ROOT, inclusionPath, leafHash, merkleRoot, verifyInclusion } from '../../src/proof/merkle';

/** RFC 6962's test leaves (as in certificate-transparency-go) and the roots of their first n. */
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((hex) =>
  leafHash(Buffer.from(hex, 'hex')),
);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('RFC 6962 Merkle tree', () => {
  it('gives the reference roots of the RFC 6962 test leaves', () => {
    expect(merkleRoot([])).toBe(EMPTY_ROOT);
    expect(EMPTY_ROOT).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    ROOTS.forEach((root, i) => expect(merkleRoot(LEAVES.slice(0, i + 1))).toBe(root));
  });

  it('proves every leaf of every tree, and nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.nat(), (size, pick) => {
        const leaves = Array.from({ length: size }, (_, i) => leafHash(`leaf ${i}`));
        const root = merkleRoot(leaves);
        const index = pick % size;
        const path = inclusionPath(leaves, index);
        expect(verifyInclusion(leaves[index]!, index, size, path, root)).toBe(true);
        expect(verifyInclusion(leafHash('another'), index, size, path, root)).toBe(false);
        if (size > 1) expect(verifyInclusion(leaves[index]!, (index + 1) % size, size, path, root)).toBe(false);
      }),
    );
  });
});
