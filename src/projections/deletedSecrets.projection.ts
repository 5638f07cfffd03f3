import { projection } from './projection';
import { auditOwner, viewIds } from './views';

/**
 * The keys that can be restored (DESIGN §9): a deletion lists the key with its last version; a
 * set or a restore takes it off (it is live again), and so does destroying that lifetime.
 */
export const deletedSecretsProjection = projection({
  collection: 'deletedSecrets',
  canHandle: ['SecretSet', 'SecretDeleted', 'SecretRestored', 'SecretDestroyed'],
  documentIds: (r) => [viewIds.secret(auditOwner(r.category, r.ownerId), r.event.data.key)],
  evolve: (doc, r) => {
    const e = r.event;
    switch (e.type) {
      case 'SecretSet':
        // Versions of the live key are remembered here, for the deletion that may follow.
        return { owner: auditOwner(r.category, r.ownerId), key: e.data.key, lastVersion: e.data.version, dataKeyId: e.data.value.dataKeyId, deletedAt: '', deletedBy: '' };
      case 'SecretRestored':
        return doc && { ...doc, deletedAt: '', deletedBy: '' };
      case 'SecretDeleted':
        return doc && { ...doc, deletedAt: e.metadata.at, deletedBy: e.metadata.actor };
      case 'SecretDestroyed':
        return doc && e.data.dataKeyIds.includes(doc.dataKeyId) ? null : doc;
    }
  },
});

/** Every data key a destroy named: what the key shredder makes sure is gone (keyShredder.ts). */
export const destroyedKeysProjection = projection({
  collection: 'destroyedKeys',
  fromEventAlone: true,
  canHandle: ['SecretDestroyed'],
  documentIds: (r) => r.event.data.dataKeyIds,
  evolve: (_doc, r) => ({ at: r.event.metadata.at }),
});
