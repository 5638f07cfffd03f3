import { expect } from 'vitest';
import type { Client, Reply } from './client';
import { token } from './testService';

export type Permission = 'admin' | 'write' | 'read';

/** The body of a reply, typed as the test expects it. */
export function bodyOf<T>(reply: Reply): T {
  return reply.body as T;
}

/** Creates a workspace as `admin` (a user id; its token is `token(admin)`) and answers its id. */
export async function createWorkspace(call: Client, admin: string, name = 'Acme'): Promise<string> {
  const created = await call('POST', '/v1/workspaces', { token: token(admin), body: { name } });
  expect(created.status).toBe(201);
  return bodyOf<{ id: string }>(created).id;
}

/** Invites `user` (email `<user>@example.com`) with a permission, and accepts as them. */
export async function join(call: Client, ws: string, admin: string, user: string, permission: Permission, external = false): Promise<void> {
  const email = `${user}@example.com`;
  const invited = await call('POST', `/v1/workspaces/${ws}/invitations`, { token: token(admin), body: { email, permission, external } });
  expect(invited.status).toBe(201);
  const accepted = await call('POST', `/v1/invitations/${bodyOf<{ id: string }>(invited).id}/accept`, { token: token(user) });
  expect(accepted.status).toBe(200);
}

/** A workspace with `admin` as its creator and the given members already joined. */
export async function workspaceWith(call: Client, admin: string, members: Readonly<Record<string, Permission>>): Promise<string> {
  const ws = await createWorkspace(call, admin);
  for (const [user, permission] of Object.entries(members)) await join(call, ws, admin, user, permission);
  return ws;
}

/** The current ETag of a scope's list (`"7"`), read by a member (or the owner for `/v1/me`). */
export async function etagOf(call: Client, listUrl: string, user: string): Promise<string> {
  const list = await call('GET', listUrl, { token: token(user) });
  expect(list.status).toBe(200);
  return list.headers.etag!;
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
