import { LruMap } from './LruMap';

const TRACKED = 10_000;

/**
 * A CPU budget per map: a token bucket in milliseconds of doc work (measured by the worker that did
 * it), refilled at `msPerSecond` up to `burstMs`. A map that used more has to wait until its balance
 * is back at zero before its next batch runs, so however its editors write, one map takes at most
 * `msPerSecond` of a worker's time on average. Kept by map id (least recently used forgotten), so
 * unloading and reloading a map does not refill its budget.
 */
export class CpuBudgets {
  private readonly buckets = new LruMap<string, { balance: number; at: number }>(TRACKED);

  constructor(
    private readonly msPerSecond: number,
    private readonly burstMs: number,
  ) {}

  /** Milliseconds the map must wait before its next batch (0 when it is within budget). */
  waitMs(mapId: string): number {
    const bucket = this.refilled(mapId);
    return bucket.balance >= 0 ? 0 : Math.ceil((-bucket.balance / this.msPerSecond) * 1000);
  }

  charge(mapId: string, ms: number): void {
    const bucket = this.refilled(mapId);
    bucket.balance -= ms;
  }

  private refilled(mapId: string): { balance: number; at: number } {
    const now = performance.now();
    let bucket = this.buckets.get(mapId);
    if (!bucket) {
      bucket = { balance: this.burstMs, at: now };
      this.buckets.set(mapId, bucket);
    }
    bucket.balance = Math.min(this.burstMs, bucket.balance + ((now - bucket.at) / 1000) * this.msPerSecond);
    bucket.at = now;
    return bucket;
  }
}
