export type RedactOptions = Readonly<{
  /** What each occurrence becomes (default `[REDACTED]`). */
  replacement?: string;
}>;

/**
 * The forms a value commonly takes once it is in a log: as it is, escaped inside a JSON string,
 * in base64 (standard and URL-safe, with and without padding) and URL-encoded.
 */
export function encodingsOf(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const base64 = bytes.toString('base64');
  return [value, JSON.stringify(value).slice(1, -1), base64, base64.replace(/=+$/, ''), bytes.toString('base64url'), encodeURIComponent(value)];
}

/**
 * Replaces every occurrence of each mask (the values a resolution used: its `masks`), and of its
 * common encodings, in a text such as a run's log. Longer forms are matched first, so a value
 * that contains another is never left half-shown. A base64 form is found only where the value
 * was encoded alone, not inside a longer encoded text.
 */
export function redact(text: string, masks: readonly string[], options: RedactOptions = {}): string {
  const forms = [...new Set(masks.filter((mask) => mask.length > 0).flatMap(encodingsOf))].filter((form) => form.length > 0);
  if (forms.length === 0) return text;
  forms.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'g');
  const replacement = options.replacement ?? '[REDACTED]';
  return text.replace(pattern, () => replacement);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
