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

/**
 * A position as text that sorts the way the integers do: its number of digits (two of them), then
 * the digits — `5002` is `045002`. Views store a position in every row and most index entries
 * (an audit row's id is one), so its width counts: on SQLite's log this form is 3–12 characters
 * where the zero-padded one of earlier versions was 40 (a rebuild ran 4–9% faster with it);
 * EventStoreDB's positions are 20 digits and more, so behind it the saving is small.
 */
export function sortablePosition(position: string): string {
  if (!POSITION_PATTERN.test(position)) throw new Error(`Not a log position: ${position}`);
  return String(position.length).padStart(2, '0') + position;
}

/**
 * The position a stored text stands for: a `sortablePosition`, or a `paddedPosition` (what views
 * of earlier versions stored, which a MongoDB instance of this one may read until its rebuild is
 * swapped in). A padded position under 10^38 starts with `00`, which no sortable one does; no log
 * gets near 10^38 (EventStoreDB's commit position would have to pass 5 × 10^18 bytes).
 */
export function positionOfStored(stored: string): string {
  const digits = stored.slice(2);
  if (/^\d\d/.test(stored) && Number(stored.slice(0, 2)) === digits.length && POSITION_PATTERN.test(digits)) return digits;
  if (stored.length === POSITION_DIGITS && /^\d+$/.test(stored)) return positionOfPadded(stored);
  throw new Error(`Not a stored log position: ${stored}`);
}

/**
 * A position zero-padded to 40 digits: what follower checkpoints keep. They outlive upgrades and
 * a rollback, so they stay in the form every earlier version reads (and sorts by, with `>` and
 * `$max`); a handful of rows, their width costs nothing.
 */
export function paddedPosition(position: string): string {
  if (!POSITION_PATTERN.test(position)) throw new Error(`Not a log position: ${position}`);
  return position.padStart(POSITION_DIGITS, '0');
}

/** The position a `paddedPosition` stands for. */
export function positionOfPadded(stored: string): string {
  return BigInt(stored).toString();
}
