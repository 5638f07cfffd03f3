import { setImmediate } from 'node:timers/promises';

/**
 * A folded state as text and back, for snapshots (stateSnapshots.ts). A state is an object of
 * plain values (strings, numbers, booleans, null, arrays, plain objects) and maps, a map's values
 * holding maps of their own (a secret's roles). Its top-level maps can hold 10,000 entries and
 * more, so they are written a few hundred entries to a line, and read a line at a time with the
 * event loop turning between lines: the text of a state at every bound is tens of megabytes,
 * one JSON.parse of which would hold every request for hundreds of milliseconds.
 */

/**
 * A line is made and read in one go: 250 secrets with their roles take ~0.7 ms to write and ~2.3
 * to read (at most 3 and 6); 1,000 took ~3 and ~11 (at most 15 and 23). How many entries a line
 * holds is not part of the format: any count reads back the same.
 */
export const ENTRIES_PER_LINE = 250;
/** How a map below the top level is written: `{"$map": [[key, value], ...]}`. No state holds an object with this field. */
const MAP_TAG = '$map';

type Header = Readonly<{ fields: Record<string, unknown>; maps: readonly string[] }>;

/** The state's lines: its other fields and the names of its maps, then each map's entries, ENTRIES_PER_LINE to a line. */
export async function stateLines(state: object): Promise<string[]> {
  const fields: Record<string, unknown> = {};
  const maps: [string, ReadonlyMap<unknown, unknown>][] = [];
  for (const [name, value] of Object.entries(state)) {
    if (value instanceof Map) maps.push([name, value]);
    else fields[name] = value;
  }
  const lines = [JSON.stringify({ fields, maps: maps.map(([name]) => name) } satisfies Header, withMaps)];
  for (const [name, map] of maps) {
    let entries: [unknown, unknown][] = [];
    for (const entry of map) {
      entries.push(entry);
      if (entries.length === ENTRIES_PER_LINE) {
        lines.push(JSON.stringify([name, entries], withMaps));
        entries = [];
        await setImmediate();
      }
    }
    if (entries.length > 0) lines.push(JSON.stringify([name, entries], withMaps));
  }
  return lines;
}

/** The state `stateLines` wrote. Throws on lines it did not write. */
export async function stateOfLines(lines: readonly string[]): Promise<object> {
  const header = JSON.parse(lines[0] ?? '', mapsBack) as Header;
  const state: Record<string, unknown> = { ...header.fields };
  const maps = new Map(header.maps.map((name) => [name, new Map<unknown, unknown>()]));
  for (const [name, map] of maps) state[name] = map;
  for (let i = 1; i < lines.length; i += 1) {
    const [name, entries] = JSON.parse(lines[i]!, mapsBack) as [string, [unknown, unknown][]];
    const map = maps.get(name);
    if (!map) throw new Error(`a line of entries for "${name}", which the header does not name`);
    for (const [key, value] of entries) map.set(key, value);
    await setImmediate();
  }
  return state;
}

function withMaps(_key: string, value: unknown): unknown {
  return value instanceof Map ? { [MAP_TAG]: [...value] } : value;
}

function mapsBack(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const entries = (value as Record<string, unknown>)[MAP_TAG];
  return Array.isArray(entries) && Object.keys(value).length === 1 ? new Map(entries as [unknown, unknown][]) : value;
}
