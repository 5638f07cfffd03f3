import type { SealedValue } from '../events/values';
import type { DataKey, DataKeys } from './dataKeys';
import type { SecretCipher } from './secretCipher';

/** A value to seal: the version it will be, and its lifetime's data key (null: a new lifetime). */
export type ValueToSeal = Readonly<{ key: string; version: number; dataKeyId: string | null }>;

/** A value sealed for the version it will be, with its fingerprint: never plaintext. */
export type SealedVersion = Readonly<{ version: number; value: SealedValue; fingerprint: string }>;

/**
 * Seals the values of one save, one command at a time, for the versions its plan gives them.
 * Keys that start a new lifetime get new data keys, written to the key store together before
 * any event names them; a retry of the same command (after a conflict) reuses them.
 */
export class BatchSealer {
  private readonly fresh = new Map<string, DataKey>();

  constructor(
    private readonly cipher: SecretCipher,
    private readonly dataKeys: DataKeys,
    private readonly scope: 'workspace' | 'personal',
    private readonly ownerId: string,
  ) {}

  async seal(items: readonly ValueToSeal[], plaintexts: Readonly<Record<string, string>>): Promise<ReadonlyMap<string, SealedVersion>> {
    const needed = items.filter((item) => item.dataKeyId === null && !this.fresh.has(item.key));
    const created = await this.dataKeys.createMany(needed.length);
    needed.forEach((item, i) => this.fresh.set(item.key, created[i]!));
    const sealed = new Map<string, SealedVersion>();
    for (const { key, version, dataKeyId } of items) {
      const dataKey = dataKeyId === null ? this.fresh.get(key)! : await this.dataKeys.get(dataKeyId);
      const plaintext = plaintexts[key]!;
      sealed.set(key, {
        version,
        value: this.cipher.seal(dataKey, { scope: this.scope, ownerId: this.ownerId, key, version }, plaintext),
        fingerprint: this.cipher.fingerprint(dataKey, plaintext),
      });
    }
    return sealed;
  }
}
