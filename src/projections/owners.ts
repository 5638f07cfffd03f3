/**
 * Owner ids of the read model: the audit and the deleted keys file rows under the workspace or the
 * user a stream belongs to, and a secret's history is asked for by them. Made here and nowhere else.
 */
export type Scope = 'workspace' | 'personal';

export const owners = {
  workspace: (workspaceId: string) => `workspace:${workspaceId}`,
  user: (userId: string) => `user:${userId}`,
  /** The owner of a secret of either scope: a workspace's, or a user's personal one. */
  of: (scope: Scope, ownerId: string) => (scope === 'workspace' ? owners.workspace(ownerId) : owners.user(ownerId)),
  /** The scope and id an owner names. */
  parse: (owner: string): { scope: Scope; ownerId: string } =>
    owner.startsWith('workspace:') ? { scope: 'workspace', ownerId: owner.slice('workspace:'.length) } : { scope: 'personal', ownerId: owner.slice('user:'.length) },
} as const;
