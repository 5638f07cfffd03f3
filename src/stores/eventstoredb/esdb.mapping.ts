import { NO_STREAM, WrongExpectedVersionError, type AppendExpectedRevision, type CurrentRevision, type Position } from '@eventstore/db-client';
import { WrongExpectedRevision } from '../eventStore.port';

/**
 * The pure half of the EventStoreDB adapter: how its positions, revisions and errors map to
 * the port's. Unit-tested without a server.
 */

const U64 = 1n << 64n;

/** $all positions are (commit, prepare) pairs; the port wants one integer: commit × 2^64 + prepare. */
export function encodePosition(position: Position): string {
  if (position.commit < 0n || position.commit >= U64 || position.prepare < 0n || position.prepare >= U64) {
    throw new Error(`EventStoreDB position out of range: ${position.commit}/${position.prepare}`);
  }
  return (position.commit * U64 + position.prepare).toString();
}

export function decodePosition(position: string): Position {
  const value = BigInt(position);
  return { commit: value / U64, prepare: value % U64 };
}

/** EventStoreDB stream revisions are 0-based event numbers; the port's is the number of events. */
export function toExpectedRevision(expected: number): AppendExpectedRevision {
  return expected === 0 ? NO_STREAM : BigInt(expected - 1);
}

export function fromCurrentRevision(current: CurrentRevision | AppendExpectedRevision): number {
  return typeof current === 'bigint' ? Number(current) + 1 : 0;
}

export function fromEventRevision(revision: bigint): number {
  return Number(revision) + 1;
}

/** The client's wrong-version error, as the port's typed conflict. Other errors pass through. */
export function mapAppendError(error: unknown, streamId: string, expected: number): unknown {
  if (error instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevision(streamId, expected, fromCurrentRevision(error.actualVersion));
  }
  return error;
}

/** Whether a stream is one of ours: `$all` also holds system events and other applications' streams. */
export function hasPrefix(prefixes: readonly string[], streamId: string): boolean {
  return prefixes.some((prefix) => streamId.startsWith(prefix));
}
