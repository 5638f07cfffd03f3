import type { VerifyingKey } from './verifyingKey';

/** DESIGN §10: an unknown `kid` refetches the keys at most once per 30 s, over all tokens. */
export const DEFAULT_REFETCH_FLOOR_MS = 30_000;
/** Keys older than this are fetched again on the next token, so a key the provider withdrew stops working without an unknown `kid` to prompt it. */
export const DEFAULT_MAX_AGE_MS = 10 * 60_000;

export type KeySetOptions = Readonly<{
  /** At most one fetch per this many ms (tests shorten it rather than wait 30 s). */
  refetchFloorMs?: number;
  maxAgeMs?: number;
  now?: () => number;
  /** A fetch failed (the keys fetched before stay in use). */
  onError?: (error: unknown) => void;
}>;

/**
 * An identity provider's verification keys, by `kid`, fetched from a source (its JWKS URL or a PEM
 * file) when first needed, again when a token names a `kid` not among them, and again once they
 * are older than the maximum age: never more often than the floor, whoever asks, and one fetch
 * at a time. A fetch that no longer has a key (or has another key under its `kid`) tells the
 * listeners, which drop what they verified with it. A failed fetch changes nothing.
 */
export class KeySet {
  private keys: ReadonlyMap<string, VerifyingKey> | null = null;
  private fetchedAt = 0;
  private lastAttemptAt: number | null = null;
  private inFlight: Promise<void> | null = null;
  private readonly droppedListeners: Array<(kids: readonly string[]) => void> = [];
  private readonly floorMs: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly source: () => Promise<readonly VerifyingKey[]>,
    private readonly options: KeySetOptions = {},
  ) {
    this.floorMs = options.refetchFloorMs ?? DEFAULT_REFETCH_FLOOR_MS;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
  }

  /** Called with the `kid`s a fetch dropped or replaced. */
  onDropped(listener: (kids: readonly string[]) => void): void {
    this.droppedListeners.push(listener);
  }

  /** The key named `kid`, fetching (within the floor) when the keys are missing, old, or lack it. */
  async keyFor(kid: string): Promise<VerifyingKey | undefined> {
    if (this.keys === null || this.now() - this.fetchedAt >= this.maxAgeMs) await this.refetch();
    const known = this.keys?.get(kid);
    if (known) return known;
    await this.refetch();
    return this.keys?.get(kid);
  }

  private refetch(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.lastAttemptAt !== null && this.now() - this.lastAttemptAt < this.floorMs) return Promise.resolve();
    this.lastAttemptAt = this.now();
    this.inFlight = this.load().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async load(): Promise<void> {
    let fetched: readonly VerifyingKey[];
    try {
      fetched = await this.source();
    } catch (error) {
      this.options.onError?.(error);
      return;
    }
    const next = new Map<string, VerifyingKey>();
    for (const key of fetched) if (!next.has(key.kid)) next.set(key.kid, key);
    const dropped = [...(this.keys?.values() ?? [])].filter((old) => next.get(old.kid)?.pem !== old.pem).map((old) => old.kid);
    this.keys = next;
    this.fetchedAt = this.now();
    if (dropped.length > 0) for (const listener of this.droppedListeners) listener(dropped);
  }
}
