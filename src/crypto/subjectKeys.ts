import { LRUCache } from 'lru-cache';
import type { BlindIndex } from './blindIndex';
import type { DataKey, DataKeys } from './dataKeys';

/**
 * Whose personal data it is (DESIGN §8): a user, by id, or someone invited by email who has no
 * user id yet. Each subject has its own data key; destroying it erases everything sealed under it.
 */
export type Subject = `user:${string}` | `email:${string}`;

export const subjects = {
  user: (userId: string): Subject => `user:${userId}`,
  /** Emails are compared lower-cased (DESIGN §1), so one person is one subject whatever the case. */
  email: (email: string): Subject => `email:${email.toLowerCase()}`,
} as const;

/** base64url characters of the subject key id's digest: 132 bits. */
const ID_DIGEST_CHARS = 22;
const CACHE_LIMIT = 50_000;

/**
 * The data key of each subject. Its id is derived from the subject with the blind-index key
 * (`sk_` + truncated HMAC), so it is found from the subject alone and reveals neither the email
 * nor the user id; the key is made on first use (DataKeys.getOrCreate).
 */
export class SubjectKeys {
  /** Ids by subject: the digest is cheap, but a request context is sealed on every recorded request. */
  private readonly ids = new LRUCache<Subject, string>({ max: CACHE_LIMIT });

  constructor(
    private readonly dataKeys: Pick<DataKeys, 'getOrCreate' | 'destroy'>,
    private readonly index: Pick<BlindIndex, 'digest'>,
  ) {}

  async idOf(subject: Subject): Promise<string> {
    const cached = this.ids.get(subject);
    if (cached) return cached;
    const id = `sk_${(await this.index.digest('subject', subject)).slice(0, ID_DIGEST_CHARS)}`;
    this.ids.set(subject, id);
    return id;
  }

  /** The subject's key, made and stored on first use. */
  async keyOf(subject: Subject): Promise<DataKey> {
    return this.dataKeys.getOrCreate(await this.idOf(subject));
  }

  /**
   * Erases the subject's personal data: destroys its key. Should the subject act again, a new key
   * is made under the same id, and what the old one sealed stays unreadable.
   */
  async destroy(subject: Subject): Promise<void> {
    await this.dataKeys.destroy(await this.idOf(subject));
  }
}
