import { openDatabase } from '../../src/stores/sqlite/database';
import { SqliteFollowerCheckpoints } from '../../src/stores/sqlite/sqlite.followerCheckpoints';
import { followerCheckpointsContract } from './followerCheckpoints.contract';

followerCheckpointsContract('SQLite', async () => new SqliteFollowerCheckpoints(openDatabase(':memory:', { durable: false })));
