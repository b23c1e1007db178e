/**
 * A commit pipeline: at most one group of write ops is being committed at a time; ops submitted while a
 * group is in flight queue up and all go together in the next group.
 *
 * Why this shape: a commit costs about one fsync (1–8 ms on the machines measured here) whatever its
 * size. Grouping per event-loop turn alone (what the store did before) still meant one fsync per update
 * at a steady 500 updates/s across 100 maps, because updates arrive in different turns: 468 fsyncs/s,
 * which kept a disk-bound event loop ~50% blocked. With one commit in flight, whatever arrives during an
 * fsync shares the next one, so the commit rate adapts to the disk (natural group commit under load)
 * and when idle a lone op is committed after at most one macrotask.
 *
 * A group holds at most `maxGroupBytes` of ops (by `sizeOf`), except a single op larger than that:
 * one map's big append must not make every other map's small one wait for its fsync twice. Ops
 * deferred to the next group keep their order; a caller that needs two of its ops in order submits
 * the second after the first settled (a room commits one batch at a time).
 *
 * Guarantees:
 * - Ops are executed in submission order, except that an op may move behind later, smaller ops of
 *   others when its group is full (ops within a group run in order).
 * - An op's promise settles only after its group's executor settled: resolved means committed.
 * - A failed op rejects only its own promise (the executor reports results per op). If the executor
 *   itself fails (the writer thread died), the in-flight and every later op reject: nothing is
 *   acknowledged that was not committed.
 */
export type OpOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupOutcome<R> {
  results: OpOutcome<R>[];
  /** Whether the whole group committed in one transaction (counted in `stats.groupCommits`). */
  grouped: boolean;
  /** Executor-side time of the group, in ms. */
  ms: number;
}

export type GroupExecutor<Op, R> = (ops: Op[]) => Promise<GroupOutcome<R>>;

export interface PipelineStats {
  /** Groups executed. */
  groups: number;
  /** Groups that committed as one transaction. */
  groupCommits: number;
  /** Ops executed. */
  ops: number;
  /** Largest group so far. */
  maxGroup: number;
  /** Sum of executor-side group time, in ms. */
  executorMs: number;
}

interface Job<Op, R> {
  op: Op;
  resolve: (value: R) => void;
  reject: (err: unknown) => void;
}

export class CommitPipeline<Op, R> {
  readonly stats: PipelineStats = { groups: 0, groupCommits: 0, ops: 0, maxGroup: 0, executorMs: 0 };
  private queue: Job<Op, R>[] = [];
  private inFlight = false;
  private scheduled = false;
  private broken: Error | undefined;
  private idleWaiters: Array<() => void> = [];

  /** `onBusy(true)` when a group starts while idle, `onBusy(false)` when the pipeline drained. */
  constructor(
    private readonly execute: GroupExecutor<Op, R>,
    private readonly onBusy: (busy: boolean) => void = () => {},
    private readonly sizeOf: (op: Op) => number = () => 0,
    private readonly maxGroupBytes = Number.POSITIVE_INFINITY,
  ) {}

  submit(op: Op): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.broken) {
        reject(this.broken);
        return;
      }
      this.queue.push({ op, resolve, reject });
      // Idle: wait for the end of this event-loop turn so everything requested in the same turn (many
      // maps' batches) shares one commit; it costs one macrotask, much less than a commit.
      if (!this.inFlight && !this.scheduled) {
        this.scheduled = true;
        setImmediate(this.dispatch);
      }
    });
  }

  /** Stops accepting ops and rejects queued ones; used when the executor can no longer commit. */
  fail(err: Error): void {
    this.broken ??= err;
    const queued = this.queue;
    this.queue = [];
    for (const job of queued) job.reject(err);
    if (!this.inFlight) this.settleIdle();
  }

  /** Resolves once nothing is queued or in flight. */
  idle(): Promise<void> {
    if (!this.inFlight && !this.scheduled && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private readonly dispatch = (): void => {
    this.scheduled = false;
    if (this.inFlight) return;
    if (this.queue.length === 0) {
      this.settleIdle();
      return;
    }
    const group: Job<Op, R>[] = [];
    const deferred: Job<Op, R>[] = [];
    let bytes = 0;
    for (const job of this.queue) {
      const size = this.sizeOf(job.op);
      if (group.length > 0 && bytes + size > this.maxGroupBytes) {
        deferred.push(job);
        continue;
      }
      group.push(job);
      bytes += size;
    }
    this.queue = deferred;
    this.inFlight = true;
    this.onBusy(true);
    this.stats.groups++;
    this.stats.ops += group.length;
    this.stats.maxGroup = Math.max(this.stats.maxGroup, group.length);
    let outcome: Promise<GroupOutcome<R>>;
    try {
      outcome = this.execute(group.map((job) => job.op));
    } catch (err) {
      outcome = Promise.reject(err);
    }
    outcome.then(
      ({ results, grouped, ms }) => {
        if (grouped) this.stats.groupCommits++;
        this.stats.executorMs += ms;
        group.forEach((job, i) => {
          const result = results[i];
          if (result?.ok) job.resolve(result.value);
          else job.reject(result ? result.error : new Error('the storage writer returned no result'));
        });
        this.next();
      },
      (err: unknown) => {
        const error = err instanceof Error ? err : new Error(String(err));
        for (const job of group) job.reject(error);
        this.fail(error);
        this.next();
      },
    );
  };

  private next(): void {
    this.inFlight = false;
    if (this.queue.length > 0) {
      // Under load: the next group goes out after this turn's microtasks, holding everything that
      // arrived meanwhile and what the settled ops' callers submit as they resume (a room's next
      // append waits for its previous one): dispatched at once, those would wait a whole commit more.
      this.scheduled = true;
      setImmediate(this.dispatch);
      return;
    }
    this.onBusy(false);
    this.settleIdle();
  }

  private settleIdle(): void {
    if (this.inFlight || this.scheduled || this.queue.length > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
