import { projection } from './projection';
import { auditOwner, viewIds, type HistoryDoc } from './views';

/** Per-secret version history: every SecretSet of either secrets stream. */
export const historyProjection = projection<HistoryDoc>({
  collection: 'history',
  fromEventAlone: true,
  documentIds: (r) =>
    (r.category === 'workspaceSecrets' || r.category === 'personalSecrets') && r.event.type === 'SecretSet'
      ? [viewIds.history(auditOwner(r.category, r.ownerId), r.event.data.key, r.event.data.version)]
      : [],
  evolve: (doc, r) => {
    if ((r.category !== 'workspaceSecrets' && r.category !== 'personalSecrets') || r.event.type !== 'SecretSet') return doc;
    const { key, version, fingerprint, value } = r.event.data;
    return {
      secret: viewIds.historyOf(auditOwner(r.category, r.ownerId), key),
      version,
      at: r.event.metadata.at,
      actor: r.event.metadata.actor,
      fingerprint,
      dataKeyId: value.dataKeyId,
    };
  },
});
