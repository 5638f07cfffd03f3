import { MongoFollowerCheckpoints } from '../../src/stores/mongodb/mongo.followerCheckpoints';
import { MongoKeyStore } from '../../src/stores/mongodb/mongo.keyStore';
import { MongoReadStore } from '../../src/stores/mongodb/mongo.readStore';
import { keyStoreContract } from '../crypto/keyStore.contract';
import { followerCheckpointsContract } from '../stores/followerCheckpoints.contract';
import { readStoreContract } from '../stores/readStore.contract';
import { freshDatabase } from './mongoStores';
import { withServer } from './servers';

withServer('MONGODB_URL', 'MongoDB', (url) => {
  readStoreContract('MongoDB', async (spec, history, lists) => {
    const { db, drop } = await freshDatabase(url);
    return new MongoReadStore(db, spec, history, lists, undefined, drop);
  });
  followerCheckpointsContract('MongoDB', async () => new MongoFollowerCheckpoints((await freshDatabase(url)).db));
  keyStoreContract('MongoDB', async () => {
    const { db, drop } = await freshDatabase(url);
    return new MongoKeyStore(db, drop);
  });
});
