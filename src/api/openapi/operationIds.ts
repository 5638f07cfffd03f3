/**
 * A stable camelCase operationId from a route's method and path, for routes that name none:
 * the method, then each fixed segment of the path (without `/v1`), in the singular when a
 * parameter names one of them. `GET /v1/workspaces/:ws/secrets` is `getWorkspaceSecrets`,
 * `GET /v1/workspaces/:ws/secrets/:key` `getWorkspaceSecret`, `POST
 * /v1/workspaces/:ws/secrets/:key/fingerprint-check` `postWorkspaceSecretFingerprintCheck`.
 * Only renaming a route renames its operation.
 */
export function operationIdOf(method: string, path: string): string {
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== 'v1');
  const isParam = (segment: string | undefined) => segment !== undefined && /^(:\w+|\{\w+\})$/.test(segment);
  const words = segments.flatMap((segment, i) => {
    if (isParam(segment)) return [];
    const named = isParam(segments[i + 1]) ? singular(segment) : segment;
    return named.split(/[^A-Za-z0-9]+/).filter(Boolean);
  });
  return [method.toLowerCase(), ...words.map(capitalized)].join('');
}

/** `secrets` names one secret, `members` one member (every collection here is a plain plural). */
function singular(word: string): string {
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
