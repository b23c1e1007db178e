import { reachableByFetch } from './reachableByFetch';

/**
 * The server's clock as seen from this device: `now()` is this device's clock plus the offset
 * measured against `GET /api/time`, the way NTP does it: of a few round trips, the one with the
 * shortest round trip counts, and the server's answer is taken to be from its middle. Round trips
 * are timed with `performance.now()`, which a wrong wall clock does not affect. Framework-free.
 */
export class ServerClock {
  private offset = 0;
  private measured = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly serverUrl: string,
    private readonly fetchTime: (url: string) => Promise<{ now: number }> = defaultFetch,
    private readonly isOnline: () => boolean = browserOnline,
  ) {}

  /** Server time in epoch ms. Until measured, the device's own clock. */
  now = (): number => Date.now() + this.offset;

  get isMeasured(): boolean {
    return this.measured;
  }

  getOffset(): number {
    return this.offset;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Measures the offset with `samples` round trips; keeps the last good value on failure. While
   * the browser says it is offline it asks nothing (the request cannot succeed, and each failed
   * fetch is a console error); the caller measures again on the `online` event.
   */
  async measure(samples = 5): Promise<void> {
    if (!this.isOnline() || !reachableByFetch(this.serverUrl)) return;
    let best: { rtt: number; offset: number } | null = null;
    const url = new URL('/api/time', this.serverUrl).toString();
    for (let i = 0; i < samples; i++) {
      try {
        const sentAt = performance.now();
        const { now: serverNow } = await this.fetchTime(url);
        const rtt = performance.now() - sentAt;
        if (typeof serverNow !== 'number' || !Number.isFinite(serverNow)) continue;
        // The answer left the server half a round trip ago.
        const offset = serverNow + rtt / 2 - Date.now();
        if (!best || rtt < best.rtt) best = { rtt, offset };
      } catch {
        // Offline or unreachable: try the next sample, keep the previous offset otherwise.
      }
    }
    if (!best) return;
    this.offset = best.offset;
    this.measured = true;
    for (const listener of this.listeners) listener();
  }
}

function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

async function defaultFetch(url: string): Promise<{ now: number }> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`GET /api/time answered ${response.status}`);
  return (await response.json()) as { now: number };
}
