/** A run of a map's rows, `first` … `last`; `updates` is null for rows already in the doc (own commits). */
interface Run {
  first: number;
  last: number;
  updates: readonly Uint8Array[] | null;
}

export interface Released {
  /** Runs to apply now, in seq order. */
  apply: Array<readonly Uint8Array[]>;
  /** Runs are waiting behind a hole: read the missing rows from the store unless they arrive soon. */
  gap: boolean;
}

/**
 * Puts a map's rows, as they arrive from its own commits and from other nodes, back in seq order.
 *
 * Invariant: every row with `seq <= applied` is in the doc. That is what makes a compaction up to
 * `applied` safe, and what a heal reads after (`loadUpdates(id, applied)`).
 */
export class SeqOrder {
  private readonly waiting: Run[] = [];

  constructor(private appliedSeq: number) {}

  get applied(): number {
    return this.appliedSeq;
  }

  /** Rows `first` … `last` arrived; returns what can be applied in order now. */
  offer(first: number, last: number, updates: readonly Uint8Array[] | null): Released {
    if (last > this.appliedSeq) {
      const at = this.waiting.findIndex((run) => run.first > first);
      this.waiting.splice(at < 0 ? this.waiting.length : at, 0, { first, last, updates });
    }
    return this.drain();
  }

  /** Every row up to `seq` is in the doc (read back from the store, or a reload). */
  healed(seq: number): Released {
    this.appliedSeq = Math.max(this.appliedSeq, seq);
    return this.drain();
  }

  private drain(): Released {
    const apply: Array<readonly Uint8Array[]> = [];
    while (this.waiting.length > 0 && this.waiting[0]!.first <= this.appliedSeq + 1) {
      const run = this.waiting.shift()!;
      if (run.last <= this.appliedSeq) continue;
      if (run.updates) apply.push(run.updates);
      this.appliedSeq = run.last;
    }
    return { apply, gap: this.waiting.length > 0 };
  }
}
