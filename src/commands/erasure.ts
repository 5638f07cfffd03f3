import { subjects, type SubjectKeys } from '../crypto/subjectKeys';
import type { Actor } from './actor';
import type { SecretLifecycleHandlers } from './secretLifecycle.handlers';
import type { WorkspaceLifecycle } from './workspaceLifecycle.handlers';

export type Erased = Readonly<{ left: readonly string[]; secretsDestroyed: number; position: string | null }>;

/**
 * `POST /v1/me/erase` (DESIGN §9): a person leaves every workspace (refused first, leaving none,
 * when they are the last admin of one), then their personal secrets are destroyed and the keys
 * their emails and addresses were sealed under (their user's, and their token email's) — so the
 * history shows `[erased]` where their personal data was, and the chain still verifies.
 */
export class Erasure {
  constructor(
    private readonly workspaces: Pick<WorkspaceLifecycle, 'leaveEverywhere'>,
    private readonly lifecycle: Pick<SecretLifecycleHandlers, 'erasePersonal'>,
    private readonly subjectKeys: Pick<SubjectKeys, 'idOf'>,
  ) {}

  /** `beforeFurtherPage`: see WorkspaceLifecycle.leaveEverywhere. */
  async erase(actor: Actor, beforeFurtherPage?: () => Promise<void>): Promise<Erased> {
    const { left, position: leftAt } = await this.workspaces.leaveEverywhere(actor, beforeFurtherPage);
    const theirs = [subjects.user(actor.userId), ...(actor.email ? [subjects.email(actor.email)] : [])];
    const subjectKeyIds = await Promise.all(theirs.map((subject) => this.subjectKeys.idOf(subject)));
    const { secrets, position } = await this.lifecycle.erasePersonal(actor, subjectKeyIds);
    return { left, secretsDestroyed: secrets, position: position ?? leftAt };
  }
}
