import type { SignInProvider } from './signIn';

/**
 * Development sign-in: `npm run token -- --ui` prints `/ui#token=…`. The fragment never reaches
 * the server (browsers do not send it); the page takes the token and replaces the address
 * without it before anything else runs, so it stays neither in the address bar nor in history.
 */
export const devLink: SignInProvider = {
  name: 'development link',
  async complete(location, history) {
    const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
    const token = fragment.get('token');
    if (token === null) return null;
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return token;
  },
};
