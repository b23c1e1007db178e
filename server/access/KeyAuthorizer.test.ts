import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { MemoryMapStore } from '../storage/MemoryMapStore';
import { PostgresMapStore } from '../storage/PostgresMapStore';
import { SqliteMapStore } from '../storage/SqliteMapStore';
import { tempDir } from '../test/helpers';
import { type PostgresServer, startPostgres } from '../test/postgresServer';
import { authorizerContract } from './authorizerContract';
import { KeyAuthorizer } from './KeyAuthorizer';

const authorizer = (store: ConstructorParameters<typeof KeyAuthorizer>[0]) => new KeyAuthorizer(store);

authorizerContract('KeyAuthorizer over MemoryMapStore', { store: () => new MemoryMapStore(), authorizer });

authorizerContract('KeyAuthorizer over SqliteMapStore', {
  store: () => new SqliteMapStore({ file: path.join(tempDir(), 'test.sqlite') }),
  authorizer,
});

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.destroy();
});

authorizerContract('KeyAuthorizer over PostgresMapStore', {
  store: async () =>
    PostgresMapStore.open({ connectionString: await postgres.createDatabase(), poolSize: 2 }),
  authorizer,
});
