import type { ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import { voteState } from './publicVote';
import type { VoteStore } from './VoteStore';

/** Open result streams in total and per map: a workshop needs tens, a flood gets 503. */
const MAX_STREAMS = 2000;
const MAX_STREAMS_PER_MAP = 400;
/** A comment line this often keeps proxies and the socket's idle timeout from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;
/** How often a map with listeners looks for changes made by another server process on the same store. */
const POLL_MS = 2000;

interface MapFeed {
  readonly streams: Set<ServerResponse>;
  /** The store's revision last published, so the poll publishes only real changes. */
  revision: string;
  /** Last state sent, so unchanged states (a poll, a refused dot) are not sent again. */
  sent: string;
  endTimer: NodeJS.Timeout | undefined;
}

/**
 * The live results channel: `GET /api/maps/<id>/votes/events` as server-sent events. The server is
 * its only writer: every event is the whole public state of the map's vote (`publicVote`), read from
 * the store after a change was committed, so a stream that reconnects (after a restart too) is whole
 * again with its first event and no history needs merging. It carries no ballots and no tokens;
 * hidden totals are not in it until revealed.
 */
export class VoteFeed {
  private readonly maps = new Map<string, MapFeed>();
  private streamCount = 0;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly poll: NodeJS.Timeout;

  constructor(
    private readonly store: VoteStore,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.heartbeat = setInterval(() => {
      for (const feed of this.maps.values()) for (const res of feed.streams) res.write(': ping\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
    this.poll = setInterval(() => void this.pollAll(), POLL_MS);
    this.poll.unref();
  }

  /** Opens a stream; false when too many are open (the caller answers 503). */
  subscribe(mapId: string, res: ServerResponse): boolean {
    let feed = this.maps.get(mapId);
    if (this.streamCount >= MAX_STREAMS || (feed?.streams.size ?? 0) >= MAX_STREAMS_PER_MAP) return false;
    if (!feed) {
      feed = { streams: new Set(), revision: '', sent: '', endTimer: undefined };
      this.maps.set(mapId, feed);
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // Proxies such as nginx buffer responses by default, which would hold events back.
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    feed.streams.add(res);
    this.streamCount++;
    res.on('close', () => {
      if (!feed.streams.delete(res)) return;
      this.streamCount--;
      if (feed.streams.size === 0) {
        clearTimeout(feed.endTimer);
        this.maps.delete(mapId);
      }
    });
    void this.sendTo(mapId, res);
    return true;
  }

  /** After a committed change: every stream of the map gets the new state. */
  async publish(mapId: string): Promise<void> {
    const feed = this.maps.get(mapId);
    if (!feed) return;
    try {
      const [stored, revision] = await Promise.all([
        this.store.current(mapId, this.now()),
        this.store.revision(mapId),
      ]);
      feed.revision = revision;
      const state = voteState(stored, this.now());
      this.scheduleEnd(mapId, feed, stored?.vote.closedAt === null ? stored.vote.endsAt : null);
      // serverNow differs on every read; only a change of the vote itself is worth an event.
      const fingerprint = JSON.stringify(state.vote);
      if (fingerprint === feed.sent) return;
      feed.sent = fingerprint;
      const event = `event: state\ndata: ${JSON.stringify(state)}\n\n`;
      for (const res of feed.streams) res.write(event);
    } catch (err) {
      this.log.error({ err, mapId }, 'publishing a vote failed');
    }
  }

  close(): void {
    clearInterval(this.heartbeat);
    clearInterval(this.poll);
    for (const feed of this.maps.values()) {
      clearTimeout(feed.endTimer);
      for (const res of feed.streams) res.end();
    }
    this.maps.clear();
  }

  private async sendTo(mapId: string, res: ServerResponse): Promise<void> {
    try {
      const stored = await this.store.current(mapId, this.now());
      res.write(`event: state\ndata: ${JSON.stringify(voteState(stored, this.now()))}\n\n`);
      const feed = this.maps.get(mapId);
      if (feed) this.scheduleEnd(mapId, feed, stored?.vote.closedAt === null ? stored.vote.endsAt : null);
    } catch (err) {
      this.log.error({ err, mapId }, 'reading a vote failed');
      res.end();
    }
  }

  /** A timed vote closes by itself: its streams hear it at its end, without anyone asking. */
  private scheduleEnd(mapId: string, feed: MapFeed, endsAt: number | null): void {
    clearTimeout(feed.endTimer);
    feed.endTimer = undefined;
    if (endsAt === null) return;
    feed.endTimer = setTimeout(() => void this.publish(mapId), Math.max(0, endsAt - this.now()) + 5);
    feed.endTimer.unref();
  }

  private async pollAll(): Promise<void> {
    for (const [mapId, feed] of this.maps) {
      try {
        if ((await this.store.revision(mapId)) !== feed.revision) await this.publish(mapId);
      } catch (err) {
        this.log.error({ err, mapId }, 'polling a vote failed');
      }
    }
  }
}
