/**
 * `GET …/secrets` answers the live secrets, or with `deleted=true` the deleted keys that can be
 * restored: two shapes under one route (the service keeps DESIGN's `?deleted=true`). These pick
 * the one a caller asked for, and fail loudly on the other.
 */
export function liveSecrets<T extends object>(list: T): Extract<T, { secrets: unknown }> {
  if ('secrets' in list) return list as Extract<T, { secrets: unknown }>;
  throw new TypeError('Asked for the live secrets, got the deleted ones');
}

export function deletedSecrets<T extends object>(list: T): Extract<T, { deleted: unknown }> {
  if ('deleted' in list) return list as Extract<T, { deleted: unknown }>;
  throw new TypeError('Asked for the deleted secrets, got the live ones');
}
