import { describe, expect, it } from 'vitest';
import { auditProjection } from '../../src/projections/audit.projection';
import { stream } from './recorded.fixture';

describe('The audit projection of a fingerprint check', () => {
  const checked = stream('secretAccess', 'ws1');
  const detailOf = (data: { key: string; matchedVersions: number[]; matchCount?: number }) => {
    const event = checked('FingerprintChecked', data);
    return auditProjection.evolve(null, event, auditProjection.documentIds(event)[0]!)?.detail;
  };

  it('shows the newest matches and how many there were', () => {
    expect(detailOf({ key: 'API', matchedVersions: [7, 9], matchCount: 103 })).toEqual({ matchedVersions: [7, 9], matchCount: 103 });
  });

  it('shows a check recorded before matchCount existed as it did then, so live and rebuilt views agree', () => {
    const detail = detailOf({ key: 'API', matchedVersions: [1, 3] });
    expect(detail).toEqual({ matchedVersions: [1, 3] });
    expect(Object.keys(detail!)).toEqual(['matchedVersions']);
  });
});
