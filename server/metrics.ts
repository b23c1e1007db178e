/** Prometheus text exposition, hand-rolled: a handful of series does not justify a client library. */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const BUCKETS_SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** A latency histogram over `BUCKETS_SECONDS`. */
class Histogram {
  private readonly buckets = new Array<number>(BUCKETS_SECONDS.length).fill(0);
  private count = 0;
  private sum = 0;

  observe(seconds: number): void {
    this.count++;
    this.sum += seconds;
    BUCKETS_SECONDS.forEach((bound, i) => {
      if (seconds <= bound) this.buckets[i] = (this.buckets[i] ?? 0) + 1;
    });
  }

  samples(name: string): string[] {
    return [
      ...BUCKETS_SECONDS.map((bound, i) => `${name}_bucket{le="${bound}"} ${this.buckets[i] ?? 0}`),
      `${name}_bucket{le="+Inf"} ${this.count}`,
      `${name}_sum ${this.sum}`,
      `${name}_count ${this.count}`,
    ];
  }
}

export type RejectReason =
  | 'malformed'
  | 'text_frame'
  | 'unknown_type'
  | 'too_big'
  | 'document_too_big'
  | 'awareness_too_big'
  | 'rate_limited'
  | 'queue_full'
  | 'read_only'
  | 'edit_only'
  | 'depends_on_missing'
  | 'unauthorized'
  | 'invalid_shape'
  | 'map_memory'
  | 'pending_dropped'
  | 'sync_answers'
  | 'awareness_invalid'
  | 'awareness_not_owner'
  | 'awareness_cap'
  | 'too_many_connections'
  | 'too_many_sockets'
  | 'server_busy'
  | 'quarantined'
  | 'idle'
  | 'origin'
  | 'content_type'
  | 'create_token';

export type WorkerDeathReason = 'deadline' | 'memory' | 'crash';

/** Event-loop delay of the main thread (sockets, access, storage, /healthz), sampled every 10 ms. */
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

export class Metrics {
  connections = 0;
  loadedMaps = 0;
  updatesIn = 0;
  updatesOut = 0;
  bytesStored = 0;
  compactions = 0;
  /** Rows read back from the store because relay messages were missed (a hole, a reconnection). */
  relayHeals = 0;
  /** 1 while the relay to the other nodes is connected, 0 while not; absent without a relay. */
  relayConnected: number | undefined;
  quarantines = 0;
  quarantinedMaps = 0;
  /** Rooms moved to another doc worker (a worker ended, or the room needed an isolated one). */
  roomsMoved = 0;
  /** Batches that waited because their map had used its CPU budget. */
  throttledBatches = 0;
  loadedHeapBytes = 0;
  docWorkers = 0;
  private readonly workerDeaths = new Map<WorkerDeathReason, number>();
  private readonly rejected = new Map<RejectReason, number>();
  private readonly writes = new Histogram();
  private readonly applies = new Histogram();

  reject(reason: RejectReason): void {
    this.rejected.set(reason, (this.rejected.get(reason) ?? 0) + 1);
  }

  rejectedCount(reason: RejectReason): number {
    return this.rejected.get(reason) ?? 0;
  }

  workerDied(reason: WorkerDeathReason): void {
    this.workerDeaths.set(reason, (this.workerDeaths.get(reason) ?? 0) + 1);
  }

  workerDeathCount(reason: WorkerDeathReason): number {
    return this.workerDeaths.get(reason) ?? 0;
  }

  /** A batch's append, from its submission until the store resolved it. */
  observeWrite(seconds: number): void {
    this.writes.observe(seconds);
  }

  /** A batch's apply, from the request to the doc worker until its answer was read. */
  observeApply(seconds: number): void {
    this.applies.observe(seconds);
  }

  render(): string {
    const lines: string[] = [];
    const metric = (name: string, type: string, help: string, samples: string[]) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples);
    };
    metric('ketenkaart_connections', 'gauge', 'Open sync WebSocket connections.', [
      `ketenkaart_connections ${this.connections}`,
    ]);
    metric('ketenkaart_loaded_maps', 'gauge', 'Maps loaded in memory.', [
      `ketenkaart_loaded_maps ${this.loadedMaps}`,
    ]);
    metric('ketenkaart_updates_in_total', 'counter', 'Document updates received that changed a document.', [
      `ketenkaart_updates_in_total ${this.updatesIn}`,
    ]);
    metric('ketenkaart_updates_out_total', 'counter', 'Document update messages relayed to clients.', [
      `ketenkaart_updates_out_total ${this.updatesOut}`,
    ]);
    metric('ketenkaart_bytes_stored_total', 'counter', 'Bytes of document updates appended to storage.', [
      `ketenkaart_bytes_stored_total ${this.bytesStored}`,
    ]);
    metric('ketenkaart_compactions_total', 'counter', 'Update log compactions.', [
      `ketenkaart_compactions_total ${this.compactions}`,
    ]);
    metric('ketenkaart_relay_heals_total', 'counter', 'Reads of missed relayed rows from the store.', [
      `ketenkaart_relay_heals_total ${this.relayHeals}`,
    ]);
    if (this.relayConnected !== undefined) {
      metric('ketenkaart_relay_connected', 'gauge', 'Whether the relay to the other nodes is up.', [
        `ketenkaart_relay_connected ${this.relayConnected}`,
      ]);
    }
    metric(
      'ketenkaart_event_loop_delay_seconds',
      'gauge',
      'Main-thread event-loop delay since the last scrape: p99 and max.',
      [
        `ketenkaart_event_loop_delay_seconds{quantile="0.99"} ${loopDelay.percentile(99) / 1e9}`,
        `ketenkaart_event_loop_delay_seconds{quantile="1"} ${loopDelay.max / 1e9}`,
      ],
    );
    loopDelay.reset();
    metric('ketenkaart_quarantines_total', 'counter', 'Maps quarantined (too expensive to load or change).', [
      `ketenkaart_quarantines_total ${this.quarantines}`,
    ]);
    metric('ketenkaart_quarantined_maps', 'gauge', 'Maps refused right now because they are quarantined.', [
      `ketenkaart_quarantined_maps ${this.quarantinedMaps}`,
    ]);
    metric('ketenkaart_doc_workers', 'gauge', 'Doc worker threads running.', [
      `ketenkaart_doc_workers ${this.docWorkers}`,
    ]);
    metric(
      'ketenkaart_doc_worker_deaths_total',
      'counter',
      'Doc worker threads ended, by reason (deadline: the watchdog; memory: heap limit).',
      [...this.workerDeaths].map(
        ([reason, n]) => `ketenkaart_doc_worker_deaths_total{reason="${reason}"} ${n}`,
      ),
    );
    metric('ketenkaart_rooms_moved_total', 'counter', 'Rooms moved to another doc worker.', [
      `ketenkaart_rooms_moved_total ${this.roomsMoved}`,
    ]);
    metric('ketenkaart_throttled_batches_total', 'counter', 'Batches delayed by their map CPU budget.', [
      `ketenkaart_throttled_batches_total ${this.throttledBatches}`,
    ]);
    metric('ketenkaart_loaded_heap_bytes', 'gauge', 'Estimated heap of all loaded maps.', [
      `ketenkaart_loaded_heap_bytes ${this.loadedHeapBytes}`,
    ]);
    metric(
      'ketenkaart_storage_write_seconds',
      'histogram',
      'Latency of committing a batch of updates.',
      this.writes.samples('ketenkaart_storage_write_seconds'),
    );
    metric(
      'ketenkaart_doc_apply_seconds',
      'histogram',
      'Latency of applying a batch on its doc worker (the round trip, waits for the thread included).',
      this.applies.samples('ketenkaart_doc_apply_seconds'),
    );
    metric(
      'ketenkaart_rejected_messages_total',
      'counter',
      'Messages or connections refused, by reason.',
      [...this.rejected].map(([reason, n]) => `ketenkaart_rejected_messages_total{reason="${reason}"} ${n}`),
    );
    return `${lines.join('\n')}\n`;
  }
}
