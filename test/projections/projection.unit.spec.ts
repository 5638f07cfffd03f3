import { describe, expect, it } from 'vitest';
import { deletedSecretsProjection, destroyedKeysProjection } from '../../src/projections/deletedSecrets.projection';
import { erase, projection } from '../../src/projections/projection';
import { setData, stream } from './recorded.fixture';

describe('erase: a projection as the projector holds it', () => {
  const calls: string[] = [];
  const deletions = erase(
    projection({
      collection: 'scopes',
      canHandle: ['SecretDeleted'],
      documentIds: (r) => (calls.push(`ids ${r.event.type}`), [r.streamId]),
      evolve: (_doc, r) => (calls.push(`evolve ${r.event.type}`), { revision: r.revision }),
    }),
  );

  it('hands the projection only events of the types it handles, and leaves the document as it is for others', () => {
    calls.length = 0;
    const e = stream('workspaceSecrets', 'ws1');
    const set = e('SecretSet', setData('A', 1));
    const deleted = e('SecretDeleted', { key: 'A' });
    const removed = stream('workspace', 'ws1')('MemberRemoved', { userId: 'bob' });
    const doc = { revision: 7 };

    expect(deletions.documentIds(set)).toEqual([]);
    expect(deletions.evolve(doc, set, 'workspaceSecrets-ws1')).toBe(doc);
    expect(deletions.documentIds(removed)).toEqual([]);
    expect(deletions.evolve(doc, removed, 'workspaceSecrets-ws1')).toBe(doc);
    expect(calls).toEqual([]);

    expect(deletions.documentIds(deleted)).toEqual(['workspaceSecrets-ws1']);
    expect(deletions.evolve(doc, deleted, 'workspaceSecrets-ws1')).toEqual({ revision: 2 });
    expect(calls).toEqual(['ids SecretDeleted', 'evolve SecretDeleted']);
  });

  it('keeps its collection and whether its documents are made from the event alone', () => {
    expect(deletions).toMatchObject({ collection: 'scopes', fromEventAlone: false });
    // A key's lifetimes are read before an event moves them; a destroyed key's mark is the event's alone.
    expect(erase(deletedSecretsProjection)).toMatchObject({ collection: 'deletedSecrets', fromEventAlone: false });
    expect(erase(destroyedKeysProjection)).toMatchObject({ collection: 'destroyedKeys', fromEventAlone: true });
  });
});
