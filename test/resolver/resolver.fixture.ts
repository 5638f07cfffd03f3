import { expect } from 'vitest';
import type { App } from '../../src/api/deps';
import { bearer } from '../support/testService';

/** An executor's token: `secrets:resolve`, no workspace restriction. */
export const executor = () => bearer('executor', { scope: 'secrets:resolve' });

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request that must succeed (2xx); returns the parsed body, if any. */
export async function ok(app: App, method: Method, url: string, user: string, payload?: object): Promise<Record<string, unknown>> {
  const response = await app.inject({ method, url, headers: bearer(user), ...(payload ? { payload } : {}) });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.body ? response.json() : {};
}

export async function createWorkspace(app: App, admin: string, name = 'Acme'): Promise<string> {
  return (await ok(app, 'POST', '/v1/workspaces', admin, { name })).id as string;
}

/** Invites `user` by the email its token carries (`<user>@example.com`) and accepts as them. */
export async function join(app: App, workspaceId: string, admin: string, user: string, permission = 'write') {
  const { id } = await ok(app, 'POST', `/v1/workspaces/${workspaceId}/invitations`, admin, {
    email: `${user}@example.com`,
    permission,
  });
  await ok(app, 'POST', `/v1/invitations/${id as string}/accept`, user);
}

export async function removeMember(app: App, workspaceId: string, admin: string, user: string) {
  await ok(app, 'DELETE', `/v1/workspaces/${workspaceId}/members/${user}`, admin);
}

export async function setWorkspaceSecret(app: App, workspaceId: string, user: string, key: string, value: string) {
  await ok(app, 'PUT', `/v1/workspaces/${workspaceId}/secrets/${key}`, user, { value });
}

export async function deleteWorkspaceSecret(app: App, workspaceId: string, user: string, key: string) {
  await ok(app, 'DELETE', `/v1/workspaces/${workspaceId}/secrets/${key}`, user);
}

export async function setPersonalSecret(app: App, user: string, key: string, value: string) {
  await ok(app, 'PUT', `/v1/me/secrets/${key}`, user, { value });
}

/**
 * POST /v1/resolve. Every answer is checked for leaks: none of `secretValues` may appear
 * anywhere but in `output` and `masks` of a 200 (and not at all in an error).
 */
export function resolver(app: App, secretValues: () => readonly string[]) {
  return async (body: object, headers: Record<string, string> = executor()) => {
    const response = await app.inject({ method: 'POST', url: '/v1/resolve', headers, payload: body });
    const parsed = response.json() as Record<string, unknown>;
    const outside = response.statusCode === 200 ? { ...parsed, output: undefined, masks: undefined } : parsed;
    const text = `${JSON.stringify(outside)}\n${JSON.stringify(response.headers)}`;
    expect(secretValues().filter((value) => text.includes(value))).toEqual([]);
    return { status: response.statusCode, body: parsed };
  };
}
