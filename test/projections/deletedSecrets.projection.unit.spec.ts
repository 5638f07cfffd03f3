import { describe, expect, it } from 'vitest';
import type { RecordedOf } from '../../src/events/streams';
import { deletedSecretsProjection } from '../../src/projections/deletedSecrets.projection';
import type { DeletedSecretDoc } from '../../src/projections/views';
import { at, sealed, stream } from './recorded.fixture';

type Handled = RecordedOf<'SecretSet' | 'SecretDeleted' | 'SecretRestored' | 'SecretDestroyed'>;

/** Folds events as the projector does: an event that names no document is neither read nor written for. */
function fold(events: readonly Handled[]): { doc: DeletedSecretDoc | null; touched: number } {
  const p = deletedSecretsProjection;
  let doc: DeletedSecretDoc | null = null;
  let touched = 0;
  for (const r of events) {
    const [id] = p.documentIds(r);
    if (id === undefined) continue;
    touched += 1;
    doc = p.evolve(doc, r, id);
  }
  return { doc, touched };
}

describe('Deleted secrets projection', () => {
  /** Version `version` of key K in lifetime `life` (its data key); `continues`: as recorded since lifetimes are marked. */
  const set = (e: ReturnType<typeof stream<'workspaceSecrets'>>, version: number, life: number, continues = false) =>
    e('SecretSet', { key: 'K', version, value: sealed(`K-life${life}`), fingerprint: `fp_${version}`, ...(continues ? { continuesLifetime: true as const } : {}) });

  it('keeps a deleted lifetime with its last version, as the saves before it moved it (events recorded before lifetimes were marked)', () => {
    const e = stream('workspaceSecrets', 'ws1');
    const { doc } = fold([set(e, 1, 1), set(e, 2, 1), set(e, 3, 1), e('SecretDeleted', { key: 'K' }, 'bob')]);
    expect(doc).toEqual({ owner: 'workspace:ws1', key: 'K', lastVersion: 3, dataKeyId: 'dk_K-life1', deletedAt: at(4), deletedBy: 'bob', ended: [], endedOldest: '' });
  });

  it('passes over the saves that go on in a live lifetime without reading anything, and takes the last version from the deletion', () => {
    const e = stream('workspaceSecrets', 'ws1');
    const marked = fold([set(e, 1, 1), set(e, 2, 1, true), set(e, 3, 1, true), e('SecretDeleted', { key: 'K', version: 3 }, 'bob')]);
    expect(marked.touched).toBe(2);
    const f = stream('workspaceSecrets', 'ws1');
    expect(marked.doc).toEqual(fold([set(f, 1, 1), set(f, 2, 1), set(f, 3, 1), f('SecretDeleted', { key: 'K' }, 'bob')]).doc);
  });

  it('moves a deleted lifetime to the ended ones when the key is set again, and restores the last one as it was', () => {
    const e = stream('workspaceSecrets', 'ws1');
    const history = [set(e, 1, 1), set(e, 2, 1, true), e('SecretDeleted', { key: 'K', version: 2 }), set(e, 3, 2), set(e, 4, 2, true)];
    const { doc } = fold([...history, e('SecretDeleted', { key: 'K', version: 4 }), e('SecretRestored', { key: 'K', version: 4, value: sealed('K-life2'), fingerprint: 'fp_4', displayName: null, description: null, members: [] })]);
    expect(doc).toMatchObject({ lastVersion: 4, dataKeyId: 'dk_K-life2', deletedAt: '', ended: [{ dataKeyId: 'dk_K-life1', deletedAt: at(3) }], endedOldest: at(3) });
  });
});
