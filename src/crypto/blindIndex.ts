import { createHmac } from 'node:crypto';
import type { DataKeys } from './dataKeys';

/**
 * The id of the blind-index key: a data key like the others (random, wrapped by the master key,
 * rewrapped by rotation), made on first use under this fixed id so every process finds it. It is
 * never destroyed: without it no email could be found again, and no subject key either.
 */
export const BLIND_INDEX_KEY_ID = 'ik_blind_index';

/** What each index is of, so an email's index never equals a subject key's id. */
type Purpose = 'email' | 'subject';

/**
 * Keyed digests (HMAC-SHA256) that let the service find personal data without holding it:
 * the blind index of an email (deciders compare emails by it, the invitations view is looked up
 * by it) and the ids of subject keys. Keyed, so nobody without the key store can test a guess.
 */
export class BlindIndex {
  private key: Promise<Uint8Array> | null = null;

  constructor(private readonly dataKeys: Pick<DataKeys, 'getOrCreate'>) {}

  /** The blind index of an email (base64url), the same whatever its case. */
  email(email: string): Promise<string> {
    return this.digest('email', email.toLowerCase());
  }

  /** A keyed digest of `input` for one purpose, base64url (43 characters). */
  async digest(purpose: Purpose, input: string): Promise<string> {
    return createHmac('sha256', await this.indexKey())
      .update(`${purpose}\u0000${input}`)
      .digest('base64url');
  }

  private indexKey(): Promise<Uint8Array> {
    this.key ??= this.dataKeys.getOrCreate(BLIND_INDEX_KEY_ID).then(
      ({ key }) => key,
      (error: unknown) => {
        // A key store that failed once may answer next time.
        this.key = null;
        throw error;
      },
    );
    return this.key;
  }
}
