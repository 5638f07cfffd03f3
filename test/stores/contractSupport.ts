import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { EventStore, NewEvent, StoredEvent } from '../../src/stores/eventStore.port';
import { comparePositions, POSITION_PATTERN } from '../../src/stores/position';

/** A stream id no other test (or earlier run against a shared server) uses: `<category>-<hex>`. */
export function freshStream(category = 'contract'): string {
  return `${category}-${randomBytes(8).toString('hex')}`;
}

export function newEvent(type: string, data: unknown = {}): NewEvent {
  return { type, data, metadata: { actor: 'contract-suite', at: '2024-05-01T12:00:00.000Z', schemaVersion: 1 } };
}

/** The rejection of `promise`; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

export type Deferred<T = void> = { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void };

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `condition` until it holds; fails after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(5);
  }
}

/** Whether the promise has settled within a few turns of the event loop. */
export async function settledSoon(promise: Promise<unknown>, ms = 50): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await sleep(ms);
  return settled;
}

/** Asserts each position is a decimal string and every one is strictly after the one before. */
export function expectStrictlyIncreasing(positions: readonly (string | null)[]): void {
  for (const p of positions) expect(p).toMatch(POSITION_PATTERN);
  for (let i = 1; i < positions.length; i++) {
    expect(comparePositions(positions[i - 1]!, positions[i]!), `position #${i} follows #${i - 1}`).toBe(-1);
  }
}

/** Every event of the log after `after`, read in pages of `pageSize`. */
export async function readToEnd(store: EventStore, after: string | null, pageSize = 500): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let position = after;
  for (;;) {
    const page = await store.readAll(position, pageSize);
    expect(page.length).toBeLessThanOrEqual(pageSize);
    if (page.length === 0) return events;
    events.push(...page);
    position = page[page.length - 1]!.position;
  }
}

/** What identifies an event in the log, for comparing reads. */
export const identity = (e: StoredEvent) => ({ streamId: e.streamId, revision: e.revision, type: e.type });
