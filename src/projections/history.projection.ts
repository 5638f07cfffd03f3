import { projection } from './projection';
import { auditOwner, viewIds } from './views';

/** Per-secret version history: every SecretSet of either secrets stream. */
export const historyProjection = projection({
  collection: 'history',
  fromEventAlone: true,
  canHandle: ['SecretSet'],
  documentIds: (r) => [viewIds.history(auditOwner(r.category, r.ownerId), r.event.data.key, r.event.data.version)],
  evolve: (_doc, r) => {
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
