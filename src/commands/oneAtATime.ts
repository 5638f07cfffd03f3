/**
 * Work under way by key (a stream's first load, a principal's load), each entry removed when its
 * work ends: whoever asks for a key with work under way waits for it.
 */
export type UnderWay<K> = Map<K, Promise<unknown>>;

/** Waits until nothing is under way for `key`: for the work there, then for any that took its place meanwhile. */
export async function whenIdle<K>(underWay: UnderWay<K>, key: K): Promise<void> {
  for (let running = underWay.get(key); running !== undefined; running = underWay.get(key)) {
    await running.catch(() => {});
  }
}

/**
 * Starts `start` for `key` once nothing is under way for it, and keeps it under way until it
 * ends. The last look and the start run in one turn, so two callers cannot both start: an
 * answer from `whenIdle` comes a turn after its last look, so it looks again.
 */
export async function oneAtATime<K, T>(underWay: UnderWay<K>, key: K, start: () => Promise<T>): Promise<T> {
  do await whenIdle(underWay, key);
  while (underWay.has(key));
  const started = start();
  underWay.set(key, started);
  try {
    return await started;
  } finally {
    if (underWay.get(key) === started) underWay.delete(key);
  }
}
