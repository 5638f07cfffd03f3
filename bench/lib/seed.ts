import { benchToken } from './servers';

/** Calls the service's HTTP API as a client would; refuses to go on after an error. */
export function client(url: string) {
  return async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

export const owner = benchToken('owner');
export const executor = benchToken('executor', { scope: 'secrets:resolve' });

/** A workspace with `count` secrets KEY_1… set in one batch save, through the service's own commands. */
export async function seedWorkspace(url: string, count: number, valueBytes = 40): Promise<string> {
  const call = client(url);
  const { id } = await call('POST', '/v1/workspaces', owner, { name: 'bench' });
  const set = Object.fromEntries(Array.from({ length: count }, (_, i) => [`KEY_${i + 1}`, `v${i + 1}-`.padEnd(valueBytes, 'x')]));
  await call('PATCH', `/v1/workspaces/${id}/secrets`, owner, { set });
  return id as string;
}

/** A resolve body whose input holds `references` distinct references. */
export function resolveBody(workspaceId: string, references: number): string {
  const input = Object.fromEntries(Array.from({ length: references }, (_, i) => [`header${i}`, `Bearer {{ KEY_${i + 1} }}`]));
  return JSON.stringify({ workspaceId, trigger: 'schedule', workflowOwnerId: 'owner', input });
}
