import { COST_MODEL } from '../docs/costModel';
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

/** Whether the attack is on. A probe's samples are split by the phase they were written in. */
export type Phase = 'quiet' | 'attack';

/**
 * When the attack was on. Quiet and attack phases alternate within one run, so both see the same
 * load from the rest of the machine (other test runs, other users of its cores) and their ratio
 * measures what the attack costs the honest map, not what the machine was doing meanwhile. The
 * first `settleMs` of a quiet phase still count as attack: the server is finishing what it received.
 */
export class PhaseClock {
  private readonly switches: Array<{ at: number; phase: Phase }> = [];

  constructor(private readonly settleMs: number) {}

  enter(phase: Phase): void {
    this.switches.push({ at: performance.now(), phase });
  }

  phaseAt(at: number): Phase {
    let phase: Phase = 'quiet';
    let since = Number.NEGATIVE_INFINITY;
    let previous: Phase = 'quiet';
    for (const s of this.switches) {
      if (s.at > at) break;
      previous = phase;
      phase = s.phase;
      since = s.at;
    }
    return phase === 'quiet' && previous === 'attack' && at - since < this.settleMs ? 'attack' : phase;
  }
}

/** p50, p99 and max of a set of durations. */
function figures(durations: readonly number[], missing: number): LatencyFigures {
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    missing,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/**
 * Latency of an honest map while something else happens: `writer` stamps an actor's label with a
 * sequence number and `performance.now()` at `hz`; `reader` records the delay when the stamp arrives.
 * Both clients live in this process, so their clocks are the same.
 */
export class LatencyProbe {
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private lastSeen = -1;
  /** Delay of each stamp, by sequence number (undefined: not arrived). */
  private readonly delays: Array<number | undefined> = [];
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
    return this.figures(() => true);
  }

  /** The figures of the stamps written in each phase (after `stop`). */
  byPhase(clock: PhaseClock): Record<Phase, LatencyFigures> {
    return {
      quiet: this.figures((at) => clock.phaseAt(at) === 'quiet'),
      attack: this.figures((at) => clock.phaseAt(at) === 'attack'),
    };
  }

  private figures(written: (at: number) => boolean): LatencyFigures {
    const arrived: number[] = [];
    let missing = 0;
    for (let s = 0; s < this.seq; s++) {
      if (!written(this.writtenAt[s]!)) continue;
      const delay = this.delays[s];
      if (delay === undefined) missing++;
      else arrived.push(delay);
    }
    return figures(arrived, missing);
  }

  private readonly onUpdate = (): void => {
    const label = labelOf(this.reader.doc, 'latency-probe');
    if (!label) return;
    const seq = Number(label.split(' ')[0]);
    if (!(seq > this.lastSeen)) return;
    const now = performance.now();
    // Overwrites can coalesce: only the newest stamp is visible; earlier ones arrived with it.
    for (let s = this.lastSeen + 1; s <= seq; s++) this.delays[s] = now - (this.writtenAt[s] ?? now);
    this.lastSeen = seq;
  };
}

/** Polls /healthz and keeps how long each answer took. */
export class HealthProbe {
  private running = false;
  private loop: Promise<void> | undefined;
  readonly checks: Array<{ at: number; ms: number }> = [];
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
        this.checks.push({ at: started, ms: performance.now() - started });
        await new Promise((resolve) => setTimeout(resolve, this.everyMs));
      }
    })();
  }

  async stop(): Promise<{ checks: number; max: number; failures: number }> {
    this.running = false;
    await this.loop;
    const all = figures(
      this.checks.map((c) => c.ms),
      0,
    );
    return { checks: all.samples, max: all.max, failures: this.failures };
  }

  /** The figures of the checks started in each phase (after `stop`). */
  byPhase(clock: PhaseClock): Record<Phase, LatencyFigures> {
    const of = (phase: Phase) =>
      figures(
        this.checks.filter((c) => clock.phaseAt(c.at) === phase).map((c) => c.ms),
        0,
      );
    return { quiet: of('quiet'), attack: of('attack') };
  }
}

/**
 * The guarantees for the honest map while another map is attacked, on a machine of its own:
 * reported as figures of every run and in docs/performance.md, not asserted as times (a loaded
 * machine delays every hop of the honest map whatever the server does).
 */
export const HONEST_P99_MS = 100;
export const HEALTHZ_MAX_MS = 250;
/**
 * What is asserted: the honest map's p99 (and /healthz's) under attack stays within this factor
 * of the same probes in the quiet phases of the same run. A map that stalls the others costs the
 * honest map the attacker's whole request (seconds: the watchdog's deadlines), far above it.
 */
export const ATTACK_FACTOR = 3;

/**
 * The bound an attack phase's p99 is held to: ATTACK_FACTOR times the quiet p99, but never below
 * the quiet p99 plus one shared-worker deadline. The design promises that a room waits at most one
 * such deadline behind another room's request; on an idle machine the quiet p99 is about 11 ms, so
 * 3× alone (34 ms) is tighter than that promise and fails on scheduling noise. A stall (a map
 * waiting on an attacker's whole request) still costs seconds and stays far above either bound.
 */
export const attackBound = (quietP99: number): number =>
  Math.max(ATTACK_FACTOR * quietP99, quietP99 + COST_MODEL.sharedDeadlineMs);

/** One line of figures: the phase, p50/p99/max, samples. */
export const describeFigures = (what: string, f: LatencyFigures): string =>
  `${what} p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, max ${f.max.toFixed(1)} ms over ${f.samples} (${f.missing} missing)`;
