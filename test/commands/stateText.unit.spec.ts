import { describe, expect, it } from 'vitest';
import { ENTRIES_PER_LINE, stateLines, stateOfLines } from '../../src/commands/stateText';
import { countTurns } from '../support/eventLoopTurns';

/** A state of the shape the folds make: fields, a large map, and maps within its values. */
const largeState = (entries: number) => ({
  status: 'active',
  count: entries,
  keys: new Map(Array.from({ length: entries }, (_, i) => [`K_${i}`, { version: i, members: new Map([[`user_${i}`, 'admin']]) }])),
  empty: new Map(),
});

describe('A state as the lines of a snapshot', () => {
  it('writes its fields first, then its maps ENTRIES_PER_LINE entries to a line, and reads back the same', async () => {
    const state = largeState(ENTRIES_PER_LINE * 2.5);
    const lines = await stateLines(state);

    expect(lines).toHaveLength(1 + 3);
    expect(JSON.parse(lines[0]!)).toEqual({ fields: { status: 'active', count: ENTRIES_PER_LINE * 2.5 }, maps: ['keys', 'empty'] });
    expect(await stateOfLines(lines)).toEqual(state);
  });

  it('lets the event loop turn between the lines it reads and writes', async () => {
    const turns = countTurns();
    const lines = await stateLines(largeState(ENTRIES_PER_LINE * 5));
    const written = turns.turns;
    await stateOfLines(lines);
    turns.stop();

    expect(written).toBeGreaterThanOrEqual(4);
    expect(turns.turns - written).toBeGreaterThanOrEqual(4);
  });

  it('refuses a line of entries for a map its header does not name', async () => {
    const lines = await stateLines(largeState(10));

    await expect(stateOfLines([lines[0]!, JSON.stringify(['other', [['K', 1]]])])).rejects.toThrow('"other"');
  });
});

describe('Lines of any number of entries', () => {
  it('read back the same: the count a line holds is not part of the format (snapshots of 1,000 entries a line are read)', async () => {
    const state = largeState(2_500);
    const lines = await stateLines(state);
    const entries = lines.slice(1).flatMap((line) => (JSON.parse(line) as [string, unknown[]])[1]);
    const thousandALine = [lines[0]!, ...[0, 1_000, 2_000].map((from) => JSON.stringify(['keys', entries.slice(from, from + 1_000)]))];

    expect(await stateOfLines(thousandALine)).toEqual(state);
  });
});
