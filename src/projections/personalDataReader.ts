import type { PersonalData } from '../crypto/personalData';
import type { ClientRequest, RequestContext } from '../events/event';
import { forgettableSchema, type Forgettable } from '../events/values';
import type { AuditDoc, InvitationDoc, MemberDoc, SecretDoc } from './views';

/** View documents with their personal data opened: what answers show (the stored ones hold it sealed). */
export type ShownMember = Omit<MemberDoc, 'email'> & Readonly<{ email: string | null }>;
export type ShownInvitation = Omit<InvitationDoc, 'email' | 'emailIndex'> & Readonly<{ email: string }>;
export type ShownSecret = Omit<SecretDoc, 'displayName' | 'description'> & Readonly<{ displayName: string | null; description: string | null }>;
export type ShownAuditDoc = Omit<AuditDoc, 'subject' | 'detail' | 'request' | 'keys'> &
  Readonly<{
    subject: (Omit<NonNullable<AuditDoc['subject']>, 'email'> & Readonly<{ email?: string | null }>) | null;
    detail: AuditDoc['detail'];
    request: ClientRequest | null;
  }>;

type Scope = 'workspace' | 'personal';

/**
 * Opens the personal data of view documents on the way out (DESIGN §8): the views keep it sealed,
 * as the events do, and projections stay pure, so this is the query side's part. A legacy plain
 * string is shown as it is, data whose key was destroyed as `[erased]`. Documents are opened one
 * field at a time under the key their envelope names (the DataKeys cache keeps unwrapped keys).
 */
export class PersonalDataReader {
  constructor(private readonly personalData: Pick<PersonalData, 'open'>) {}

  async member(doc: MemberDoc): Promise<ShownMember> {
    return { ...doc, email: await this.email(doc.workspaceId, doc.email) };
  }

  async invitation({ emailIndex: _index, ...doc }: InvitationDoc): Promise<ShownInvitation> {
    return { ...doc, email: await this.personalData.open({ field: 'email', workspaceId: doc.workspaceId }, doc.email) };
  }

  async secret(scope: Scope, doc: SecretDoc): Promise<ShownSecret> {
    const where = { scope, ownerId: doc.ownerId, key: doc.key };
    return {
      ...doc,
      displayName: await this.detail({ ...where, field: 'displayName' }, doc.displayName),
      description: await this.detail({ ...where, field: 'description' }, doc.description),
    };
  }

  /**
   * An audit row: the subject's email, a details change's fields, the request's addresses. Its
   * `keys` stay behind: they are what the views find it by, and the row itself names its key, or
   * its resolution's references.
   */
  async auditRow({ keys: _keys, ...doc }: AuditDoc): Promise<ShownAuditDoc> {
    const ownerId = doc.owner.slice(doc.owner.indexOf(':') + 1);
    return { ...doc, subject: await this.subject(doc.subject, ownerId), detail: await this.auditDetail(doc, ownerId), request: doc.request && (await this.request(doc.request)) };
  }

  private async subject(subject: AuditDoc['subject'], workspaceId: string): Promise<ShownAuditDoc['subject']> {
    if (subject === null) return null;
    const { email, ...rest } = subject;
    return email === undefined ? rest : { ...rest, email: await this.email(workspaceId, email) };
  }

  private async auditDetail(doc: Omit<AuditDoc, 'keys'>, ownerId: string): Promise<AuditDoc['detail']> {
    if (doc.type !== 'SecretDetailsChanged' || doc.detail === null || doc.key === null) return doc.detail;
    const where = { scope: doc.scope === 'user' ? ('personal' as const) : ('workspace' as const), ownerId, key: doc.key };
    const opened: Record<string, unknown> = { ...doc.detail };
    for (const field of ['displayName', 'description'] as const) {
      const value = forgettableSchema.nullable().safeParse(doc.detail[field]);
      if (value.success) opened[field] = await this.detail({ ...where, field }, value.data);
    }
    return opened;
  }

  private async request({ clientAddress, peerAddress, ...ids }: RequestContext): Promise<ClientRequest> {
    const open = (field: 'clientAddress' | 'peerAddress', value: Forgettable) => this.personalData.open({ field, requestId: ids.requestId }, value);
    return {
      ...ids,
      ...(clientAddress !== undefined ? { clientAddress: await open('clientAddress', clientAddress) } : {}),
      ...(peerAddress !== undefined ? { peerAddress: await open('peerAddress', peerAddress) } : {}),
    };
  }

  private email(workspaceId: string, email: Forgettable | null): Promise<string | null> {
    return email === null ? Promise.resolve(null) : this.personalData.open({ field: 'email', workspaceId }, email);
  }

  private detail(where: Parameters<PersonalData['open']>[0], value: Forgettable | null): Promise<string | null> {
    return value === null ? Promise.resolve(null) : this.personalData.open(where, value);
  }
}
