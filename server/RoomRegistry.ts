import type { Connection } from './Connection';
import type { Logger } from './logger';
import { Room, type RoomDeps } from './Room';

export interface RoomRegistryOptions extends RoomDeps {
  /** Grace period after the last connection leaves before the map is compacted and dropped from memory. */
  idleMs: number;
}

/**
 * Loaded maps by id. A map is loaded at most once at a time: concurrent joins share one awaited load,
 * and a reload waits until the previous instance finished unloading (its final compaction).
 */
export class RoomRegistry {
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly loaded = new Map<string, Room>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
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

  /**
   * Loads the map if needed and adds the connection once loading has finished. Resolves `false` when the
   * connection went away meanwhile. Rejects when loading failed; nothing was served then.
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

  leave(conn: Connection): void {
    const room = this.loaded.get(conn.mapId);
    if (!room) return;
    room.leave(conn);
    this.scheduleUnloadIfIdle(room);
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
    const started = performance.now();
    const room = await Room.load(mapId, this.options);
    this.loaded.set(mapId, room);
    this.updateLoadedGauge();
    room.onFailure = () => {
      if (this.loaded.get(mapId) === room) void this.unload(room);
    };
    this.log.debug({ mapId, ms: Math.round(performance.now() - started) }, 'map loaded');
    return room;
  }

  private cancelUnload(mapId: string): void {
    const timer = this.idleTimers.get(mapId);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(mapId);
  }

  private scheduleUnloadIfIdle(room: Room): void {
    if (room.connections.size > 0 || this.idleTimers.has(room.mapId)) return;
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.mapId);
      if (room.connections.size === 0) void this.unload(room);
    }, this.options.idleMs);
    timer.unref();
    this.idleTimers.set(room.mapId, timer);
  }

  private unload(room: Room): Promise<void> {
    const { mapId } = room;
    if (this.loaded.get(mapId) !== room) return this.unloading.get(mapId) ?? Promise.resolve();
    this.cancelUnload(mapId);
    this.loaded.delete(mapId);
    const done = room
      .close()
      .catch((err: unknown) => this.log.error({ err, mapId }, 'unloading failed'))
      .finally(() => {
        if (this.unloading.get(mapId) === done) this.unloading.delete(mapId);
        this.updateLoadedGauge();
      });
    this.unloading.set(mapId, done);
    this.updateLoadedGauge();
    return done;
  }

  /**
   * A map being unloaded still holds its doc until its final compaction is committed (a round trip to
   * the writer thread, one fsync), so it counts as loaded until then.
   */
  private updateLoadedGauge(): void {
    let count = this.loaded.size;
    for (const mapId of this.unloading.keys()) if (!this.loaded.has(mapId)) count++;
    this.options.metrics.loadedMaps = count;
  }
}
