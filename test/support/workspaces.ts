import { expect } from 'vitest';
import type { Client, Reply, RequestOptions } from './client';
import { token, type TokenOptions } from './testService';

/**
 * The workspace helpers every spec uses, over the one client (in process or over HTTP). Users
 * are ids: `alice` calls with `token('alice')`, her email is `alice@example.com`.
 */

export type Permission = 'admin' | 'write' | 'read';

/** The request options of a call as `user`: `{ ...as('alice'), body }`. */
export function as(user: string, options?: TokenOptions): { token: string } {
  return { token: token(user, options) };
}

/** An executor's token: `secrets:resolve`, no workspace restriction. */
export const executor = (): string => token('executor', { scope: 'secrets:resolve' });

/** The body of a reply, typed as the test expects it. */
export function bodyOf<T>(reply: Reply): T {
  return reply.body as T;
}

/** A request that must succeed (2xx): answers its body (`{}` when it has none). */
export async function must<T = Record<string, unknown>>(call: Client, method: string, url: string, options: RequestOptions = {}): Promise<T> {
  const reply = await call(method, url, options);
  expect(reply.status, `${method} ${url}: ${reply.text}`).toBeLessThan(300);
  return (reply.body ?? {}) as T;
}

/** Creates a workspace as `admin` and answers its id. */
export async function createWorkspace(call: Client, admin: string, name = 'Acme'): Promise<string> {
  const created = await call('POST', '/v1/workspaces', { ...as(admin), body: { name } });
  expect(created.status, created.text).toBe(201);
  return bodyOf<{ id: string }>(created).id;
}

/** Invites `user` with a permission, and accepts as them. */
export async function join(call: Client, ws: string, admin: string, user: string, permission: Permission, external = false): Promise<void> {
  const email = `${user}@example.com`;
  const invited = await call('POST', `/v1/workspaces/${ws}/invitations`, { ...as(admin), body: { email, permission, external } });
  expect(invited.status, invited.text).toBe(201);
  const accepted = await call('POST', `/v1/invitations/${bodyOf<{ id: string }>(invited).id}/accept`, as(user));
  expect(accepted.status, accepted.text).toBe(200);
}

/** A workspace with `admin` as its creator and the given members already joined. */
export async function workspaceWith(call: Client, admin: string, members: Readonly<Record<string, Permission>>): Promise<string> {
  const ws = await createWorkspace(call, admin);
  for (const [user, permission] of Object.entries(members)) await join(call, ws, admin, user, permission);
  return ws;
}

export async function removeMember(call: Client, ws: string, admin: string, user: string): Promise<void> {
  await must(call, 'DELETE', `/v1/workspaces/${ws}/members/${user}`, as(admin));
}

export async function setWorkspaceSecret(call: Client, ws: string, user: string, key: string, value: string): Promise<void> {
  await must(call, 'PUT', `/v1/workspaces/${ws}/secrets/${key}`, { ...as(user), body: { value } });
}

export async function deleteWorkspaceSecret(call: Client, ws: string, user: string, key: string): Promise<void> {
  await must(call, 'DELETE', `/v1/workspaces/${ws}/secrets/${key}`, as(user));
}

export async function setPersonalSecret(call: Client, user: string, key: string, value: string): Promise<void> {
  await must(call, 'PUT', `/v1/me/secrets/${key}`, { ...as(user), body: { value } });
}

/** The current ETag of a scope's list (`"7"`), read by a member (or the owner for `/v1/me`). */
export async function etagOf(call: Client, listUrl: string, user: string): Promise<string> {
  const list = await call('GET', listUrl, as(user));
  expect(list.status).toBe(200);
  return list.headers.etag!;
}

export type Resolution = Omit<Reply, 'body'> & { body: Record<string, unknown> };

/**
 * POST /v1/resolve with `body`, as the executor unless `options` say otherwise (`{}`: no token).
 * Every answer is checked for leaks: none of `secretValues` may appear anywhere but in `output`
 * and `masks` of a 200 (and not at all in an error).
 */
export function resolver(call: Client, secretValues: () => readonly string[] = () => []) {
  return async (body: object, options: RequestOptions = { token: executor() }): Promise<Resolution> => {
    const reply = await call('POST', '/v1/resolve', { ...options, body });
    const parsed = reply.body as Record<string, unknown>;
    const outside = reply.status === 200 ? { ...parsed, output: undefined, masks: undefined } : parsed;
    const text = `${JSON.stringify(outside)}\n${JSON.stringify(reply.headers)}`;
    expect(secretValues().filter((value) => text.includes(value))).toEqual([]);
    return { ...reply, body: parsed };
  };
}

/** The codes of a problem answer, with its status checked. */
export function expectProblem(reply: Reply, status: number, code?: string): void {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers['content-type']).toContain('application/problem+json');
  if (code !== undefined) expect(bodyOf<{ code: string }>(reply).code).toBe(code);
}

/** The fields a validation problem names. */
export function fieldsOf(reply: Reply): string[] {
  return bodyOf<{ errors?: { field: string }[] }>(reply).errors?.map((e) => e.field) ?? [];
}
