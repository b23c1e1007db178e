import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { OwnBallot } from '../../shared/voting/voteTypes';
import { checkDot } from './dotRules';
import type { DotChange, DotOutcome, StoredVote, VoteStore, VoteWithTotals } from './VoteStore';

interface VoteRow {
  vote_id: string;
  settings: string;
  started_at: number;
  ends_at: number | null;
  closed_at: number | null;
  revealed: number;
}

type Settings = Pick<StoredVote, 'kinds' | 'items' | 'dotsPerPerson' | 'maxOnePerItem' | 'hidden'>;

/**
 * The vote store over SQLite (WAL, `synchronous = FULL`), in its own file beside the maps' database:
 * votes are a handful of small transactions per minute, committed on the event loop in well under a
 * millisecond of CPU, and kept apart from the maps' writer thread and its batching. Every method
 * is one synchronous transaction, so concurrent requests serialise and no budget can be overrun.
 */
export class SqliteVoteStore implements VoteStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS votes (
        map_id TEXT PRIMARY KEY,
        vote_id TEXT NOT NULL,
        settings TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ends_at INTEGER,
        closed_at INTEGER,
        revealed INTEGER NOT NULL DEFAULT 0,
        revision INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE IF NOT EXISTS ballots (
        map_id TEXT NOT NULL,
        voter BLOB NOT NULL,
        item_id TEXT NOT NULL,
        dots INTEGER NOT NULL,
        PRIMARY KEY (map_id, voter, item_id)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS vote_totals (
        map_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        votes INTEGER NOT NULL,
        PRIMARY KEY (map_id, item_id)
      ) WITHOUT ROWID;
    `);
  }

  private readVote(mapId: string): StoredVote | null {
    const row = this.db
      .prepare(
        'SELECT vote_id, settings, started_at, ends_at, closed_at, revealed FROM votes WHERE map_id = ?',
      )
      .get(mapId) as VoteRow | undefined;
    if (!row) return null;
    const settings = JSON.parse(row.settings) as Settings;
    return {
      voteId: row.vote_id,
      ...settings,
      startedAt: row.started_at,
      endsAt: row.ends_at,
      closedAt: row.closed_at,
      revealed: row.revealed === 1,
    };
  }

  private totalsOf(mapId: string, closed: boolean): Record<string, number> {
    const rows = (
      closed
        ? this.db.prepare('SELECT item_id, votes FROM vote_totals WHERE map_id = ?')
        : this.db.prepare('SELECT item_id, SUM(dots) AS votes FROM ballots WHERE map_id = ? GROUP BY item_id')
    ).all(mapId) as { item_id: string; votes: number }[];
    const totals: Record<string, number> = {};
    for (const row of rows) if (row.votes > 0) totals[row.item_id] = row.votes;
    return totals;
  }

  /** Ballots become totals and are deleted, in the caller's transaction. */
  private closeNow(mapId: string, closedAt: number): void {
    this.db.prepare('DELETE FROM vote_totals WHERE map_id = ?').run(mapId);
    this.db
      .prepare(
        `INSERT INTO vote_totals (map_id, item_id, votes)
         SELECT map_id, item_id, SUM(dots) FROM ballots WHERE map_id = ? GROUP BY item_id`,
      )
      .run(mapId);
    this.db.prepare('DELETE FROM ballots WHERE map_id = ?').run(mapId);
    this.db
      .prepare('UPDATE votes SET closed_at = ?, revision = revision + 1 WHERE map_id = ?')
      .run(closedAt, mapId);
  }

  private readOwn(mapId: string, voter: Uint8Array): Record<string, number> {
    const rows = this.db
      .prepare('SELECT item_id, dots FROM ballots WHERE map_id = ? AND voter = ?')
      .all(mapId, voter) as { item_id: string; dots: number }[];
    const ballot: Record<string, number> = {};
    for (const row of rows) if (row.dots > 0) ballot[row.item_id] = row.dots;
    return ballot;
  }

  private expire(mapId: string, vote: StoredVote | null, now: number): StoredVote | null {
    if (!vote || vote.closedAt !== null || vote.endsAt === null || now < vote.endsAt) return vote;
    this.closeNow(mapId, vote.endsAt);
    return { ...vote, closedAt: vote.endsAt };
  }

  async current(mapId: string, now: number): Promise<VoteWithTotals | null> {
    return this.db
      .transaction(() => {
        const vote = this.expire(mapId, this.readVote(mapId), now);
        return vote ? { vote, totals: this.totalsOf(mapId, vote.closedAt !== null) } : null;
      })
      .immediate();
  }

  async start(mapId: string, vote: StoredVote): Promise<void> {
    const settings: Settings = {
      kinds: vote.kinds,
      items: vote.items,
      dotsPerPerson: vote.dotsPerPerson,
      maxOnePerItem: vote.maxOnePerItem,
      hidden: vote.hidden,
    };
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM ballots WHERE map_id = ?').run(mapId);
        this.db.prepare('DELETE FROM vote_totals WHERE map_id = ?').run(mapId);
        this.db
          .prepare(
            `INSERT INTO votes (map_id, vote_id, settings, started_at, ends_at, closed_at, revealed, revision)
           VALUES (?, ?, ?, ?, ?, ?, ?, 1)
           ON CONFLICT (map_id) DO UPDATE SET vote_id = excluded.vote_id, settings = excluded.settings,
             started_at = excluded.started_at, ends_at = excluded.ends_at, closed_at = excluded.closed_at,
             revealed = excluded.revealed, revision = votes.revision + 1`,
          )
          .run(
            mapId,
            vote.voteId,
            JSON.stringify(settings),
            vote.startedAt,
            vote.endsAt,
            vote.closedAt,
            vote.revealed ? 1 : 0,
          );
      })
      .immediate();
  }

  async stop(mapId: string, now: number): Promise<boolean> {
    return this.db
      .transaction(() => {
        const vote = this.expire(mapId, this.readVote(mapId), now);
        if (!vote || vote.closedAt !== null) return false;
        this.closeNow(mapId, now);
        return true;
      })
      .immediate();
  }

  async reveal(mapId: string): Promise<boolean> {
    const result = this.db
      .prepare('UPDATE votes SET revealed = 1, revision = revision + 1 WHERE map_id = ?')
      .run(mapId);
    return result.changes > 0;
  }

  async clear(mapId: string): Promise<boolean> {
    return this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM ballots WHERE map_id = ?').run(mapId);
        this.db.prepare('DELETE FROM vote_totals WHERE map_id = ?').run(mapId);
        return this.db.prepare('DELETE FROM votes WHERE map_id = ?').run(mapId).changes > 0;
      })
      .immediate();
  }

  async changeDot(change: DotChange): Promise<DotOutcome> {
    const { mapId, voter, itemId } = change;
    return this.db
      .transaction((): DotOutcome => {
        const vote = this.expire(mapId, this.readVote(mapId), change.now);
        const ballot = this.readOwn(mapId, voter);
        const { voters } = this.db
          .prepare('SELECT COUNT(DISTINCT voter) AS voters FROM ballots WHERE map_id = ?')
          .get(mapId) as { voters: number };
        const refusal = checkDot({ ...change, vote, ballot, voters });
        if (refusal) return { ok: false, reason: refusal };
        const { dots } = change;
        if ((ballot[itemId] ?? 0) === dots) return { ok: true, ballot };
        if (dots > 0) {
          this.db
            .prepare(
              `INSERT INTO ballots (map_id, voter, item_id, dots) VALUES (?, ?, ?, ?)
             ON CONFLICT (map_id, voter, item_id) DO UPDATE SET dots = excluded.dots`,
            )
            .run(mapId, voter, itemId, dots);
          ballot[itemId] = dots;
        } else {
          this.db
            .prepare('DELETE FROM ballots WHERE map_id = ? AND voter = ? AND item_id = ?')
            .run(mapId, voter, itemId);
          delete ballot[itemId];
        }
        this.db.prepare('UPDATE votes SET revision = revision + 1 WHERE map_id = ?').run(mapId);
        return { ok: true, ballot };
      })
      .immediate();
  }

  async ballot(mapId: string, voteId: string, voter: Uint8Array): Promise<OwnBallot> {
    const vote = this.readVote(mapId);
    if (!vote || vote.voteId !== voteId || vote.closedAt !== null) return {};
    return this.readOwn(mapId, voter);
  }

  async closeExpired(now: number): Promise<string[]> {
    return this.db
      .transaction(() => {
        const rows = this.db
          .prepare(
            'SELECT map_id, ends_at FROM votes WHERE closed_at IS NULL AND ends_at IS NOT NULL AND ends_at <= ?',
          )
          .all(now) as { map_id: string; ends_at: number }[];
        for (const row of rows) this.closeNow(row.map_id, row.ends_at);
        return rows.map((row) => row.map_id);
      })
      .immediate();
  }

  async revision(mapId: string): Promise<string> {
    const row = this.db.prepare('SELECT vote_id, revision FROM votes WHERE map_id = ?').get(mapId) as
      | { vote_id: string; revision: number }
      | undefined;
    return row ? `${row.vote_id}:${row.revision}` : '';
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
