/**
 * A bearer token goes over https, or over plain http only to this machine (a loopback
 * address), where nobody on the network can read it.
 */
export class InsecureTransport extends Error {
  constructor(url: URL) {
    super(
      `Refusing to send the token over plain http:// to ${url.host}: use an https:// URL, or a loopback address (127.0.0.1, localhost, [::1]) for a server on this machine`,
    );
    this.name = 'InsecureTransport';
  }
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Throws InsecureTransport unless a token may be sent to this URL. */
export function assertTokenMayTravel(url: URL): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return;
  throw new InsecureTransport(url);
}
