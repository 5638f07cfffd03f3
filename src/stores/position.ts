/**
 * Log positions are decimal strings (EventStoreDB's exceed 2^53). They compare as integers.
 * `null` means "before the first event".
 */
export function comparePositions(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isAtOrAfter(position: string | null, target: string): boolean {
  return comparePositions(position, target) >= 0;
}

export const POSITION_PATTERN = /^(0|[1-9][0-9]{0,19})$/;
