import { type Client, labelOf, putLabel } from '../test/helpers';

export interface LatencyFigures {
  samples: number;
  missing: number;
  p50: number;
  p99: number;
  max: number;
}

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/**
 * Latency of an honest map while something else happens: `writer` stamps an actor's label with a
 * sequence number and `performance.now()` at `hz`; `reader` records the delay when the stamp arrives.
 * Both clients live in this process, so their clocks are the same.
 */
export class LatencyProbe {
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private lastSeen = -1;
  private readonly delays: number[] = [];
  /** When each stamp was written (the label carries it too; this also times coalesced stamps). */
  private readonly writtenAt: number[] = [];

  constructor(
    private readonly writer: Client,
    private readonly reader: Client,
    private readonly hz = 20,
  ) {
    reader.doc.on('update', this.onUpdate);
  }

  start(): void {
    this.timer = setInterval(() => {
      const at = performance.now();
      this.writtenAt.push(at);
      putLabel(this.writer.doc, 'latency-probe', `${this.seq++} ${at}`);
    }, 1000 / this.hz);
  }

  /** Stops writing and waits (bounded) for the stamps still in flight; late ones count as missing. */
  async stop(drainMs = 2000): Promise<LatencyFigures> {
    clearInterval(this.timer);
    const deadline = performance.now() + drainMs;
    while (this.lastSeen < this.seq - 1 && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    this.reader.doc.off('update', this.onUpdate);
    const sorted = [...this.delays].sort((a, b) => a - b);
    return {
      samples: sorted.length,
      missing: this.seq - sorted.length,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: sorted.at(-1) ?? Number.NaN,
    };
  }

  private readonly onUpdate = (): void => {
    const label = labelOf(this.reader.doc, 'latency-probe');
    if (!label) return;
    const seq = Number(label.split(' ')[0]);
    if (!(seq > this.lastSeen)) return;
    const now = performance.now();
    // Overwrites can coalesce: only the newest stamp is visible; earlier ones arrived with it.
    for (let s = this.lastSeen + 1; s <= seq; s++) this.delays.push(now - (this.writtenAt[s] ?? now));
    this.lastSeen = seq;
  };
}

/** Polls /healthz and keeps the slowest answer. */
export class HealthProbe {
  private running = false;
  private loop: Promise<void> | undefined;
  readonly durations: number[] = [];
  failures = 0;

  constructor(
    private readonly serverUrl: string,
    private readonly everyMs = 50,
  ) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const started = performance.now();
        try {
          const res = await fetch(`${this.serverUrl}/healthz`);
          await res.arrayBuffer();
          if (!res.ok) this.failures++;
        } catch {
          this.failures++;
        }
        this.durations.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, this.everyMs));
      }
    })();
  }

  async stop(): Promise<{ checks: number; max: number; failures: number }> {
    this.running = false;
    await this.loop;
    return { checks: this.durations.length, max: Math.max(...this.durations), failures: this.failures };
  }
}

/** The guarantees for the honest map while another map is attacked, on a machine of its own. */
export const HONEST_P99_MS = 100;
export const HEALTHZ_MAX_MS = 250;
/**
 * How far above the same probes without attackers, measured just before in the same run, a figure
 * under attack may be. On a shared machine the scheduler alone can delay every hop of the honest
 * map (CI, four test runs on two cores); the guarantee then holds relative to that machine. A map
 * that stalls the others costs the honest map the attacker's whole run (seconds), far above either.
 */
export const BASELINE_FACTOR = 2;

/** The bound a figure under attack is held to: the guarantee, or `BASELINE_FACTOR` × the baseline. */
export const boundUnderAttack = (guaranteeMs: number, baselineMs: number): number =>
  Math.max(guaranteeMs, BASELINE_FACTOR * baselineMs);

/** Both probes for `ms` on an honest pair with nothing else going on: what this machine gives anyway. */
export async function measureBaseline(
  writer: Client,
  reader: Client,
  serverUrl: string,
  ms: number,
): Promise<{ latency: LatencyFigures; healthzMax: number }> {
  const latency = new LatencyProbe(writer, reader);
  const health = new HealthProbe(serverUrl);
  latency.start();
  health.start();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return { latency: await latency.stop(), healthzMax: (await health.stop()).max };
}
