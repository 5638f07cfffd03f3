import type { RecordedEvent } from '../events/streams';
import type { PersonalSecretsEvent, WorkspaceSecretsEvent } from '../events/secrets.events';
import { projection } from './projection';
import { viewIds, type ScopeDoc, type SecretDoc } from './views';

type SecretsCategory = 'workspaceSecrets' | 'personalSecrets';

function secretEvent(r: RecordedEvent, category: SecretsCategory): WorkspaceSecretsEvent | PersonalSecretsEvent | null {
  return r.category === category ? r.event : null;
}

function evolveSecret(doc: SecretDoc | null, ownerId: string, e: WorkspaceSecretsEvent | PersonalSecretsEvent): SecretDoc | null {
  const { at, actor } = e.metadata;
  switch (e.type) {
    case 'SecretSet': {
      const { key, version, value, fingerprint } = e.data;
      // A key set again after deletion (doc null) starts with fresh details and members.
      return doc
        ? { ...doc, version, value, fingerprint, updatedAt: at, updatedBy: actor }
        : {
            ownerId,
            key,
            version,
            value,
            fingerprint,
            displayName: null,
            description: null,
            createdAt: at,
            createdBy: actor,
            updatedAt: at,
            updatedBy: actor,
            members: [],
          };
    }
    case 'SecretDeleted':
      return null;
    case 'SecretDetailsChanged': {
      if (!doc) return doc;
      const { displayName, description } = e.data;
      return {
        ...doc,
        displayName: displayName === undefined ? doc.displayName : displayName,
        description: description === undefined ? doc.description : description,
        updatedAt: at,
        updatedBy: actor,
      };
    }
    case 'SecretMemberAdded':
    case 'SecretMemberRoleChanged': {
      if (!doc) return doc;
      const others = doc.members.filter((m) => m.userId !== e.data.userId);
      return { ...doc, members: [...others, { userId: e.data.userId, role: e.data.role }] };
    }
    case 'SecretMemberRemoved':
      return doc && { ...doc, members: doc.members.filter((m) => m.userId !== e.data.userId) };
  }
}

function secretsProjection(category: SecretsCategory, collection: 'workspaceSecrets' | 'personalSecrets') {
  return projection<SecretDoc>({
    collection,
    documentIds: (r) => {
      const e = secretEvent(r, category);
      return e ? [viewIds.secret(r.ownerId, e.data.key)] : [];
    },
    evolve: (doc, r) => {
      const e = secretEvent(r, category);
      return e ? evolveSecret(doc, r.ownerId, e) : doc;
    },
  });
}

export const workspaceSecretsProjection = secretsProjection('workspaceSecrets', 'workspaceSecrets');
export const personalSecretsProjection = secretsProjection('personalSecrets', 'personalSecrets');

/** Every event of a secrets stream moves that scope's revision (its ETag). */
export const scopesProjection = projection<ScopeDoc>({
  collection: 'scopes',
  fromEventAlone: true,
  documentIds: (r) => (r.category === 'workspaceSecrets' || r.category === 'personalSecrets' ? [r.streamId] : []),
  evolve: (_doc, r) => ({ revision: r.revision }),
});
