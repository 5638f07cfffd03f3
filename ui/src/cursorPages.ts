import { useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from './api';

export type CursorPage<T> = Readonly<{ items: readonly T[]; nextCursor: string | null }>;

/**
 * A list the service answers a page at a time along a cursor (the audit, a secret's history):
 * the first page when `key` changes, the next on `more()`, appended. One page at a time: a ref,
 * not state, refuses a second load, since two clicks may land before the next render.
 */
export function useCursorPages<T>(pageAfter: (cursor: string | null) => Promise<CursorPage<T>>, key: string) {
  const [items, setItems] = useState<readonly T[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  async function load(after: string | null) {
    if (busy.current) return;
    busy.current = true;
    setLoading(true);
    setError(null);
    try {
      const page = await pageAfter(after);
      setItems((shown) => (after === null || shown === null ? page.items : [...shown, ...page.items]));
      setCursor(page.nextCursor);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      busy.current = false;
      setLoading(false);
    }
  }
  useEffect(() => {
    void load(null);
  }, [key]);
  return { items, loading, error, more: cursor === null ? null : () => void load(cursor) };
}
