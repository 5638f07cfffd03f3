type MutableOf<M> = M extends ReadonlyMap<infer K, infer V> ? Map<K, V> : never;

/**
 * A state of readonly maps being folded over many events: each map is copied the first time an
 * event changes it, then changed in place, so a fold copies a map once rather than once per
 * event (a scope of 1,000 keys made every event of a 100,000-event stream copy four maps of
 * 1,000 entries). The state handed in is never changed.
 */
export class MapDrafts<S extends object> {
  private readonly copied = new Set<keyof S>();
  private draft: S;

  constructor(state: S) {
    this.draft = { ...state };
  }

  /** The state as folded so far (read it, never change it: `mutable` does). */
  get state(): S {
    return this.draft;
  }

  /** The map `name`, copied on its first change in this fold. */
  mutable<K extends keyof S>(name: K): MutableOf<S[K]> {
    if (!this.copied.has(name)) {
      // The one place a readonly map becomes writable: the copy is this fold's own.
      this.draft[name] = new Map(this.draft[name] as ReadonlyMap<unknown, unknown>) as S[K];
      this.copied.add(name);
    }
    return this.draft[name] as MutableOf<S[K]>;
  }

  /** Sets one field that is not a map (a count): the draft object is this fold's own. */
  assign<K extends keyof S>(name: K, value: S[K]): void {
    this.draft[name] = value;
  }

  /**
   * Goes on from `next`, made from the draft's own fields with others changed (a status): its
   * maps must be the draft's, which stay this fold's copies.
   */
  replace(next: S): void {
    this.draft = { ...next };
  }
}
