import sodium from 'libsodium-wrappers';

export type Sodium = typeof sodium;

/** libsodium's WebAssembly must be loaded once before any call; every user awaits this. */
export async function loadSodium(): Promise<Sodium> {
  await sodium.ready;
  return sodium;
}
