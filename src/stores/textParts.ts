import { setImmediate } from 'node:timers/promises';

/**
 * A saved state's pieces (FollowerCheckpoints.saveState) packed into the parts a store keeps, of
 * at most `maxChars` characters each: pieces are joined until a part is full, a piece cut where it
 * overflows one, never between the two halves of a surrogate pair (alone, neither can be written
 * as UTF-8; a pair split between two pieces is joined again). Lazily: each part is made when it is
 * taken, so a store that lets the event loop turn between parts never makes the whole text at
 * once (a state at every bound is ~10 MB: copying its pieces in one go held the process ~40 ms).
 */
export function* storedParts(pieces: readonly string[], maxChars: number): Generator<string, void, undefined> {
  if (maxChars < 2) throw new Error('A part holds at least a surrogate pair');
  let taken: string[] = [];
  let length = 0;
  for (let piece of pieces) {
    while (length + piece.length > maxChars) {
      const room = maxChars - length;
      taken.push(piece.slice(0, room));
      piece = piece.slice(room);
      const part = taken.join('');
      // The high half of a pair cut in two goes on with the next part (kept apart from the rest of
      // the piece: prepended to it, it would make the next slice copy the whole rest).
      const carried = isHighSurrogate(part.charCodeAt(part.length - 1));
      yield carried ? part.slice(0, -1) : part;
      taken = carried ? [part.slice(-1)] : [];
      length = taken.length;
    }
    taken.push(piece);
    length += piece.length;
  }
  yield taken.join('');
}

/** Lines as the pieces of a saved state: a line to a piece, each but the last ending in a newline. */
export function piecesOfLines(lines: readonly string[]): string[] {
  return lines.map((line, index) => (index < lines.length - 1 ? `${line}\n` : line));
}

/**
 * The lines of a saved state read back in parts, a line running on from one part into the next as
 * need be, the event loop turning between parts.
 */
export async function linesOfParts(parts: readonly string[]): Promise<string[]> {
  const lines: string[] = [];
  let carried = '';
  for (const [index, part] of parts.entries()) {
    if (index > 0) await setImmediate();
    const pieces = part.split('\n');
    carried += pieces[0]!;
    for (let i = 1; i < pieces.length; i += 1) {
      lines.push(carried);
      carried = pieces[i]!;
    }
  }
  lines.push(carried);
  return lines;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
