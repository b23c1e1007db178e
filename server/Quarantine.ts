import type { Logger } from './logger';
import type { Metrics } from './metrics';

/**
 * Maps whose content cost more than the server allows: a doc worker missed its deadline or ran out
 * of memory on it, or Yjs threw while loading it. They are refused (close 4423) for `periodMs`, so
 * one poisoned map cannot tie up a worker again and again; a restart clears the list (the map's first
 * load then runs under the watchdog again and quarantines it again if the cause is still there).
 */
export class Quarantine {
  private readonly until = new Map<string, { until: number; reason: string }>();

  constructor(
    private readonly periodMs: number,
    private readonly log: Logger,
    private readonly metrics: Metrics,
  ) {}

  add(mapId: string, reason: string): void {
    this.until.set(mapId, { until: Date.now() + this.periodMs, reason });
    this.metrics.quarantines++;
    this.log.error({ mapId, reason, minutes: Math.round(this.periodMs / 60_000) }, 'map quarantined');
    this.prune();
  }

  /** The reason a map is refused, or undefined when it is not (or no longer) quarantined. */
  reasonFor(mapId: string): string | undefined {
    const entry = this.until.get(mapId);
    if (!entry) return undefined;
    if (entry.until <= Date.now()) {
      this.until.delete(mapId);
      return undefined;
    }
    return entry.reason;
  }

  get size(): number {
    this.prune();
    return this.until.size;
  }

  private prune(): void {
    const now = Date.now();
    for (const [mapId, entry] of this.until) if (entry.until <= now) this.until.delete(mapId);
  }
}
