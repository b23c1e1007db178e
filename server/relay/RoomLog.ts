import type { Metrics } from '../metrics';
import type { MapStore } from '../storage/MapStore';
import type { RelayedUpdates, RelayListener, RoomRelay } from './RoomRelay';
import { type Released, SeqOrder } from './SeqOrder';

export interface RoomLogDeps {
  store: MapStore;
  relay?: RoomRelay;
  metrics: Metrics;
  /** How long a hole in the seqs may wait for its message before the rows are read from the store. */
  relayGapMs: number;
}

/** What the log needs from its room: work goes through the room's FIFO, rows into its doc. */
export interface RoomLogHost {
  /** Queues a relayed message or a heal behind the room's other work. */
  enqueue(item: { relayed: RelayedUpdates } | { task: 'heal' }): void;
  /** Applies rows that are already stored to the doc and relays them to local clients. */
  applyStored(updates: readonly Uint8Array[]): Promise<void>;
  isActive(): boolean;
}

/**
 * A room's view of its map's log across nodes: which seqs its doc holds, publishing its own commits
 * and putting everyone else's back in order.
 *
 * Invariant (`SeqOrder`): every row with `seq <= applied` is in the room's doc.
 * Own rows are published only after `committed` (so after the store committed them); a relayed run
 * is applied only when every row before it is; a hole that stays open for `relayGapMs`, and every
 * reconnection of the relay, is healed by reading the rows after `applied` from the store.
 */
export class RoomLog {
  private seq = new SeqOrder(0);
  private healTimer: NodeJS.Timeout | undefined;
  private readonly listener: RelayListener;

  constructor(
    private readonly mapId: string,
    private readonly deps: RoomLogDeps,
    private readonly host: RoomLogHost,
    onAwareness: (update: Uint8Array) => void,
  ) {
    this.listener = {
      updates: (message) => {
        if (host.isActive()) host.enqueue({ relayed: message });
      },
      awareness: onAwareness,
      resync: () => {
        if (host.isActive()) host.enqueue({ task: 'heal' });
      },
    };
  }

  get applied(): number {
    return this.seq.applied;
  }

  /** The doc was loaded with every row up to `loadedSeq`; subscribes and heals what was missed meanwhile. */
  async start(loadedSeq: number): Promise<void> {
    this.seq = new SeqOrder(loadedSeq);
    if (!this.deps.relay) return;
    await this.deps.relay.join(this.mapId, this.listener);
    this.host.enqueue({ task: 'heal' });
  }

  stop(): void {
    clearTimeout(this.healTimer);
    this.healTimer = undefined;
    this.deps.relay?.leave(this.mapId, this.listener);
  }

  /** A relayed run, taken from the room's FIFO. */
  async relayed(message: RelayedUpdates): Promise<void> {
    await this.release(this.seq.offer(message.firstSeq, message.lastSeq, message.updates));
  }

  /** Own rows were committed: publishes them; returns runs that were waiting behind them. */
  committed(firstSeq: number, lastSeq: number, updates: readonly Uint8Array[]): Released {
    const released = this.seq.offer(firstSeq, lastSeq, null);
    this.deps.relay?.publishUpdates({ mapId: this.mapId, firstSeq, lastSeq, updates });
    return released;
  }

  /** The doc was loaded again (its worker ended): it holds every row up to `seq`. */
  reloaded(seq: number): Released {
    return this.seq.healed(seq);
  }

  /** Applies runs released in order; a hole left behind is healed unless it fills soon. */
  async release(released: Released): Promise<void> {
    for (const updates of released.apply) {
      if (!this.host.isActive()) return;
      await this.host.applyStored(updates);
    }
    if (!released.gap) {
      clearTimeout(this.healTimer);
      this.healTimer = undefined;
    } else if (!this.healTimer) {
      this.healTimer = setTimeout(() => {
        this.healTimer = undefined;
        this.listener.resync();
      }, this.deps.relayGapMs);
      this.healTimer.unref();
    }
  }

  /** Reads the rows after the last applied seq from the store (missed relay messages). */
  async heal(): Promise<void> {
    const rows = await this.deps.store.loadUpdates(this.mapId, this.seq.applied);
    if (rows.length > 0) {
      this.deps.metrics.relayHeals++;
      await this.host.applyStored(rows.map((row) => row.data));
    }
    await this.release(this.seq.healed(rows.at(-1)?.seq ?? 0));
  }
}
