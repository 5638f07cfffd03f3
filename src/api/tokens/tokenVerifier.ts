import { createDecoder, createVerifier } from 'fast-jwt';
import { z } from 'zod';
import { isReservedActorId } from '../../commands/systemActor';
import { Unauthorized } from '../../errors';
import { SCOPE_AUDIT, SCOPE_RESOLVE, type Principal } from '../principal';
import type { KeySet } from './keySet';
import type { VerifyingKey } from './verifyingKey';

/** The name JWT_SERVICE_ISSUERS gives the tokens signed with JWT_SECRET (HS256). */
export const LOCAL_ISSUER = 'local';

/** A token issuer that is not this service: its keys, and how its tokens must look (DESIGN §10). */
export type IdentityProvider = Readonly<{
  /** `iss` every token must carry (JWT_ISSUER). */
  issuer: string;
  /** `aud` must hold one of these (JWT_AUDIENCE). */
  audiences: readonly string[];
  /** Principals are `<alias>:<sub>` (JWT_ISSUER_ALIAS), so two issuers never share a user. */
  alias: string;
  keys: KeySet;
}>;

export type TokenSettings = Readonly<{
  /** HS256 secret (JWT_SECRET, or the development one); null: HS256 tokens are refused. */
  hs256Secret: string | null;
  identityProvider: IdentityProvider | null;
  /** Issuers whose `secrets:resolve` and `audit:read` are honoured (JWT_SERVICE_ISSUERS): `local` and/or the provider's alias. */
  serviceIssuers: ReadonlySet<string>;
}>;

/** A verified token: who, until when, and the provider key it was verified with (null for HS256). */
export type Verified = Readonly<{ principal: Principal; expiresAt: number; kid: string | null }>;

const SERVICE_SCOPES = new Set([SCOPE_RESOLVE, SCOPE_AUDIT]);
/** Headers by which a token would name its own key: trusting one would let anyone sign (RFC 8725 §3.10). */
const SELF_KEYED_HEADERS = ['jwk', 'jku', 'x5u', 'x5c'] as const;
/** User ids are at most this long everywhere (member routes' `:userId`), provider prefix included. */
const MAX_PRINCIPAL_ID = 256;

const commonClaims = {
  exp: z.number(),
  email: z.string().email().max(320).optional(),
  scope: z.string().max(1000).optional(),
  ws: z.array(z.string().min(1).max(128)).max(1000).optional(),
};
const localClaims = z.object({ sub: z.string().min(1).max(MAX_PRINCIPAL_ID), ...commonClaims });
// `email_verified` counts only when it is the JSON `true` (some providers send the string "true": not verified here).
const providerClaims = z.object({ sub: z.string().min(1).max(MAX_PRINCIPAL_ID), email_verified: z.unknown().optional(), ...commonClaims });
const headerSchema = z.object({ alg: z.string(), kid: z.string().min(1).max(256).optional() }).passthrough();

type Claims = z.infer<typeof localClaims>;

function wellFormed(claims: Claims): boolean {
  return [claims.sub, claims.email ?? '', claims.scope ?? '', ...(claims.ws ?? [])].every((text) => text.isWellFormed());
}

function principalOf(id: string, claims: Claims, issuer: string, emailVerified: boolean, settings: TokenSettings): Principal {
  // A lone surrogate in `sub` would be stored as U+FFFD, and two users would share one id.
  if (!wellFormed(claims)) throw new Unauthorized('The bearer token holds ill-formed Unicode');
  // The id the service acts as, never a token's: for HS256 the sub itself, for a provider `<alias>:<sub>`.
  if (isReservedActorId(id)) throw new Unauthorized('Principals starting with "system" are reserved for the service itself');
  const trusted = settings.serviceIssuers.has(issuer);
  const scopes = (claims.scope?.split(' ') ?? []).filter((scope) => scope !== '' && (trusted || !SERVICE_SCOPES.has(scope)));
  return {
    id,
    email: claims.email?.toLowerCase() ?? null,
    emailVerified,
    issuer,
    scopes: new Set(scopes),
    workspaces: claims.ws ? new Set(claims.ws) : null,
  };
}

const refused = () => new Unauthorized('The bearer token is invalid or expired');

/**
 * Verifies a bearer token into a principal, or throws Unauthorized (never anything else: every
 * refused token is a 401). HS256 tokens are checked against the secret, synchronously (the hot
 * path of an executor); any other algorithm is a provider's token, checked against the provider
 * key its `kid` names, with the algorithm that key is for.
 */
export function tokenVerifier(settings: TokenSettings): (token: string) => Verified | Promise<Verified> {
  const decode = createDecoder({ complete: true });
  const local = settings.hs256Secret === null ? null : createVerifier({ key: settings.hs256Secret, algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] });
  const provider = settings.identityProvider === null ? null : providerVerifier(settings.identityProvider, settings);

  const verifyLocal = (token: string): Verified => {
    if (local === null) throw new Unauthorized('HS256 tokens are not accepted here; sign in with the identity provider');
    let claims: Claims;
    try {
      claims = localClaims.parse(local(token));
    } catch {
      throw refused();
    }
    // `<alias>:…` belongs to the provider's users: a locally signed token may not pose as one.
    const alias = settings.identityProvider?.alias;
    if (alias !== undefined && claims.sub.startsWith(`${alias}:`)) throw new Unauthorized(`Subjects starting with ${alias}: belong to the identity provider`);
    return { principal: principalOf(claims.sub, claims, LOCAL_ISSUER, true, settings), expiresAt: claims.exp * 1000, kid: null };
  };

  return (token) => {
    let header: z.infer<typeof headerSchema>;
    try {
      header = headerSchema.parse((decode(token) as { header: unknown }).header);
    } catch {
      throw refused();
    }
    const selfKeyed = SELF_KEYED_HEADERS.filter((name) => name in header);
    if (selfKeyed.length > 0) throw new Unauthorized(`The bearer token names its own key (${selfKeyed.join(', ')}), which is never trusted`);
    if (header.alg === 'HS256') return verifyLocal(token);
    if (provider === null) throw refused();
    if (header.kid === undefined) throw new Unauthorized('The bearer token names no key (kid)');
    return provider(token, header.alg, header.kid);
  };
}

function providerVerifier(idp: IdentityProvider, settings: TokenSettings) {
  // One fast-jwt verifier per key, made when the key is first used: the key decides the algorithm.
  const verifiers = new WeakMap<VerifyingKey, (token: string) => unknown>();
  const verifierFor = (key: VerifyingKey) => {
    let verify = verifiers.get(key);
    if (!verify) {
      verify = createVerifier({
        key: key.pem,
        algorithms: [key.algorithm],
        allowedIss: idp.issuer,
        allowedAud: [...idp.audiences],
        requiredClaims: ['exp', 'sub', 'iss', 'aud'],
      });
      verifiers.set(key, verify);
    }
    return verify;
  };
  const maxSub = MAX_PRINCIPAL_ID - idp.alias.length - 1;

  return async (token: string, alg: string, kid: string): Promise<Verified> => {
    let key: VerifyingKey | undefined;
    try {
      key = await idp.keys.keyFor(kid);
    } catch {
      key = undefined;
    }
    if (key === undefined) throw new Unauthorized('The bearer token names a key (kid) the identity provider does not publish');
    if (alg !== key.algorithm) throw new Unauthorized(`The key ${kid} signs with ${key.algorithm}, not ${alg}`);
    let claims: z.infer<typeof providerClaims>;
    try {
      claims = providerClaims.parse(verifierFor(key)(token));
    } catch {
      throw refused();
    }
    if (claims.sub.length > maxSub) throw refused();
    const principal = principalOf(`${idp.alias}:${claims.sub}`, claims, idp.alias, claims.email_verified === true, settings);
    return { principal, expiresAt: claims.exp * 1000, kid };
  };
}
