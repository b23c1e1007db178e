import type pg from 'pg';

/**
 * Runs `work` in one PostgreSQL transaction on a connection of `pool`: committed when it resolves,
 * rolled back when it throws (the error is rethrown). Every PostgreSQL store's writes go through it.
 *
 * The server may cut a checked-out connection (a restart, an admin); pg then emits 'error' on the
 * client, which would crash the process without a listener, while the query in flight rejects anyway.
 * A connection cut that way, or one that cannot even roll back, is dropped from the pool, not reused.
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (err: Error) => {
    broken = err;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackErr: Error) => {
      broken = rollbackErr;
    });
    throw err;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
