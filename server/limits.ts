/** Resource limits; every one is configurable through `createServer({ limits })`, many by env vars (docs/API.md). */
export interface Limits {
  /** Largest WebSocket frame accepted (ws `maxPayload`); bigger → close 1009. */
  maxMessageBytes: number;
  /** Largest encoded document; an update that would exceed it is refused with close 1009. */
  maxDocumentBytes: number;
  /** Largest awareness update in one message, and awareness state held per connection; bigger → 1009. */
  maxAwarenessBytes: number;
  /** Awareness: deepest nesting of a state's JSON (deeper → close 4422). */
  maxAwarenessDepth: number;
  /** Awareness: client ids one connection may introduce; states and bytes one map holds. */
  maxAwarenessIdsPerConnection: number;
  maxAwarenessStatesPerMap: number;
  maxAwarenessBytesPerMap: number;
  /** Sustained messages per second per connection; above the burst → close 4429. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Sync step 1 answers (each encodes the document) per connection: per minute and burst; above → 4429. */
  syncAnswersPerMinute: number;
  syncAnswerBurst: number;
  /** Frames held per connection while the map is authorised/loaded, or queued behind a busy map; more → 4429. */
  maxQueuedFrames: number;
  maxQueuedBytes: number;
  /** Input bytes and answer bytes one batch (one commit) may hold. */
  maxBatchBytes: number;
  maxOutboxBytes: number;
  /** Content Yjs holds back for missing dependencies: past either bound it is dropped, its senders resync (4100). */
  maxPendingBytes: number;
  maxPendingMs: number;
  /** Estimated heap of one loaded map (over it an update is refused with 1009) and of all loaded maps (joins get 1013). */
  maxMapHeapBytes: number;
  maxLoadedHeapBytes: number;
  /** Per-map CPU budget over measured doc work: sustained milliseconds per second and burst; over it the map waits. */
  cpuMsPerSecond: number;
  cpuBurstMs: number;
  /** Per-map storage budget: bytes appended per second sustained, and burst; over it the map waits. */
  writeBytesPerSecond: number;
  writeBurstBytes: number;
  /** A quarantined map is refused (4423) this long, or until the server restarts. */
  quarantineMs: number;
  /** A connection not serving sync by then (auth + load) is closed with 1011. */
  joinTimeoutMs: number;
  /** A sync socket that sent nothing this long is closed with 4108 (the client reconnects). */
  idleSocketMs: number;
  /** Outgoing bytes buffered on a socket before it counts as a dead consumer and is dropped. */
  maxBufferedBytes: number;
  /** Open sync sockets in total and per client address (IPv6 per /64); over → 1013. */
  maxConnections: number;
  maxConnectionsPerAddress: number;
  /** Open TCP connections of any kind per client address; over → the connection is dropped. */
  maxSocketsPerAddress: number;
  /** HTTP: time to receive the headers, and the whole request; idle keep-alive. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** Request body cap for the HTTP API. */
  maxBodyBytes: number;
  /** A file sent to the import API; larger gets 413 before it is read whole. */
  maxImportBytes: number;
  /** An import or export on the interchange worker that takes longer is stopped (import: 422, nothing written; export: 503). */
  interchangeDeadlineMs: number;
  /** Heap of the interchange worker: a file that needs more ends that worker, not the server. */
  interchangeWorkerHeapMb: number;
  /** The interchange worker is ended after this long without a job; the next job starts it again. */
  interchangeWorkerIdleMs: number;
  /** POST /api/maps per client address: sustained per minute and burst. */
  createMapsPerMinute: number;
  createMapsBurst: number;
  /** Client addresses the map-creation limiter remembers (least recently used forgotten first). */
  createMapsTrackedAddresses: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 4 * 1024 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
  maxAwarenessBytes: 64 * 1024,
  maxAwarenessDepth: 8,
  maxAwarenessIdsPerConnection: 4,
  maxAwarenessStatesPerMap: 256,
  maxAwarenessBytesPerMap: 2 * 1024 * 1024,
  messagesPerSecond: 200,
  messageBurst: 400,
  syncAnswersPerMinute: 6,
  syncAnswerBurst: 4,
  maxQueuedFrames: 400,
  maxQueuedBytes: 8 * 1024 * 1024,
  maxBatchBytes: 8 * 1024 * 1024,
  maxOutboxBytes: 32 * 1024 * 1024,
  maxPendingBytes: 1024 * 1024,
  maxPendingMs: 10_000,
  maxMapHeapBytes: 256 * 1024 * 1024,
  maxLoadedHeapBytes: 1536 * 1024 * 1024,
  cpuMsPerSecond: 100,
  cpuBurstMs: 1000,
  writeBytesPerSecond: 256 * 1024,
  writeBurstBytes: 4 * 1024 * 1024,
  quarantineMs: 15 * 60_000,
  joinTimeoutMs: 10_000,
  idleSocketMs: 120_000,
  maxBufferedBytes: 64 * 1024 * 1024,
  maxConnections: 2000,
  maxConnectionsPerAddress: 200,
  maxSocketsPerAddress: 400,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5000,
  maxBodyBytes: 16 * 1024,
  maxImportBytes: 10 * 1024 * 1024,
  interchangeDeadlineMs: 60_000,
  interchangeWorkerHeapMb: 512,
  interchangeWorkerIdleMs: 30_000,
  createMapsPerMinute: 60,
  createMapsBurst: 120,
  createMapsTrackedAddresses: 10_000,
};
