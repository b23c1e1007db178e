import { afterAll, beforeAll } from 'vitest';
import { type PostgresServer, startPostgres } from '../test/postgresServer';
import { PostgresVoteStore } from './PostgresVoteStore';
import { voteStoreContract } from './voteStoreContract';

let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.destroy();
});

voteStoreContract('PostgresVoteStore', async () =>
  PostgresVoteStore.open({ connectionString: await server.createDatabase(), poolSize: 8 }),
);
