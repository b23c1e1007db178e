import path from 'node:path';
import type { StoreConfig } from '../storage/openStore';
import { SqliteVoteStore } from './SqliteVoteStore';
import type { VoteStore } from './VoteStore';

export const VOTES_FILE_NAME = 'ketenkaart-votes.sqlite';

/**
 * The vote store beside the configured map store: SQLite in its own file in the data directory,
 * the same PostgreSQL database (its own tables), or in memory. The PostgreSQL client is only loaded
 * when it is used.
 */
export async function openVoteStore(config: StoreConfig): Promise<VoteStore> {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteVoteStore(path.join(config.dataDir, VOTES_FILE_NAME));
    case 'postgres': {
      const { PostgresVoteStore } = await import('./PostgresVoteStore');
      return PostgresVoteStore.open({ connectionString: config.url });
    }
    case 'memory':
      return new SqliteVoteStore(':memory:');
  }
}
