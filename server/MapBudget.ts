import { LruMap } from './LruMap';

const TRACKED = 10_000;

/**
 * A budget per map: a token bucket refilled at `perSecond` up to `burst`, charged after the fact
 * with what a batch used (milliseconds of doc work measured by its worker, or bytes appended to
 * storage). A map in debt waits until its balance is back at zero before its next batch runs, so
 * however its editors write, one map uses at most `perSecond` on average. Kept by map id (least
 * recently used forgotten), so unloading and reloading a map does not refill its budget.
 */
export class MapBudget {
  private readonly buckets = new LruMap<string, { balance: number; at: number }>(TRACKED);

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  /** Milliseconds the map must wait before its next batch (0 when it is within budget). */
  waitMs(mapId: string): number {
    const bucket = this.refilled(mapId);
    return bucket.balance >= 0 ? 0 : Math.ceil((-bucket.balance / this.perSecond) * 1000);
  }

  charge(mapId: string, amount: number): void {
    this.refilled(mapId).balance -= amount;
  }

  private refilled(mapId: string): { balance: number; at: number } {
    const now = performance.now();
    let bucket = this.buckets.get(mapId);
    if (!bucket) {
      bucket = { balance: this.burst, at: now };
      this.buckets.set(mapId, bucket);
    }
    bucket.balance = Math.min(this.burst, bucket.balance + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    return bucket;
  }
}
