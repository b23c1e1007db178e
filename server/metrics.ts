/** Prometheus text exposition, hand-rolled: a handful of series does not justify a client library. */

const WRITE_BUCKETS_SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

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
  | 'unauthorized';

export class Metrics {
  connections = 0;
  loadedMaps = 0;
  updatesIn = 0;
  updatesOut = 0;
  bytesStored = 0;
  compactions = 0;
  private readonly rejected = new Map<RejectReason, number>();
  private readonly writeBuckets = new Array<number>(WRITE_BUCKETS_SECONDS.length).fill(0);
  private writeCount = 0;
  private writeSum = 0;

  reject(reason: RejectReason): void {
    this.rejected.set(reason, (this.rejected.get(reason) ?? 0) + 1);
  }

  rejectedCount(reason: RejectReason): number {
    return this.rejected.get(reason) ?? 0;
  }

  observeWrite(seconds: number): void {
    this.writeCount++;
    this.writeSum += seconds;
    WRITE_BUCKETS_SECONDS.forEach((bound, i) => {
      if (seconds <= bound) this.writeBuckets[i] = (this.writeBuckets[i] ?? 0) + 1;
    });
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
    const buckets = WRITE_BUCKETS_SECONDS.map(
      (bound, i) => `ketenkaart_storage_write_seconds_bucket{le="${bound}"} ${this.writeBuckets[i] ?? 0}`,
    );
    metric('ketenkaart_storage_write_seconds', 'histogram', 'Latency of committing a batch of updates.', [
      ...buckets,
      `ketenkaart_storage_write_seconds_bucket{le="+Inf"} ${this.writeCount}`,
      `ketenkaart_storage_write_seconds_sum ${this.writeSum}`,
      `ketenkaart_storage_write_seconds_count ${this.writeCount}`,
    ]);
    metric(
      'ketenkaart_rejected_messages_total',
      'counter',
      'Messages or connections refused, by reason.',
      [...this.rejected].map(([reason, n]) => `ketenkaart_rejected_messages_total{reason="${reason}"} ${n}`),
    );
    return `${lines.join('\n')}\n`;
  }
}
