import { describe, expect, it } from 'vitest';
import { secretAccessDecider, type SecretAccessCommand, type Standing } from '../../src/commands/secretAccess.decider';
import { Forbidden } from '../../src/errors';
import type { SecretAccessEvent } from '../../src/events/secretAccess.events';
import { given } from './deciderSpec';
import { by, meta } from './workspace.fixtures';

const reveal = (actor: string, standing: Standing, version = 3): SecretAccessCommand => ({
  type: 'RevealSecret',
  data: { key: 'API_KEY', version, standing },
  context: by(actor),
});

const check = (actor: string, standing: Standing, auditor = false, matchedVersions: number[] = [1, 3]): SecretAccessCommand => ({
  type: 'CheckFingerprint',
  data: { key: 'API_KEY', matchedVersions, matchCount: matchedVersions.length, standing, auditor },
  context: by(actor),
});

const revealed = (actor: string, version = 3): SecretAccessEvent => ({
  type: 'SecretRevealed',
  data: { key: 'API_KEY', version },
  metadata: meta(actor),
});

const checked = (actor: string, matchedVersions: number[] = [1, 3]): SecretAccessEvent => ({
  type: 'FingerprintChecked',
  data: { key: 'API_KEY', matchedVersions, matchCount: matchedVersions.length },
  metadata: meta(actor),
});

/** Standings that may read a workspace secret (DESIGN §1: admins, its Admins and Members). */
const mayRead: [string, Standing][] = [
  ['a workspace admin without a role', { permission: 'admin', explicitRole: undefined }],
  ['a workspace admin who is its Member', { permission: 'admin', explicitRole: 'member' }],
  ['a write member who is its Admin', { permission: 'write', explicitRole: 'admin' }],
  ['a read member who is its Admin', { permission: 'read', explicitRole: 'admin' }],
  ['a write member who is its Member', { permission: 'write', explicitRole: 'member' }],
  ['a read member who is its Member', { permission: 'read', explicitRole: 'member' }],
  ['the owner of a personal secret', null],
];

/** Standings that may not: members without a role, and anyone who is not a member. */
const mayNotRead: [string, Standing][] = [
  ['a write member without a role', { permission: 'write', explicitRole: undefined }],
  ['a read member without a role', { permission: 'read', explicitRole: undefined }],
  ['an explicit Admin who left the workspace', { permission: null, explicitRole: 'admin' }],
  ['an explicit Member who left the workspace', { permission: null, explicitRole: 'member' }],
  ['someone who is not a member', { permission: null, explicitRole: undefined }],
];

describe('Secret access', () => {
  describe('when a secret is revealed', () => {
    it.each(mayRead)('records the version revealed to %s', (_, standing) =>
      given(secretAccessDecider).when(reveal('u1', standing)).then([revealed('u1')]));

    it.each(mayNotRead)('refuses %s', (_, standing) =>
      given(secretAccessDecider).when(reveal('u1', standing)).thenThrows(Forbidden, { code: 'forbidden' }));

    it('records the version it is given', () =>
      given(secretAccessDecider).when(reveal('u1', null, 7)).then([revealed('u1', 7)]));
  });

  describe('when a value is checked against the fingerprints', () => {
    it.each(mayRead)('records the matched versions for %s', (_, standing) =>
      given(secretAccessDecider).when(check('u1', standing)).then([checked('u1')]));

    it.each(mayNotRead)('refuses %s who is no auditor', (_, standing) =>
      given(secretAccessDecider).when(check('u1', standing)).thenThrows(Forbidden, { code: 'forbidden' }));

    it.each(mayNotRead)('accepts %s who is an auditor', (_, standing) =>
      given(secretAccessDecider).when(check('u1', standing, true)).then([checked('u1')]));

    it('records a check that matched nothing', () =>
      given(secretAccessDecider).when(check('u1', null, false, [])).then([checked('u1', [])]));
  });

  describe('when its records are folded', () => {
    it('keeps no state: any revision will do', () => {
      const spec = given(secretAccessDecider, [revealed('u1'), checked('u2')]);
      expect(spec.state).toBeNull();
    });
  });
});
