import path from 'node:path';
import type { MapStore } from './MapStore';
import { MemoryMapStore } from './MemoryMapStore';
import { SqliteMapStore, type SqliteSynchronous } from './SqliteMapStore';

export const SQLITE_FILE_NAME = 'ketenkaart.sqlite';

/** Which store a server uses; chosen by configuration (`DATABASE_URL`, `DATA_DIR`). */
export type StoreConfig =
  | {
      kind: 'sqlite';
      /** Directory of `ketenkaart.sqlite`. */
      dataDir: string;
      synchronous?: SqliteSynchronous;
      /** 'worker' (default): commits run on a writer thread; 'inline': on the event loop. */
      writer?: 'worker' | 'inline';
    }
  | {
      kind: 'postgres';
      /** postgres://user:password@host:port/database */
      url: string;
      /** Connections per process; default 10. */
      poolSize?: number;
    }
  | { kind: 'memory' };

/** Whether several processes can share the store (and so be relayed between). */
export const isShared = (config: StoreConfig): boolean => config.kind === 'postgres';

/** For logs: never the password. */
export function describeStore(config: StoreConfig): string {
  if (config.kind === 'sqlite') return path.join(config.dataDir, SQLITE_FILE_NAME);
  if (config.kind === 'memory') return 'memory';
  try {
    const url = new URL(config.url);
    url.password = url.password ? '***' : '';
    return url.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}

/**
 * Opens the configured store, ready to serve: the SQLite file and its schema, or the PostgreSQL
 * schema migrated to the current version. The PostgreSQL client is only loaded when it is used.
 */
export async function openStore(config: StoreConfig): Promise<MapStore> {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteMapStore({
        file: path.join(config.dataDir, SQLITE_FILE_NAME),
        synchronous: config.synchronous ?? 'FULL',
        writer: config.writer ?? 'worker',
      });
    case 'postgres': {
      const { PostgresMapStore } = await import('./PostgresMapStore');
      return PostgresMapStore.open({ connectionString: config.url, poolSize: config.poolSize });
    }
    case 'memory':
      return new MemoryMapStore();
  }
}
