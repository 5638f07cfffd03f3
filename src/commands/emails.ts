import { isSealed, type Forgettable, type SealedValue } from '../events/values';

/**
 * Emails on the command side (DESIGN §8): events hold them sealed under their subject's key,
 * with a blind index beside, so deciders compare emails by index and never hold one in the clear.
 *
 * Events written before emails were sealed hold the lower-cased email itself, and no index; they
 * are never rewritten. For those entries the state keeps that legacy email, and a command brings
 * the lower-cased plaintext of the email it is about beside the index (in memory only: it is never
 * recorded), so an entry matches by index, or, legacy, by the plaintext it already holds.
 */

/** How the state knows an email: by blind index, or (legacy) by the lower-cased email its event holds. */
export type KnownEmail = Readonly<{ index: string } | { legacy: string }>;

/**
 * An email as a command brings it: sealed (what the event records), its blind index (what
 * deciders compare), and lower-cased, only to match legacy entries — never recorded.
 */
export type CommandEmail = Readonly<{ sealed: SealedValue; index: string; lowercased: string }>;

/** What finds an email among known ones: its index, and its lower-cased form for legacy entries. */
export type EmailProbe = Readonly<{ index: string; lowercased: string }>;

/** What an event's email and index say the state knows; null when it knows none (a service, or a sealed email without its index). */
export function knownEmail(email: Forgettable | null, emailIndex: string | undefined): KnownEmail | null {
  if (email === null) return null;
  if (!isSealed(email)) return { legacy: email.toLowerCase() };
  return emailIndex === undefined ? null : { index: emailIndex };
}

export function sameEmail(known: KnownEmail | null, probe: EmailProbe): boolean {
  if (known === null) return false;
  return 'index' in known ? known.index === probe.index : known.legacy === probe.lowercased;
}
