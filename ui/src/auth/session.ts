/**
 * The signed-in session: one bearer token, kept in sessionStorage (this tab only, gone when the
 * tab closes), never in localStorage, a cookie or the address. The claims are read only to show
 * who is signed in and to drop an expired token; the server verifies every request.
 */
const STORAGE_KEY = 'secrets-ui.token';

export type Session = Readonly<{ token: string; subject: string; email: string | null; expiresAt: number | null }>;

function claimsOf(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const claims: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function sessionOf(token: string, now = Date.now()): Session | null {
  const claims = claimsOf(token);
  if (!claims || typeof claims.sub !== 'string') return null;
  const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  if (expiresAt !== null && expiresAt <= now) return null;
  return { token, subject: claims.sub, email: typeof claims.email === 'string' ? claims.email : null, expiresAt };
}

/** The current session, or null (none, unreadable or expired: then it is forgotten). */
export function currentSession(): Session | null {
  const token = sessionStorage.getItem(STORAGE_KEY);
  if (token === null) return null;
  const session = sessionOf(token);
  if (!session) sessionStorage.removeItem(STORAGE_KEY);
  return session;
}

/** Keeps a token a sign-in provider obtained; null if it is not a usable token. */
export function startSession(token: string): Session | null {
  const session = sessionOf(token);
  if (session) sessionStorage.setItem(STORAGE_KEY, token);
  return session;
}

export function endSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
