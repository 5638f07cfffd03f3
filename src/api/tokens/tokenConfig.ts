import type { Config } from '../../config';
import { isReservedActorId } from '../../commands/systemActor';
import { KeySet } from './keySet';
import { jwksUrlSource, pemFileSource } from './keySources';
import { LOCAL_ISSUER, type IdentityProvider } from './tokenVerifier';

type TokenConfig = Pick<
  Config,
  'JWT_JWKS_URL' | 'JWT_PUBLIC_KEY_FILE' | 'JWT_ISSUER' | 'JWT_AUDIENCE' | 'JWT_ISSUER_ALIAS' | 'JWT_SERVICE_ISSUERS' | 'UI_OIDC_ISSUER' | 'UI_OIDC_CLIENT_ID'
>;

/** What is wrong with the token settings taken together, each naming its variables (none: they hold). */
export function tokenConfigProblems(config: TokenConfig): string[] {
  const problems: string[] = [];
  const sources = [config.JWT_JWKS_URL, config.JWT_PUBLIC_KEY_FILE].filter((s) => s !== undefined).length;
  if (sources > 1) problems.push('JWT_JWKS_URL and JWT_PUBLIC_KEY_FILE: set one, not both');
  if (sources === 1 && (config.JWT_ISSUER === undefined || config.JWT_AUDIENCE.length === 0)) {
    problems.push('JWT_ISSUER and JWT_AUDIENCE are needed with an identity provider (JWT_JWKS_URL or JWT_PUBLIC_KEY_FILE)');
  }
  if (sources === 0 && (config.JWT_ISSUER !== undefined || config.JWT_AUDIENCE.length > 0)) {
    problems.push('JWT_ISSUER and JWT_AUDIENCE need the provider\'s keys: set JWT_JWKS_URL or JWT_PUBLIC_KEY_FILE');
  }
  if (config.JWT_ISSUER_ALIAS === LOCAL_ISSUER) problems.push(`JWT_ISSUER_ALIAS: "${LOCAL_ISSUER}" names HS256 tokens`);
  if (isReservedActorId(config.JWT_ISSUER_ALIAS)) problems.push('JWT_ISSUER_ALIAS: names starting with "system" are reserved for the service itself');
  const issuers = sources === 1 ? [LOCAL_ISSUER, config.JWT_ISSUER_ALIAS] : [LOCAL_ISSUER];
  const unknown = config.JWT_SERVICE_ISSUERS.filter((name) => !issuers.includes(name));
  if (unknown.length > 0) problems.push(`JWT_SERVICE_ISSUERS: ${unknown.join(', ')} is none of ${issuers.join(', ')}`);
  if ((config.UI_OIDC_ISSUER === undefined) !== (config.UI_OIDC_CLIENT_ID === undefined)) {
    problems.push('UI_OIDC_ISSUER and UI_OIDC_CLIENT_ID: set both or neither');
  }
  return problems;
}

/** The identity provider the configuration names, or undefined. Its keys are fetched when the first token needs them. */
export function identityProviderFrom(config: TokenConfig, onError: (error: unknown) => void): IdentityProvider | undefined {
  const source = config.JWT_JWKS_URL ? jwksUrlSource(config.JWT_JWKS_URL) : config.JWT_PUBLIC_KEY_FILE ? pemFileSource(config.JWT_PUBLIC_KEY_FILE) : null;
  if (source === null || config.JWT_ISSUER === undefined) return undefined;
  return { issuer: config.JWT_ISSUER, audiences: config.JWT_AUDIENCE, alias: config.JWT_ISSUER_ALIAS, keys: new KeySet(source, { onError }) };
}
