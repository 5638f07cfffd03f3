/** The characters of every string a JSON value holds, keys included: what a view document weighs in memory. */
export function textIn(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (value === null || typeof value !== 'object') return 8;
  let text = 0;
  if (Array.isArray(value)) for (const item of value) text += textIn(item);
  else for (const key in value) if (Object.hasOwn(value, key)) text += key.length + textIn((value as Record<string, unknown>)[key]);
  return text;
}
