import type { ClientRequest, SealedRequestContext } from '../events/event';
import { isSealed, type Forgettable, type SealedValue } from '../events/values';
import type { BlindIndex } from './blindIndex';
import { UnknownDataKey, type DataKeys } from './dataKeys';
import { openText, sealText } from './envelope';
import { personalAssociatedData, type DetailField, type PersonalField } from './personalFields';
import type { Sodium } from './sodium';
import { subjects, type Subject, type SubjectKeys } from './subjectKeys';

/** What a reader shows for personal data whose key was destroyed. */
export const ERASED = '[erased]';

/** An email as events record it: sealed under its subject's key, with its blind index beside. */
export type SealedEmail = Readonly<{ sealed: SealedValue; index: string }>;

/**
 * Forgettable payloads (DESIGN §8): personal data in events — emails, client addresses, display
 * names, descriptions — is sealed like a secret value, under the data key of whom it is about (a
 * subject's, or a secret's), so destroying that key erases it while the events stay as they were.
 */
export class PersonalData {
  constructor(
    private readonly sodium: Sodium,
    private readonly dataKeys: Pick<DataKeys, 'get'>,
    private readonly subjectKeys: Pick<SubjectKeys, 'keyOf'>,
    private readonly index: Pick<BlindIndex, 'email'>,
  ) {}

  /** An email of a workspace's membership, lower-cased, sealed under the subject's key, with its blind index. */
  async sealEmail(subject: Subject, workspaceId: string, email: string): Promise<SealedEmail> {
    const lowercased = email.toLowerCase();
    const key = await this.subjectKeys.keyOf(subject);
    const sealed = sealText(this.sodium, key, personalAssociatedData({ field: 'email', workspaceId }), lowercased);
    return { sealed, index: await this.index.email(lowercased) };
  }

  emailIndex(email: string): Promise<string> {
    return this.index.email(email);
  }

  /** The request context as events record it: the addresses sealed under the actor's key, the ids plain. */
  async sealRequest(actorId: string, request: ClientRequest): Promise<SealedRequestContext> {
    const { requestId, clientRequestId, clientAddress, peerAddress } = request;
    const sealed: { -readonly [K in keyof SealedRequestContext]: SealedRequestContext[K] } = { requestId };
    if (clientRequestId !== undefined) sealed.clientRequestId = clientRequestId;
    if (clientAddress === undefined && peerAddress === undefined) return sealed;
    const key = await this.subjectKeys.keyOf(subjects.user(actorId));
    if (clientAddress !== undefined) sealed.clientAddress = sealText(this.sodium, key, personalAssociatedData({ field: 'clientAddress', requestId }), clientAddress);
    if (peerAddress !== undefined) sealed.peerAddress = sealText(this.sodium, key, personalAssociatedData({ field: 'peerAddress', requestId }), peerAddress);
    return sealed;
  }

  /** A secret's display name or description, under the secret's own data key: destroying the secret erases it. */
  async sealDetail(dataKeyId: string, where: DetailField, text: string): Promise<SealedValue> {
    return sealText(this.sodium, await this.dataKeys.get(dataKeyId), personalAssociatedData(where), text);
  }

  /**
   * The plaintext of a piece of personal data: a plain string is legacy plaintext, shown as it
   * is; an envelope whose key is gone is `[erased]`. So is one that no longer opens under a key
   * of its id: a subject key made anew after an erasure does not open what the old one sealed.
   */
  async open(where: PersonalField, value: Forgettable): Promise<string> {
    if (!isSealed(value)) return value;
    let key: Uint8Array;
    try {
      key = (await this.dataKeys.get(value.dataKeyId)).key;
    } catch (error) {
      if (error instanceof UnknownDataKey) return ERASED;
      throw error;
    }
    return openText(this.sodium, key, personalAssociatedData(where), value) ?? ERASED;
  }
}
