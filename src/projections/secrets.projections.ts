import { workspaceSecretsEventSchema, type PersonalSecretsEvent, type WorkspaceSecretsEvent } from '../events/secrets.events';
import { workspaceEventSchema } from '../events/workspace.events';
import { projection } from './projection';
import { viewIds, type SecretDoc } from './views';

type SecretsCategory = 'workspaceSecrets' | 'personalSecrets';

/** Every event type of a secrets stream (the personal streams use a part of them). */
const secretsEventTypes = workspaceSecretsEventSchema.options.map((option) => option.shape.type.value);
const workspaceEventTypes = workspaceEventSchema.options.map((option) => option.shape.type.value);

function evolveSecret(doc: SecretDoc | null, ownerId: string, e: WorkspaceSecretsEvent | PersonalSecretsEvent): SecretDoc | null {
  const { at, actor } = e.metadata;
  switch (e.type) {
    case 'SecretSet': {
      const { key, version, value, fingerprint } = e.data;
      const rollbackOf = e.data.rollbackOf ?? null;
      // A key set again after deletion (doc null) starts with fresh details and members.
      return doc
        ? { ...doc, version, value, fingerprint, updatedAt: at, updatedBy: actor, rollbackOf }
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
            rollbackOf,
          };
    }
    case 'SecretDeleted':
      return null;
    case 'SecretRestored': {
      const { key, version, value, fingerprint, displayName, description, members } = e.data;
      return { ownerId, key, version, value, fingerprint, displayName, description, createdAt: at, createdBy: actor, updatedAt: at, updatedBy: actor, members, rollbackOf: null };
    }
    case 'SecretDestroyed':
      // A live lifetime destroyed is gone; destroying earlier ones leaves the live secret be.
      return doc && e.data.dataKeyIds.includes(doc.value.dataKeyId) ? null : doc;
    case 'PersonalDataErased':
      return doc;
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

/**
 * The secrets of one scope. Both scopes have SecretSet, SecretDeleted and SecretDetailsChanged:
 * the category, not the event type, tells whose secret an event is about.
 */
function secretsProjection<C extends SecretsCategory>(category: SecretsCategory, collection: C) {
  return projection({
    collection,
    canHandle: secretsEventTypes,
    documentIds: (r) => (r.category === category ? [viewIds.secret(r.ownerId, r.event.data.key)] : []),
    evolve: (doc, r) => (r.category === category ? evolveSecret(doc, r.ownerId, r.event) : doc),
  });
}

export const workspaceSecretsProjection = secretsProjection('workspaceSecrets', 'workspaceSecrets');
export const personalSecretsProjection = secretsProjection('personalSecrets', 'personalSecrets');

/**
 * Every write to a secrets stream moves that scope's revision (its ETag); a workspace's own
 * stream is a scope too, for time travel (where its membership stood). These types occur in
 * those streams only, so each event's stream is a scope. The revision is taken where a write ends
 * (its last event, the one not `continued`): the revisions in between were never anyone's ETag,
 * since the projector commits a write whole (see `asOneWrite`).
 */
export const scopesProjection = projection({
  collection: 'scopes',
  fromEventAlone: true,
  canHandle: [...secretsEventTypes, ...workspaceEventTypes],
  documentIds: (r) => (r.event.metadata.continued ? [] : [r.streamId]),
  evolve: (_doc, r) => ({ revision: r.revision }),
});
