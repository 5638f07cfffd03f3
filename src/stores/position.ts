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

/**
 * Up to 40 digits: EventStoreDB's $all position is a pair of unsigned 64-bit numbers (commit,
 * prepare), which its adapter folds into one integer, commit × 2^64 + prepare.
 */
export const POSITION_DIGITS = 40;
export const POSITION_PATTERN = new RegExp(`^(0|[1-9][0-9]{0,${POSITION_DIGITS - 1}})$`);

/** Zero-padded to a fixed width, positions sort as text the way they do as integers. */
export function sortablePosition(position: string): string {
  if (!POSITION_PATTERN.test(position)) throw new Error(`Not a log position: ${position}`);
  return position.padStart(POSITION_DIGITS, '0');
}
