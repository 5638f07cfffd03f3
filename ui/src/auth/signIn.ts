import { devLink } from './devLink';
import { oidcProvider, type OidcSettings } from './oidc';
import { currentSession, startSession, type Session } from './session';

/**
 * A way to sign in. Each provider may finish a sign-in that brought the browser back to the page
 * (a token in the fragment, an authorization code in the query: `complete`), and may offer to
 * start one (`start`, shown as a button on the sign-in screen). The rest of the page only sees
 * the session these leave in session.ts.
 *
 * Two: the development link (`npm run token -- --ui`), and OpenID Connect (code + PKCE) when
 * the service names an issuer (UI_OIDC_ISSUER, read from /ui/config.json).
 */
export type SignInProvider = Readonly<{
  name: string;
  /** Takes what the address carries for this provider and removes it from the address at once; throws to say why a sign-in failed. */
  complete(location: Location, history: History): Promise<string | null>;
  /** Starts an interactive sign-in; absent for providers that only complete one. */
  start?: () => Promise<void>;
}>;

export type SignInResult = Readonly<{
  session: Session | null;
  /** Why the sign-in the address carried failed (a malformed or expired token, a refused code), or null. */
  refused: string | null;
  providers: readonly SignInProvider[];
}>;

/** The page's settings from the service; without them (an older service), the development link only. */
async function oidcSettings(): Promise<OidcSettings | null> {
  try {
    const response = await fetch('/ui/config.json', { credentials: 'omit', cache: 'no-store' });
    if (!response.ok) return null;
    return ((await response.json()) as { oidc?: OidcSettings | null }).oidc ?? null;
  } catch {
    return null;
  }
}

/**
 * Runs first, before the page renders: lets each provider take its part of the address (so a
 * token or code never stays there), keeps a token one of them returns, else the stored session.
 */
export async function completeSignIn(location: Location = window.location, history: History = window.history): Promise<SignInResult> {
  // The dev link's fragment goes before anything is awaited.
  const early = await settle(devLink, location, history);
  const oidc = await oidcSettings();
  const providers: SignInProvider[] = [devLink, ...(oidc ? [oidcProvider(oidc)] : [])];
  const outcome = early ?? (oidc ? await settle(providers[1]!, location, history) : null);
  if (outcome === null) return { session: currentSession(), refused: null, providers };
  if ('failed' in outcome) return { session: null, refused: outcome.failed, providers };
  const session = startSession(outcome.token);
  return { session, refused: session === null ? 'That sign-in holds no usable token (expired or malformed): get a new one.' : null, providers };
}

async function settle(provider: SignInProvider, location: Location, history: History): Promise<{ token: string } | { failed: string } | null> {
  try {
    const token = await provider.complete(location, history);
    return token === null ? null : { token };
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}
