import { keyStoreContract } from './keyStore.contract';
import { MemoryKeyStore } from './memoryKeyStore';

// The fake the crypto unit tests use must behave as the real adapters do.
keyStoreContract('in memory (test fake)', async () => new MemoryKeyStore());
