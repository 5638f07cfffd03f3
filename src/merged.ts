/**
 * `{ ...base, ...extra }` where `extra` adds properties `base` lacks, for code that runs per
 * event or per request. On Node 20's V8, optimized code that spreads an object and then adds
 * properties to it takes a slow path (~1 µs a call, measured) and gives every result a map of its
 * own, so whatever reads the results downstream (hashing, JSON) sees a new shape each time.
 * Object.assign onto a fresh literal does neither (~0.07 µs, one map). A spread that only
 * replaces properties the object has (`{ ...event, metadata }`) is fast and stays a spread.
 * Only for objects whose own keys this service made: unlike a spread, Object.assign would take an
 * own `__proto__` key as the new object's prototype.
 */
export function merged<A extends object, B extends object>(base: A, extra: B): A & B {
  return Object.assign({}, base, extra);
}
