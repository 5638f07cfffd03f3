/**
 * A saved state's pieces (FollowerCheckpoints.saveState) cut into the parts a store keeps, of at
 * most `maxChars` characters each: a piece longer than that is cut, never between the two halves of
 * a surrogate pair (alone, neither can be written as UTF-8). A piece may not end inside a pair.
 */
export function storedParts(pieces: readonly string[], maxChars: number): string[] {
  const parts: string[] = [];
  for (const piece of pieces) {
    if (isHighSurrogate(piece.charCodeAt(piece.length - 1))) throw new Error('A piece of a saved state ends inside a surrogate pair');
    let start = 0;
    do {
      let end = Math.min(start + maxChars, piece.length);
      if (end < piece.length && isHighSurrogate(piece.charCodeAt(end - 1))) end -= 1;
      parts.push(piece.slice(start, end));
      start = end;
    } while (start < piece.length);
  }
  return parts;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
