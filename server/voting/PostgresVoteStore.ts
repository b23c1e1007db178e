import pg from 'pg';
import type { OwnBallot } from '../../shared/voting/voteTypes';
import { withTransaction } from '../storage/withTransaction';
import { checkDot } from './dotRules';
import type { DotChange, DotOutcome, StoredVote, VoteStore, VoteWithTotals } from './VoteStore';

/** Advisory-lock namespace of the vote schema's creation ("KV"), apart from the map store's. */
const SCHEMA_LOCK: [number, number] = [0x4b56, 1];

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS votes (
    map_id TEXT PRIMARY KEY,
    vote_id TEXT NOT NULL,
    settings JSONB NOT NULL,
    started_at BIGINT NOT NULL,
    ends_at BIGINT,
    closed_at BIGINT,
    revealed BOOLEAN NOT NULL DEFAULT FALSE,
    revision BIGINT NOT NULL DEFAULT 0
  );
  CREATE TABLE IF NOT EXISTS vote_ballots (
    map_id TEXT NOT NULL,
    voter BYTEA NOT NULL,
    item_id TEXT NOT NULL,
    dots INTEGER NOT NULL,
    PRIMARY KEY (map_id, voter, item_id)
  );
  CREATE TABLE IF NOT EXISTS vote_totals (
    map_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    votes INTEGER NOT NULL,
    PRIMARY KEY (map_id, item_id)
  );
`;

interface VoteRow {
  vote_id: string;
  settings: Pick<StoredVote, 'kinds' | 'items' | 'dotsPerPerson' | 'maxOnePerItem' | 'hidden'>;
  started_at: string;
  ends_at: string | null;
  closed_at: string | null;
  revealed: boolean;
}

type Db = pg.Pool | pg.PoolClient;

const num = (v: string | null): number | null => (v === null ? null : Number(v));

/**
 * The vote store over PostgreSQL, in the same database as the maps, so every node of a cluster
 * sees the same votes. Every change of a map's vote locks its `votes` row (`FOR UPDATE`) first:
 * concurrent dots of any node on one map queue there, so a budget is checked against the ballot as
 * committed and totals always equal the ballots.
 */
export class PostgresVoteStore implements VoteStore {
  private closing: Promise<void> | undefined;

  private constructor(private readonly pool: pg.Pool) {}

  static async open(options: { connectionString: string; poolSize?: number }): Promise<PostgresVoteStore> {
    const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 4 });
    pool.on('error', () => {});
    const store = new PostgresVoteStore(pool);
    try {
      await store.transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1, $2)', SCHEMA_LOCK);
        await client.query(SCHEMA);
      });
    } catch (err) {
      await pool.end();
      throw err;
    }
    return store;
  }

  private async readVote(db: Db, mapId: string, lock = false): Promise<StoredVote | null> {
    const { rows } = await db.query<VoteRow>(
      `SELECT vote_id, settings, started_at, ends_at, closed_at, revealed FROM votes WHERE map_id = $1${
        lock ? ' FOR UPDATE' : ''
      }`,
      [mapId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      voteId: row.vote_id,
      ...row.settings,
      startedAt: Number(row.started_at),
      endsAt: num(row.ends_at),
      closedAt: num(row.closed_at),
      revealed: row.revealed,
    };
  }

  private async totalsOf(db: Db, mapId: string, closed: boolean): Promise<Record<string, number>> {
    const { rows } = await db.query<{ item_id: string; votes: string }>(
      closed
        ? 'SELECT item_id, votes FROM vote_totals WHERE map_id = $1'
        : 'SELECT item_id, SUM(dots) AS votes FROM vote_ballots WHERE map_id = $1 GROUP BY item_id',
      [mapId],
    );
    const totals: Record<string, number> = {};
    for (const row of rows) if (Number(row.votes) > 0) totals[row.item_id] = Number(row.votes);
    return totals;
  }

  private async readOwn(db: Db, mapId: string, voter: Uint8Array): Promise<Record<string, number>> {
    const { rows } = await db.query<{ item_id: string; dots: number }>(
      'SELECT item_id, dots FROM vote_ballots WHERE map_id = $1 AND voter = $2',
      [mapId, Buffer.from(voter)],
    );
    const ballot: Record<string, number> = {};
    for (const row of rows) if (row.dots > 0) ballot[row.item_id] = row.dots;
    return ballot;
  }

  /** Ballots become totals and are deleted, in the caller's transaction (the vote row locked). */
  private async closeNow(db: Db, mapId: string, closedAt: number): Promise<void> {
    await db.query('DELETE FROM vote_totals WHERE map_id = $1', [mapId]);
    await db.query(
      `INSERT INTO vote_totals (map_id, item_id, votes)
       SELECT map_id, item_id, SUM(dots) FROM vote_ballots WHERE map_id = $1 GROUP BY map_id, item_id`,
      [mapId],
    );
    await db.query('DELETE FROM vote_ballots WHERE map_id = $1', [mapId]);
    await db.query('UPDATE votes SET closed_at = $2, revision = revision + 1 WHERE map_id = $1', [
      mapId,
      closedAt,
    ]);
  }

  private async expire(
    db: Db,
    mapId: string,
    vote: StoredVote | null,
    now: number,
  ): Promise<StoredVote | null> {
    if (!vote || vote.closedAt !== null || vote.endsAt === null || now < vote.endsAt) return vote;
    await this.closeNow(db, mapId, vote.endsAt);
    return { ...vote, closedAt: vote.endsAt };
  }

  async current(mapId: string, now: number): Promise<VoteWithTotals | null> {
    const vote = await this.readVote(this.pool, mapId);
    if (!vote) return null;
    if (vote.closedAt === null && vote.endsAt !== null && now >= vote.endsAt) {
      return this.transaction(async (client) => {
        const locked = await this.expire(client, mapId, await this.readVote(client, mapId, true), now);
        return locked
          ? { vote: locked, totals: await this.totalsOf(client, mapId, locked.closedAt !== null) }
          : null;
      });
    }
    return { vote, totals: await this.totalsOf(this.pool, mapId, vote.closedAt !== null) };
  }

  async start(mapId: string, vote: StoredVote): Promise<void> {
    const settings = {
      kinds: vote.kinds,
      items: vote.items,
      dotsPerPerson: vote.dotsPerPerson,
      maxOnePerItem: vote.maxOnePerItem,
      hidden: vote.hidden,
    };
    await this.transaction(async (client) => {
      await this.readVote(client, mapId, true);
      await client.query('DELETE FROM vote_ballots WHERE map_id = $1', [mapId]);
      await client.query('DELETE FROM vote_totals WHERE map_id = $1', [mapId]);
      await client.query(
        `INSERT INTO votes (map_id, vote_id, settings, started_at, ends_at, closed_at, revealed, revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1)
         ON CONFLICT (map_id) DO UPDATE SET vote_id = excluded.vote_id, settings = excluded.settings,
           started_at = excluded.started_at, ends_at = excluded.ends_at, closed_at = excluded.closed_at,
           revealed = excluded.revealed, revision = votes.revision + 1`,
        [
          mapId,
          vote.voteId,
          JSON.stringify(settings),
          vote.startedAt,
          vote.endsAt,
          vote.closedAt,
          vote.revealed,
        ],
      );
    });
  }

  async stop(mapId: string, now: number): Promise<boolean> {
    return this.transaction(async (client) => {
      const vote = await this.expire(client, mapId, await this.readVote(client, mapId, true), now);
      if (!vote || vote.closedAt !== null) return false;
      await this.closeNow(client, mapId, now);
      return true;
    });
  }

  async reveal(mapId: string): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE votes SET revealed = TRUE, revision = revision + 1 WHERE map_id = $1',
      [mapId],
    );
    return result.rowCount === 1;
  }

  async clear(mapId: string): Promise<boolean> {
    return this.transaction(async (client) => {
      await this.readVote(client, mapId, true);
      await client.query('DELETE FROM vote_ballots WHERE map_id = $1', [mapId]);
      await client.query('DELETE FROM vote_totals WHERE map_id = $1', [mapId]);
      return (await client.query('DELETE FROM votes WHERE map_id = $1', [mapId])).rowCount === 1;
    });
  }

  async changeDot(change: DotChange): Promise<DotOutcome> {
    const { mapId, voter, itemId, dots } = change;
    return this.transaction(async (client): Promise<DotOutcome> => {
      const vote = await this.expire(client, mapId, await this.readVote(client, mapId, true), change.now);
      const ballot = await this.readOwn(client, mapId, voter);
      const { rows } = await client.query<{ voters: string }>(
        'SELECT COUNT(DISTINCT voter) AS voters FROM vote_ballots WHERE map_id = $1',
        [mapId],
      );
      const refusal = checkDot({ ...change, vote, ballot, voters: Number(rows[0]?.voters ?? 0) });
      if (refusal) return { ok: false, reason: refusal };
      if ((ballot[itemId] ?? 0) === dots) return { ok: true, ballot };
      if (dots > 0) {
        await client.query(
          `INSERT INTO vote_ballots (map_id, voter, item_id, dots) VALUES ($1, $2, $3, $4)
           ON CONFLICT (map_id, voter, item_id) DO UPDATE SET dots = excluded.dots`,
          [mapId, Buffer.from(voter), itemId, dots],
        );
        ballot[itemId] = dots;
      } else {
        await client.query('DELETE FROM vote_ballots WHERE map_id = $1 AND voter = $2 AND item_id = $3', [
          mapId,
          Buffer.from(voter),
          itemId,
        ]);
        delete ballot[itemId];
      }
      await client.query('UPDATE votes SET revision = revision + 1 WHERE map_id = $1', [mapId]);
      return { ok: true, ballot };
    });
  }

  async ballot(mapId: string, voteId: string, voter: Uint8Array): Promise<OwnBallot> {
    const vote = await this.readVote(this.pool, mapId);
    if (!vote || vote.voteId !== voteId || vote.closedAt !== null) return {};
    return this.readOwn(this.pool, mapId, voter);
  }

  async closeExpired(now: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ map_id: string }>(
      'SELECT map_id FROM votes WHERE closed_at IS NULL AND ends_at IS NOT NULL AND ends_at <= $1',
      [now],
    );
    const closed: string[] = [];
    for (const { map_id: mapId } of rows) {
      const done = await this.transaction(async (client) => {
        const vote = await this.readVote(client, mapId, true);
        if (!vote || vote.closedAt !== null || vote.endsAt === null || vote.endsAt > now) return false;
        await this.closeNow(client, mapId, vote.endsAt);
        return true;
      });
      if (done) closed.push(mapId);
    }
    return closed;
  }

  async revision(mapId: string): Promise<string> {
    const { rows } = await this.pool.query<{ vote_id: string; revision: string }>(
      'SELECT vote_id, revision FROM votes WHERE map_id = $1',
      [mapId],
    );
    const row = rows[0];
    return row ? `${row.vote_id}:${row.revision}` : '';
  }

  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }

  private transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return withTransaction(this.pool, work);
  }
}
