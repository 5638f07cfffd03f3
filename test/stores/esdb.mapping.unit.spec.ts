import { NO_STREAM, WrongExpectedVersionError } from '@eventstore/db-client';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamPrefixes } from '../../src/events/streams';
import { WrongExpectedRevision } from '../../src/stores/eventStore.port';
import {
  decodePosition,
  encodePosition,
  fromCurrentRevision,
  fromEventRevision,
  hasPrefix,
  mapAppendError,
  toExpectedRevision,
} from '../../src/stores/eventstoredb/esdb.mapping';
import { comparePositions, POSITION_PATTERN } from '../../src/stores/position';

const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const position = fc.record({ commit: u64, prepare: u64 });

describe('EventStoreDB mapping', () => {
  describe('positions', () => {
    it('round-trips every (commit, prepare) pair through one decimal string', () => {
      fc.assert(
        fc.property(position, (p) => {
          expect(decodePosition(encodePosition(p))).toEqual(p);
        }),
      );
    });

    it('keeps the order of $all: by commit, then prepare', () => {
      fc.assert(
        fc.property(position, position, (a, b) => {
          const expected = a.commit !== b.commit ? Math.sign(Number(a.commit - b.commit)) : Math.sign(Number(a.prepare - b.prepare));
          expect(comparePositions(encodePosition(a), encodePosition(b))).toBe(expected);
        }),
      );
    });

    it('fits the API position pattern, even at the largest values', () => {
      const max = (1n << 64n) - 1n;
      expect(encodePosition({ commit: max, prepare: max })).toMatch(POSITION_PATTERN);
      expect(encodePosition({ commit: 0n, prepare: 0n })).toBe('0');
      expect(encodePosition({ commit: 1n, prepare: 5n })).toBe(((1n << 64n) + 5n).toString());
    });

    it('refuses positions outside unsigned 64 bits', () => {
      expect(() => encodePosition({ commit: -1n, prepare: 0n })).toThrow(/out of range/);
      expect(() => encodePosition({ commit: 0n, prepare: 1n << 64n })).toThrow(/out of range/);
    });
  });

  describe('revisions', () => {
    it('expects "no stream" for revision 0 and the 0-based event number otherwise', () => {
      expect(toExpectedRevision(0)).toBe(NO_STREAM);
      expect(toExpectedRevision(1)).toBe(0n);
      expect(toExpectedRevision(7)).toBe(6n);
    });

    it('counts events: a 0-based event number n is revision n + 1, no stream is 0', () => {
      expect(fromCurrentRevision(NO_STREAM)).toBe(0);
      expect(fromCurrentRevision(6n)).toBe(7);
      expect(fromEventRevision(0n)).toBe(1);
    });
  });

  describe('errors', () => {
    it('maps a wrong expected version to the typed conflict, with the actual revision', () => {
      const error = new WrongExpectedVersionError(undefined, { streamName: 'workspace-w1', expected: 2n, current: 4n });
      const mapped = mapAppendError(error, 'workspace-w1', 3);
      expect(mapped).toBeInstanceOf(WrongExpectedRevision);
      expect(mapped).toMatchObject({ streamId: 'workspace-w1', expected: 3, actual: 5 });
    });

    it('maps a conflict on a stream that does not exist to actual revision 0', () => {
      const error = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: NO_STREAM });
      expect(mapAppendError(error, 'workspace-w1', 1)).toMatchObject({ actual: 0 });
    });

    it('passes other errors through untouched', () => {
      const other = new Error('unavailable');
      expect(mapAppendError(other, 'workspace-w1', 1)).toBe(other);
    });
  });

  it('keeps only this service’s streams out of $all', () => {
    const ours = (streamId: string) => hasPrefix(streamPrefixes, streamId);
    expect(ours('workspaceSecrets-ws_1')).toBe(true);
    expect(ours('personalSecretAccess-alice')).toBe(true);
    expect(ours('$stats-127.0.0.1:2113')).toBe(false);
    expect(ours('orders-1')).toBe(false);
    expect(ours('workspaceX-1')).toBe(false);
  });
});
