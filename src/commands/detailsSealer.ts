import type { PersonalData } from '../crypto/personalData';
import type { DetailField } from '../crypto/personalFields';
import type { Forgettable } from '../events/values';
import type { CurrentDetails, DetailsChange, DetailText } from './secretDetails';
import type { SecretState } from './secrets.state';

/** A change of details as the API receives it: plaintext, which never leaves the command side unsealed. */
export type DetailsInput = Readonly<{ displayName?: string | null; description?: string | null }>;

/** Which secret: its scope, owner (workspace or user) and key; bound into each detail's ciphertext. */
export type SecretRef = Omit<DetailField, 'field'>;

/**
 * The impure part of a details change (DESIGN §8): the given fields sealed under the secret's own
 * data key — the key of its current lifetime, the one its values are sealed under — and the
 * current ones opened, so the decider can record only what changes. A secret in the state always
 * has its lifetime's key (the SecretSet that made it named it, and details exist only for a live
 * secret), so details never need a key of their own; a key set again after a delete starts a new
 * lifetime, with a new key and fresh details.
 */
export class DetailsSealer {
  constructor(private readonly personalData: Pick<PersonalData, 'sealDetail' | 'open'>) {}

  async prepare(secret: SecretRef, state: SecretState, input: DetailsInput): Promise<{ change: DetailsChange; current: CurrentDetails }> {
    const seal = async (field: 'displayName' | 'description'): Promise<DetailText | null | undefined> => {
      const text = input[field];
      if (text === undefined || text === null) return text;
      return { text, sealed: await this.personalData.sealDetail(state.dataKeyId, { ...secret, field }, text) };
    };
    const open = (field: 'displayName' | 'description', value: Forgettable | null) =>
      value === null ? Promise.resolve(null) : this.personalData.open({ ...secret, field }, value);
    const change: { -readonly [F in keyof DetailsChange]: DetailsChange[F] } = {};
    const [displayName, description] = [await seal('displayName'), await seal('description')];
    if (displayName !== undefined) change.displayName = displayName;
    if (description !== undefined) change.description = description;
    return { change, current: { displayName: await open('displayName', state.displayName), description: await open('description', state.description) } };
  }
}
