import { projection } from './projection';
import { auditOwner, viewIds } from './views';

/**
 * Per-secret version history, every version of either secrets stream with its envelope (DESIGN §9:
 * every envelope stays reachable, for a reveal of a past version and a rollback), marked
 * destroyed once its lifetime is. Answers show the history without the envelopes.
 */
export const historyProjection = projection({
  collection: 'history',
  canHandle: ['SecretSet', 'SecretDestroyed'],
  documentIds: (r) => {
    const owner = auditOwner(r.category, r.ownerId);
    if (r.event.type === 'SecretSet') return [viewIds.history(owner, r.event.data.key, r.event.data.version)];
    const { key, lifetimes } = r.event.data;
    return lifetimes.flatMap(({ firstVersion, lastVersion }) =>
      Array.from({ length: lastVersion - firstVersion + 1 }, (_, i) => viewIds.history(owner, key, firstVersion + i)),
    );
  },
  evolve: (doc, r) => {
    const e = r.event;
    if (e.type === 'SecretDestroyed') return doc && { ...doc, destroyed: true };
    const { key, version, fingerprint, value, rollbackOf } = e.data;
    return {
      secret: viewIds.historyOf(auditOwner(r.category, r.ownerId), key),
      version,
      at: e.metadata.at,
      actor: e.metadata.actor,
      fingerprint,
      dataKeyId: value.dataKeyId,
      value,
      destroyed: false,
      rollbackOf: rollbackOf ?? null,
    };
  },
});
