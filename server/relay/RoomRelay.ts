/**
 * Fan-out between the processes that serve the same store (several nodes behind a load balancer).
 *
 * Durable before relay: a node publishes rows only after they are committed, with their per-map
 * seqs, so every receiver can tell a missed message (a gap) from a late one and read what it missed
 * back from the store. A lost message is never an error of the sender: receivers heal it.
 */

/** Rows one node committed for a map, seqs `firstSeq` … `lastSeq`, one update per row. */
export interface RelayedUpdates {
  readonly mapId: string;
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly updates: readonly Uint8Array[];
}

/** What a loaded map hears from the other nodes. Messages a node published never come back to it. */
export interface RelayListener {
  updates(message: RelayedUpdates): void;
  /** A y-protocols awareness update of another node's clients of this map. */
  awareness(update: Uint8Array): void;
  /** Messages may have been missed (the relay reconnected): read the log since the last seq known. */
  resync(): void;
}

export interface RoomRelay {
  /** Delivers the map's messages to `listener` until `leave`; resolves once they are subscribed. */
  join(mapId: string, listener: RelayListener): Promise<void>;
  leave(mapId: string, listener: RelayListener): void;
  /** Call after the rows are committed. Never throws or rejects. */
  publishUpdates(message: RelayedUpdates): void;
  publishAwareness(mapId: string, update: Uint8Array): void;
  /** The map's keys were rotated here: every node closes its sockets authorised before `keyVersion`. */
  publishKeysRotated(mapId: string, keyVersion: number): void;
  /** Hears rotations published by other nodes. */
  onKeysRotated(listener: (mapId: string, keyVersion: number) => void): void;
  /** False while messages cannot cross (the broker is unreachable); the nodes then serve alone. */
  readonly connected: boolean;
  close(): Promise<void>;
}
