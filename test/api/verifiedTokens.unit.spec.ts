import { describe, expect, it } from 'vitest';
import { VerifiedTokens } from '../../src/api/auth.plugin';
import type { Principal } from '../../src/api/principal';

const verified = (id: string) => ({ principal: { id } as unknown as Principal, expiresAt: Date.now() + 60_000, kid: null });

describe('Tokens already verified (kept until their exp)', () => {
  // A principal is about as large as its token, and tokens are up to the 16 KiB of the headers.
  it('keeps at most its bound of token characters, the least recently used going first', () => {
    const tokens = new VerifiedTokens(10_000, 30_000);
    for (const t of ['a', 'b', 'c']) tokens.set(t.repeat(12_000), verified(t));
    expect(tokens.get('a'.repeat(12_000))).toBeUndefined();
    expect(tokens.get('c'.repeat(12_000))?.id).toBe('c');
    expect(tokens.get('b'.repeat(12_000))?.id).toBe('b');
  });
});
