import { CLOSE_RESYNC } from '../shared/protocol/syncProtocol';
import type { AckTracker } from './AckTracker';
import type { Connection } from './Connection';
import type { Limits } from './limits';
import type { Metrics } from './metrics';
import type { SuspectAddresses } from './SuspectAddresses';

/**
 * A room's content that Yjs holds back (updates waiting for content the doc lacks), seen from the
 * connections that sent it: their acks wait (`AckTracker`), and the content waits at most
 * `maxPendingMs`. Dropping it closes its senders with 4409 so they resync and send it again.
 */
export class HeldContent {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly acks: AckTracker,
    private readonly deps: { limits: Limits; metrics: Metrics; suspects: SuspectAddresses },
    private readonly connectionById: (id: number) => Connection | undefined,
    /** Queues the expiry behind the room's other work. */
    private readonly onExpired: () => void,
  ) {}

  /** Ids of the connections whose content is held. */
  holders(): number[] {
    return this.acks.holders().map((c) => c.id);
  }

  /** Starts (or stops) the deadline of held content after the holders changed. */
  watch(): void {
    if (this.acks.holders().length === 0) {
      this.stop();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.onExpired();
      }, this.deps.limits.maxPendingMs);
      this.timer.unref();
    }
  }

  /** The deadline passed: drops the doc's held content (`dropPending`) and closes its senders. */
  async expire(dropPending: () => Promise<number[]>): Promise<void> {
    if (this.acks.holders().length === 0) return;
    const dropped = await dropPending();
    this.drop([...new Set([...dropped, ...this.holders()])], 'held-back content waited too long; resync');
    this.watch();
  }

  drop(ids: readonly number[], reason: string): void {
    for (const id of ids) {
      const conn = this.connectionById(id);
      if (!conn) continue;
      this.deps.metrics.reject('pending_dropped');
      this.deps.suspects.mark(conn.address);
      this.acks.forget(conn);
      conn.close(CLOSE_RESYNC, reason);
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
