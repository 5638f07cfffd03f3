import { projection } from './projection';
import { auditOwner, viewIds, type DeletedSecretDoc } from './views';

/**
 * A key's lifetimes that are not destroyed, by their end (see DeletedSecretDoc): a deletion marks
 * the last one; setting the key again moves a deleted one to `ended` and starts the next; a
 * restore reopens the last one; a destroy takes the lifetimes it names away, and the document
 * with them once nothing is left. A save that goes on in a live lifetime (`continuesLifetime`)
 * changes none of it, so the projector neither reads nor writes the document for it (most saves,
 * a fifth of a rebuild's cost per event when it did); the deletion then names the last version.
 * Events recorded before those fields were are folded as they always were: each save moved
 * `lastVersion`.
 */
export const deletedSecretsProjection = projection({
  collection: 'deletedSecrets',
  canHandle: ['SecretSet', 'SecretDeleted', 'SecretRestored', 'SecretDestroyed'],
  documentIds: (r) =>
    r.event.type === 'SecretSet' && r.event.data.continuesLifetime ? [] : [viewIds.secret(auditOwner(r.category, r.ownerId), r.event.data.key)],
  evolve: (doc, r) => {
    const e = r.event;
    switch (e.type) {
      case 'SecretSet': {
        const ended = doc && doc.deletedAt !== '' ? [...doc.ended, { dataKeyId: doc.dataKeyId, deletedAt: doc.deletedAt }] : (doc?.ended ?? []);
        return withEnded({ owner: auditOwner(r.category, r.ownerId), key: e.data.key, lastVersion: e.data.version, dataKeyId: e.data.value.dataKeyId, deletedAt: '', deletedBy: '', ended, endedOldest: '' });
      }
      case 'SecretRestored':
        return doc && { ...doc, deletedAt: '', deletedBy: '' };
      case 'SecretDeleted':
        return doc && { ...doc, lastVersion: e.data.version ?? doc.lastVersion, deletedAt: e.metadata.at, deletedBy: e.metadata.actor };
      case 'SecretDestroyed': {
        if (!doc) return doc;
        const gone = new Set(e.data.dataKeyIds);
        const ended = doc.ended.filter((lifetime) => !gone.has(lifetime.dataKeyId));
        if (gone.has(doc.dataKeyId)) return ended.length === 0 ? null : withEnded({ ...doc, deletedAt: '', deletedBy: '', dataKeyId: '', ended, endedOldest: '' });
        return withEnded({ ...doc, ended, endedOldest: '' });
      }
    }
  },
});

function withEnded(doc: DeletedSecretDoc): DeletedSecretDoc {
  return { ...doc, endedOldest: doc.ended.reduce((oldest, lifetime) => (oldest === '' || lifetime.deletedAt < oldest ? lifetime.deletedAt : oldest), '') };
}

/** Every data key a destroy or an erasure named: what the key shredder makes sure is gone (keyShredder.ts). */
export const destroyedKeysProjection = projection({
  collection: 'destroyedKeys',
  fromEventAlone: true,
  canHandle: ['SecretDestroyed', 'PersonalDataErased'],
  documentIds: (r) => r.event.data.dataKeyIds,
  evolve: (_doc, r) => ({ at: r.event.metadata.at }),
});
