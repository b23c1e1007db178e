import { CLOSE_MAP_QUARANTINED, CLOSE_SERVER_BUSY } from '../shared/protocol/syncProtocol';
import type { Connection } from './Connection';
import type { WorkerDeath } from './docs/DocHostPool';
import { LruMap } from './LruMap';
import type { Logger } from './logger';
import type { Quarantine } from './Quarantine';
import { Room, type RoomDeps } from './Room';
import { QuarantineError } from './RoomDoc';

export interface RoomRegistryOptions extends RoomDeps {
  /** Grace period after the last connection leaves before the map is compacted and dropped from memory. */
  idleMs: number;
  quarantine: Quarantine;
}

/** A join the server turns down with a close code (quarantined map, memory budget reached). */
export class JoinRefused extends Error {
  constructor(
    readonly closeCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'JoinRefused';
  }
}

/**
 * Loaded maps by id. A map is loaded at most once at a time: concurrent joins share one awaited load,
 * and a reload waits until the previous instance finished unloading (its final compaction).
 *
 * Memory: the estimated heap of all loaded maps stays under `maxLoadedHeapBytes`. A load that would
 * pass it first unloads idle maps (no connections, waiting for their idle timer), least recently
 * left first; if that is not enough the join is refused with 1013 instead of risking the heap.
 */
export class RoomRegistry {
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly loaded = new Map<string, Room>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  /** When each idle map was left, oldest first (Map keeps insertion order). */
  private readonly idleSince = new Map<string, number>();
  /** Heap estimates of maps seen before, for the admission check of their next load. */
  private readonly knownHeap = new LruMap<string, number>(10_000);
  private readonly log: Logger;

  constructor(private readonly options: RoomRegistryOptions) {
    this.log = options.log;
  }

  get size(): number {
    return this.loaded.size;
  }

  room(mapId: string): Room | undefined {
    return this.loaded.get(mapId);
  }

  /** Estimated heap of all loaded maps. */
  loadedHeapBytes(): number {
    let total = 0;
    for (const room of this.loaded.values()) total += room.heapBytes;
    return total;
  }

  /**
   * Loads the map if needed and adds the connection once loading has finished. Resolves `false` when the
   * connection went away meanwhile. Rejects with JoinRefused (quarantine, memory) or when loading failed.
   */
  async join(conn: Connection): Promise<boolean> {
    const room = await this.acquire(conn.mapId);
    if (!conn.isOpen || conn.rejected || room.isFailed) {
      this.scheduleUnloadIfIdle(room);
      return false;
    }
    this.cancelUnload(room.mapId);
    room.join(conn);
    return true;
  }

  /**
   * Runs `use` on the map's room, loading the map first when it is not in memory (the import and
   * export API). The room is not unloaded while `use` runs. Rejects like `join` (JoinRefused).
   */
  async withRoom<T>(mapId: string, use: (room: Room) => Promise<T>): Promise<T> {
    const room = await this.acquire(mapId);
    this.cancelUnload(mapId);
    room.holds++;
    try {
      return await use(room);
    } finally {
      room.holds--;
      this.scheduleUnloadIfIdle(room);
    }
  }

  leave(conn: Connection): void {
    const room = this.loaded.get(conn.mapId);
    if (!room) return;
    room.leave(conn);
    this.scheduleUnloadIfIdle(room);
  }

  /** A doc worker ended: the rooms it hosted for others' sake load their doc again. */
  onWorkerDeath(death: WorkerDeath): void {
    this.options.metrics.workerDied(death.reason);
    for (const mapId of death.rooms) {
      if (mapId !== death.culprit) this.loaded.get(mapId)?.hostLost();
    }
  }

  /** Unloads every map (draining queues and compacting). Call after all connections were closed. */
  async closeAll(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    await Promise.allSettled([...this.loading.values()]);
    await Promise.allSettled([...this.loaded.values()].map((room) => this.unload(room)));
    await Promise.allSettled([...this.unloading.values()]);
  }

  private acquire(mapId: string): Promise<Room> {
    const existing = this.loaded.get(mapId);
    if (existing) return Promise.resolve(existing);
    let pending = this.loading.get(mapId);
    if (!pending) {
      pending = this.load(mapId);
      this.loading.set(mapId, pending);
      const settled = () => this.loading.delete(mapId);
      pending.then(settled, settled);
    }
    return pending;
  }

  private async load(mapId: string): Promise<Room> {
    await this.unloading.get(mapId);
    const quarantined = this.options.quarantine.reasonFor(mapId);
    if (quarantined) {
      this.options.metrics.reject('quarantined');
      throw new JoinRefused(
        CLOSE_MAP_QUARANTINED,
        'this map is quarantined: it costs more than the server allows',
      );
    }
    await this.makeRoomFor(this.knownHeap.get(mapId) ?? 0);
    const started = performance.now();
    let room: Room;
    try {
      room = await Room.load(mapId, this.options);
    } catch (err) {
      if (!(err instanceof QuarantineError)) throw err;
      this.quarantine(mapId, err.reason);
      throw new JoinRefused(
        CLOSE_MAP_QUARANTINED,
        'this map is quarantined: it costs more than the server allows',
      );
    }
    this.loaded.set(mapId, room);
    this.knownHeap.set(mapId, room.heapBytes);
    this.updateGauges();
    room.onFailure = (quarantined) => {
      if (quarantined) this.quarantine(mapId, quarantined);
      if (this.loaded.get(mapId) === room) void this.unload(room);
    };
    if (this.loadedHeapBytes() > this.options.limits.maxLoadedHeapBytes) {
      await this.makeRoomFor(0, room);
      if (this.loadedHeapBytes() > this.options.limits.maxLoadedHeapBytes) {
        void this.unload(room);
        throw this.busy();
      }
    }
    this.log.debug(
      { mapId, ms: Math.round(performance.now() - started), tier: room.placement, heap: room.heapBytes },
      'map loaded',
    );
    return room;
  }

  /** Unloads idle maps, least recently left first, until `extra` more bytes fit in the budget. */
  async unloadIdleFor(extra: number, keep?: Room): Promise<boolean> {
    const limit = this.options.limits.maxLoadedHeapBytes;
    if (this.loadedHeapBytes() + extra <= limit) return true;
    for (const mapId of [...this.idleSince.keys()]) {
      const room = this.loaded.get(mapId);
      if (!room || room === keep || room.inUse) continue;
      this.log.info({ mapId }, 'unloading an idle map to stay within the memory budget');
      await this.unload(room);
      if (this.loadedHeapBytes() + extra <= limit) return true;
    }
    return false;
  }

  private async makeRoomFor(extra: number, keep?: Room): Promise<void> {
    if (!(await this.unloadIdleFor(extra, keep))) throw this.busy();
  }

  private busy(): JoinRefused {
    this.options.metrics.reject('server_busy');
    this.log.warn(
      { loadedHeapBytes: this.loadedHeapBytes(), limit: this.options.limits.maxLoadedHeapBytes },
      'refusing a join: the memory budget of loaded maps is reached',
    );
    return new JoinRefused(CLOSE_SERVER_BUSY, 'the server has too many maps open; try again later');
  }

  private quarantine(mapId: string, reason: string): void {
    this.options.quarantine.add(mapId, reason);
    this.options.metrics.quarantinedMaps = this.options.quarantine.size;
  }

  private cancelUnload(mapId: string): void {
    const timer = this.idleTimers.get(mapId);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(mapId);
    this.idleSince.delete(mapId);
  }

  private scheduleUnloadIfIdle(room: Room): void {
    if (room.inUse || this.idleTimers.has(room.mapId)) return;
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.mapId);
      if (!room.inUse) void this.unload(room);
    }, this.options.idleMs);
    timer.unref();
    this.idleTimers.set(room.mapId, timer);
    this.idleSince.set(room.mapId, Date.now());
  }

  private unload(room: Room): Promise<void> {
    const { mapId } = room;
    if (this.loaded.get(mapId) !== room) return this.unloading.get(mapId) ?? Promise.resolve();
    this.cancelUnload(mapId);
    this.loaded.delete(mapId);
    this.knownHeap.set(mapId, room.heapBytes);
    const done = room
      .close()
      .catch((err: unknown) => this.log.error({ err, mapId }, 'unloading failed'))
      .finally(() => {
        if (this.unloading.get(mapId) === done) this.unloading.delete(mapId);
        this.updateGauges();
      });
    this.unloading.set(mapId, done);
    this.updateGauges();
    return done;
  }

  /**
   * A map being unloaded still holds its doc until its final compaction is committed (a round trip to
   * the writer thread, one fsync), so it counts as loaded until then.
   */
  private updateGauges(): void {
    let count = this.loaded.size;
    for (const mapId of this.unloading.keys()) if (!this.loaded.has(mapId)) count++;
    this.options.metrics.loadedMaps = count;
    this.options.metrics.loadedHeapBytes = this.loadedHeapBytes();
  }
}
