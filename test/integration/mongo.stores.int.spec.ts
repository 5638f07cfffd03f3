import { describe, expect, it } from 'vitest';
import { MongoFollowerCheckpoints } from '../../src/stores/mongodb/mongo.followerCheckpoints';
import { MongoKeyStore } from '../../src/stores/mongodb/mongo.keyStore';
import { collectionName } from '../../src/stores/mongodb/mongo.mapping';
import { MongoReadStore } from '../../src/stores/mongodb/mongo.readStore';
import { keyStoreContract } from '../crypto/keyStore.contract';
import { followerCheckpointsContract } from '../stores/followerCheckpoints.contract';
import { readStoreContract } from '../stores/readStore.contract';
import { contractCollections, contractHistory, contractLists, item } from '../stores/readStoreSupport';
import { freshDatabase } from './mongoStores';
import { withServer } from './servers';

withServer('MONGODB_URL', 'MongoDB', (url) => {
  readStoreContract('MongoDB', async (spec, history, lists) => {
    const { db, drop } = await freshDatabase(url);
    return new MongoReadStore(db, spec, history, lists, undefined, drop);
  });
  describe('MongoDB views: a refused commit', () => {
    it('creates no collection of the generation it names, before or after a swap', async () => {
      const { db, drop } = await freshDatabase(url);
      const store = new MongoReadStore(db, contractCollections, contractHistory, contractLists, undefined, drop);
      const generationsNamed = async () => (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((n) => n.startsWith('views_'));
      try {
        const { generation: old } = await store.checkpoint();
        expect(await store.commit([item('a', '1', { group: 'g' })], '1', `${old}x`)).toBe(false);
        expect((await generationsNamed()).some((name) => name.startsWith(`views_${old}x_`))).toBe(false);

        // Two swaps drop the first generation; a projector still on it must not bring it back.
        for (let swaps = 0; swaps < 2; swaps++) await (await store.startRebuild()).swapIn();
        expect((await generationsNamed()).some((name) => name.startsWith(`views_${old}_`))).toBe(false);
        expect(await store.commit([item('b', '2', { group: 'g' })], '2', old)).toBe(false);
        expect((await generationsNamed()).some((name) => name.startsWith(`views_${old}_`))).toBe(false);
      } finally {
        await store.close();
      }
    });
  });
  describe('MongoDB views: a generation made before views layout 9', () => {
    it('loses the index of a field that holds lists at the next start, and keeps the others', async () => {
      const { db, drop } = await freshDatabase(url);
      const first = new MongoReadStore(db, contractCollections, contractHistory, contractLists, undefined, async () => {});
      const { generation } = await first.checkpoint();
      const items = db.collection(collectionName(generation, 'items'));
      // As an earlier version made it: unnamed, a multikey index of every tag.
      await items.createIndex({ 'doc.tags': 1, _id: 1 });
      const restarted = new MongoReadStore(db, contractCollections, contractHistory, contractLists, undefined, drop);
      try {
        await restarted.checkpoint();
        const names = (await items.indexes()).map((index) => index.name);
        expect(names).toContain('doc.group_1__id_1');
        expect(names).not.toContain('doc.tags_1__id_1');
      } finally {
        await restarted.close();
      }
    });
  });
  followerCheckpointsContract('MongoDB', async () => new MongoFollowerCheckpoints((await freshDatabase(url)).db));
  keyStoreContract('MongoDB', async () => {
    const { db, drop } = await freshDatabase(url);
    return new MongoKeyStore(db, drop);
  });
});
