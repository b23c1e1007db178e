/** Resource limits; every one is configurable through `createServer({ limits })` and env vars (docs/API.md). */
export interface Limits {
  /** Largest WebSocket frame accepted (ws `maxPayload`); bigger → close 1009. */
  maxMessageBytes: number;
  /** Largest encoded document; an update that would exceed it is refused with close 1009. */
  maxDocumentBytes: number;
  /** Largest awareness update in one message; bigger → close 1009. */
  maxAwarenessBytes: number;
  /** Sustained messages per second per connection; above the burst → close 4429. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Frames held per connection while the map is authorised/loaded; more → close 4429. */
  maxQueuedFrames: number;
  maxQueuedBytes: number;
  /** A connection not serving sync by then (auth + load) is closed with 1011. */
  joinTimeoutMs: number;
  /** Outgoing bytes buffered on a socket before it counts as a dead consumer and is dropped. */
  maxBufferedBytes: number;
  /** Request body cap for the HTTP API. */
  maxBodyBytes: number;
  /** POST /api/maps per client address: sustained per minute and burst. */
  createMapsPerMinute: number;
  createMapsBurst: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 4 * 1024 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
  maxAwarenessBytes: 64 * 1024,
  messagesPerSecond: 200,
  messageBurst: 400,
  maxQueuedFrames: 400,
  maxQueuedBytes: 8 * 1024 * 1024,
  joinTimeoutMs: 10_000,
  maxBufferedBytes: 64 * 1024 * 1024,
  maxBodyBytes: 16 * 1024,
  createMapsPerMinute: 60,
  createMapsBurst: 120,
};
