import { describe, expect, it } from 'vitest';
import { workspaceSecretsDecider } from '../../src/commands/workspaceSecrets.decider';
import { Forbidden, NotFound, RuleViolation } from '../../src/errors';
import type { WorkspaceSecretsEvent } from '../../src/events/secrets.events';
import type { WorkspaceEvent } from '../../src/events/workspace.events';
import { given } from './deciderSpec';
import { createdBy, memberAdded, memberRemoved, roleChanged, secretDeleted, secretSet, share } from './secrets.fixtures';
import { joined, permissionChanged, removed, team } from './workspace.fixtures';

const givenSecrets = (...history: WorkspaceSecretsEvent[][]) => given(workspaceSecretsDecider, history.flat());

/** alice admin, bob write, carol read, erin write, frank read; dave only invited; gina left. */
const workspace: WorkspaceEvent[] = [...team, ...joined('erin', 'write'), ...joined('frank', 'read'), ...joined('gina', 'write'), removed('gina')];

/** KEY: created by bob (its only explicit Admin), carol its Member. */
const history = [...createdBy('KEY', 'bob'), memberAdded('KEY', 'carol', 'member', 'bob')];

const add = (userId: string, role: 'admin' | 'member' = 'member') => ({ kind: 'add', userId, role }) as const;
const change = (userId: string, role: 'admin' | 'member') => ({ kind: 'change', userId, role }) as const;
const remove = (userId: string) => ({ kind: 'remove', userId }) as const;

const added = (userId: string, role: 'admin' | 'member', actor: string) => memberAdded('KEY', userId, role, actor);

describe('Sharing a workspace secret', () => {
  describe('when a member is added', () => {
    it('records the active member with the role given', () => {
      givenSecrets(history).when(share('bob', workspace, 'KEY', add('erin', 'member'))).then([added('erin', 'member', 'bob')]);
      givenSecrets(history).when(share('bob', workspace, 'KEY', add('frank', 'admin'))).then([added('frank', 'admin', 'bob')]);
    });

    it('records an external member like any other', () => {
      const withExternal = [...workspace, ...joined('xena', 'read', true)];
      givenSecrets(history).when(share('bob', withExternal, 'KEY', add('xena'))).then([added('xena', 'member', 'bob')]);
    });

    it('refuses someone who is only invited', () =>
      givenSecrets(history).when(share('bob', workspace, 'KEY', add('dave'))).thenThrows(NotFound, { code: 'member_not_found' }));

    it('refuses someone who is not a member at all', () =>
      givenSecrets(history).when(share('bob', workspace, 'KEY', add('mallory'))).thenThrows(NotFound, { code: 'member_not_found' }));

    it('refuses a member who left the workspace', () =>
      givenSecrets(history).when(share('bob', workspace, 'KEY', add('gina', 'admin'))).thenThrows(NotFound, { code: 'member_not_found' }));

    it('refuses a workspace admin, who is an Admin of every secret already, with either role', () => {
      givenSecrets(history).when(share('bob', workspace, 'KEY', add('alice', 'admin'))).thenThrows(RuleViolation, { code: 'workspace_admin' });
      givenSecrets(history).when(share('bob', workspace, 'KEY', add('alice', 'member'))).thenThrows(RuleViolation, { code: 'workspace_admin' });
    });

    it('refuses a member who holds a role already, whichever role is asked', () => {
      givenSecrets(history).when(share('bob', workspace, 'KEY', add('carol', 'admin'))).thenThrows(RuleViolation, { code: 'already_shared' });
      givenSecrets(history).when(share('alice', workspace, 'KEY', add('bob', 'admin'))).thenThrows(RuleViolation, { code: 'already_shared' });
    });

    // A secret's roles are folded into every load of its scope, and its document, which lists them,
    // is written again at every change: without a bound, both grow without end.
    it('refuses a role beyond 1,000 explicit ones on a secret, and takes one again once one is removed', () => {
      const many = [...workspace, ...Array.from({ length: 1000 }, (_, i) => joined(`user${i}`, 'read')).flat()];
      // bob and carol, and 998 more.
      const full = [...history, ...Array.from({ length: 998 }, (_, i) => added(`user${i}`, 'member', 'bob'))];
      givenSecrets(full).when(share('bob', many, 'KEY', add('erin'))).thenThrows(RuleViolation, { code: 'too_many_secret_members' });
      givenSecrets(full, [memberRemoved('KEY', 'user0', 'bob')]).when(share('bob', many, 'KEY', add('erin'))).then([added('erin', 'member', 'bob')]);
    });

    // Deleted secrets keep their roles for a restore: without a bound over the scope, 1,000 roles
    // on each of 10,000 keys ever would be 10 million entries in one state.
    it('refuses a role beyond 50,000 explicit ones over the scope, deleted secrets included, and takes one again once one is gone', () => {
      const many = [...workspace, ...Array.from({ length: 1000 }, (_, i) => joined(`user${i}`, 'read')).flat()];
      // 50 secrets of 1,000 roles each (bob's and 999 more), the last one deleted: 50,000 roles.
      const full = Array.from({ length: 50 }, (_, k) => [
        ...createdBy(`K${k}`, 'bob'),
        ...Array.from({ length: 999 }, (_, i) => memberAdded(`K${k}`, `user${i}`, 'member', 'bob')),
      ]).flat();
      // One role fewer, and KEY's creator's: exactly 50,000.
      const atBound = [...full, secretDeleted('K49', 'bob', 1), memberRemoved('K0', 'user0', 'bob'), ...createdBy('KEY', 'bob')];
      givenSecrets(atBound)
        .when(share('bob', many, 'KEY', add('erin')))
        .thenThrows(RuleViolation, { code: 'too_many_secret_members', message: /50000 explicit roles over its secrets/ });
      givenSecrets(atBound, [memberRemoved('K1', 'user0', 'bob')])
        .when(share('bob', many, 'KEY', add('erin')))
        .then([memberAdded('KEY', 'erin', 'member', 'bob')]);
    });

    it('accepts a member again after their role was removed', () =>
      givenSecrets(history, [memberRemoved('KEY', 'carol', 'bob')])
        .when(share('bob', workspace, 'KEY', add('carol', 'admin')))
        .then([added('carol', 'admin', 'bob')]));
  });

  describe("when a member's role is changed", () => {
    it('records the new role', () =>
      givenSecrets(history).when(share('bob', workspace, 'KEY', change('carol', 'admin'))).then([roleChanged('KEY', 'carol', 'admin', 'bob')]));

    it('records nothing for the role they hold', () => {
      givenSecrets(history).when(share('bob', workspace, 'KEY', change('carol', 'member'))).thenNothing();
      givenSecrets(history).when(share('alice', workspace, 'KEY', change('bob', 'admin'))).thenNothing();
    });

    it('refuses someone who holds no role', () =>
      givenSecrets(history).when(share('bob', workspace, 'KEY', change('erin', 'admin'))).thenThrows(NotFound, { code: 'member_not_found' }));

    it("refuses demoting a workspace admin's explicit Admin role", () =>
      givenSecrets(createdBy('ALICES', 'alice'), [memberAdded('ALICES', 'bob', 'admin', 'alice')])
        .when(share('bob', workspace, 'ALICES', change('alice', 'member')))
        .thenThrows(RuleViolation, { code: 'workspace_admin' }));

    it('refuses demoting an explicit Admin who has since become a workspace admin', () =>
      givenSecrets(history, [memberAdded('KEY', 'erin', 'admin', 'bob')])
        .when(share('bob', [...workspace, permissionChanged('erin', 'admin')], 'KEY', change('erin', 'member')))
        .thenThrows(RuleViolation, { code: 'workspace_admin' }));

    it('refuses demoting the last explicit Admin, even by a workspace admin or themselves', () => {
      givenSecrets(history).when(share('alice', workspace, 'KEY', change('bob', 'member'))).thenThrows(RuleViolation, { code: 'last_secret_admin' });
      givenSecrets(history).when(share('bob', workspace, 'KEY', change('bob', 'member'))).thenThrows(RuleViolation, { code: 'last_secret_admin' });
    });

    it('demotes an explicit Admin while another active explicit Admin remains', () =>
      givenSecrets(history, [roleChanged('KEY', 'carol', 'admin', 'bob')])
        .when(share('carol', workspace, 'KEY', change('bob', 'member')))
        .then([roleChanged('KEY', 'bob', 'member', 'carol')]));

    it('does not count an explicit Admin who left the workspace', () =>
      givenSecrets(history, [roleChanged('KEY', 'carol', 'admin', 'bob')])
        .when(share('alice', [...workspace, removed('carol')], 'KEY', change('bob', 'member')))
        .thenThrows(RuleViolation, { code: 'last_secret_admin' }));

    it('counts an explicit Admin who is also a workspace admin, and only one with the role', () => {
      const promoted = [...workspace, permissionChanged('bob', 'admin')];
      givenSecrets(history, [memberAdded('KEY', 'erin', 'admin', 'bob')])
        .when(share('alice', promoted, 'KEY', change('erin', 'member')))
        .then([roleChanged('KEY', 'erin', 'member', 'alice')]);
      givenSecrets(createdBy('ALICES', 'alice'), [memberAdded('ALICES', 'erin', 'admin', 'alice'), memberRemoved('ALICES', 'alice')])
        .when(share('alice', workspace, 'ALICES', change('erin', 'member')))
        .thenThrows(RuleViolation, { code: 'last_secret_admin' });
    });
  });

  describe("when a member's role is removed", () => {
    it('records the removal of a Member', () =>
      givenSecrets(history).when(share('bob', workspace, 'KEY', remove('carol'))).then([memberRemoved('KEY', 'carol', 'bob')]));

    it('refuses someone who holds no role', () => {
      givenSecrets(history).when(share('bob', workspace, 'KEY', remove('erin'))).thenThrows(NotFound, { code: 'member_not_found' });
      givenSecrets(history).when(share('bob', workspace, 'KEY', remove('mallory'))).thenThrows(NotFound, { code: 'member_not_found' });
    });

    it('refuses removing the last explicit active Admin', () => {
      givenSecrets(history).when(share('alice', workspace, 'KEY', remove('bob'))).thenThrows(RuleViolation, { code: 'last_secret_admin' });
      givenSecrets(history).when(share('bob', workspace, 'KEY', remove('bob'))).thenThrows(RuleViolation, { code: 'last_secret_admin' });
    });

    it('removes an explicit Admin while another active explicit Admin remains', () =>
      givenSecrets(history, [memberAdded('KEY', 'frank', 'admin', 'bob')])
        .when(share('frank', workspace, 'KEY', remove('bob')))
        .then([memberRemoved('KEY', 'bob', 'frank')]));

    it('does not count an explicit Admin who left the workspace', () =>
      givenSecrets(history, [memberAdded('KEY', 'frank', 'admin', 'bob')])
        .when(share('alice', [...workspace, removed('frank')], 'KEY', remove('bob')))
        .thenThrows(RuleViolation, { code: 'last_secret_admin' }));
  });

  describe('when the actor is not one of its Admins', () => {
    it('accepts a workspace admin who holds no role on it', () =>
      givenSecrets(history).when(share('alice', workspace, 'KEY', add('erin'))).then([added('erin', 'member', 'alice')]));

    it('accepts a read member who is its explicit Admin', () =>
      givenSecrets(history, [memberAdded('KEY', 'frank', 'admin', 'bob')])
        .when(share('frank', workspace, 'KEY', add('erin')))
        .then([added('erin', 'member', 'frank')]));

    it.each([
      ['a write member without a role', 'erin'],
      ["the secret's Member", 'carol'],
    ])('refuses %s, whatever the change', (_, actor) => {
      for (const c of [add('frank'), change('carol', 'admin'), remove('carol'), change('bob', 'admin')]) {
        givenSecrets(history).when(share(actor, workspace, 'KEY', c)).thenThrows(Forbidden, { code: 'forbidden' });
      }
    });

    it('refuses an Admin whose role was demoted', () =>
      givenSecrets(history, [memberAdded('KEY', 'frank', 'admin', 'bob'), roleChanged('KEY', 'bob', 'member', 'frank')])
        .when(share('bob', workspace, 'KEY', add('erin')))
        .thenThrows(Forbidden));

    it('tells a non-member the workspace does not exist, even an explicit Admin who left', () => {
      givenSecrets(history).when(share('mallory', workspace, 'KEY', add('erin'))).thenThrows(NotFound, { code: 'workspace_not_found' });
      givenSecrets(history).when(share('bob', [...workspace, removed('bob')], 'KEY', add('erin'))).thenThrows(NotFound, { code: 'workspace_not_found' });
    });
  });

  describe('when the key does not exist', () => {
    it('refuses a key never set', () =>
      givenSecrets(history).when(share('alice', workspace, 'NOPE', add('erin'))).thenThrows(NotFound, { code: 'secret_not_found' }));

    it('refuses a deleted key, whose members went with it', () =>
      givenSecrets(history, [secretDeleted('KEY', 'bob')]).when(share('alice', workspace, 'KEY', remove('carol'))).thenThrows(NotFound, { code: 'secret_not_found' }));

    it('starts a key set again without its old members', () => {
      const spec = givenSecrets(history, [secretDeleted('KEY', 'bob'), secretSet('KEY', 2, { actor: 'alice' }), memberAdded('KEY', 'alice')]);
      expect(spec.state.secrets.get('KEY')?.members).toEqual(new Map([['alice', 'admin']]));
      spec.when(share('alice', workspace, 'KEY', add('carol', 'admin'))).then([added('carol', 'admin', 'alice')]);
    });
  });
});
