/**
 * Where a piece of personal data sits, bound into its ciphertext as associated data so an
 * envelope moved elsewhere does not open. Everything here is known to whoever reads it back
 * (the view or the audit row holds it in the clear): the email's workspace, the request id an
 * address came with, the secret a detail belongs to.
 */
export type PersonalField =
  | Readonly<{ field: 'email'; workspaceId: string }>
  | Readonly<{ field: 'clientAddress' | 'peerAddress'; requestId: string }>
  | DetailField;

/** A secret's display name or description, sealed under the secret's own data key. */
export type DetailField = Readonly<{ field: 'displayName' | 'description'; scope: 'workspace' | 'personal'; ownerId: string; key: string }>;

/** JSON, so no id (user ids come from tokens and may hold any character) can shift the parts. */
export function personalAssociatedData(where: PersonalField): string {
  switch (where.field) {
    case 'email':
      return JSON.stringify(['personal:v1', where.field, where.workspaceId]);
    case 'clientAddress':
    case 'peerAddress':
      return JSON.stringify(['personal:v1', where.field, where.requestId]);
    case 'displayName':
    case 'description':
      return JSON.stringify(['personal:v1', where.field, where.scope, where.ownerId, where.key]);
  }
}
