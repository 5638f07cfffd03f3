import { devLink } from './devLink';
import { currentSession, startSession, type Session } from './session';

/**
 * A way to sign in. Each provider may finish a sign-in that brought the browser back to the page
 * (a token in the fragment, an authorization code in the query: `complete`), and may offer to
 * start one (`start`, shown as a button on the sign-in screen). The rest of the page only sees
 * the session these leave in session.ts.
 *
 * Today there is one: the development link. OpenID Connect (authorization code + PKCE) is meant
 * to be added as a second provider here, with nothing else in the page changed.
 */
export type SignInProvider = Readonly<{
  name: string;
  /** Takes what the address carries for this provider and removes it from the address at once. */
  complete(location: Location, history: History): Promise<string | null>;
  /** Starts an interactive sign-in; absent for providers that only complete one. */
  start?: () => Promise<void>;
}>;

export const providers: readonly SignInProvider[] = [devLink];

export type SignInResult = Readonly<{ session: Session | null; refused: boolean }>;

/**
 * Runs first, before the page renders: lets each provider take its part of the address (so a
 * token never stays there), keeps a token one of them returns, else the stored session.
 * `refused` says an address carried a token that could not be used (malformed or expired).
 */
export async function completeSignIn(location: Location = window.location, history: History = window.history): Promise<SignInResult> {
  for (const provider of providers) {
    const token = await provider.complete(location, history);
    if (token !== null) {
      const session = startSession(token);
      return { session, refused: session === null };
    }
  }
  return { session: currentSession(), refused: false };
}
