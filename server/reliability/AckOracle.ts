import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { Client, CountingWebSocket } from '../test/helpers';

/**
 * The ack as an oracle: what a client was told is stored. Every document frame a client sends is
 * kept with its index on its socket; `[100, n]` on a socket covers the frames up to `n` of that
 * socket, so their updates must be in storage from then on, whatever happens to the server.
 * `onFrameSent` fits the test clients' `onFrameSent` option; raw sockets call `sent` and `acked`.
 */
export class AckOracle {
  private readonly framesBySocket = new Map<object, Array<{ index: number; update: Uint8Array }>>();
  private readonly ackedBySocket = new Map<object, number>();

  readonly onFrameSent = (socket: CountingWebSocket, index: number, data: Uint8Array): void => {
    this.sent(socket, index, data);
  };

  /** A frame sent on `socket` as its `index`-th (1-based). */
  sent(socket: object, index: number, data: Uint8Array): void {
    const update = docUpdateOf(data);
    if (!update) return;
    let frames = this.framesBySocket.get(socket);
    if (!frames) {
      frames = [];
      this.framesBySocket.set(socket, frames);
    }
    frames.push({ index, update });
  }

  /** `[100, n]` arrived on `socket`. */
  acked(socket: object, n: number): void {
    this.ackedBySocket.set(socket, Math.max(n, this.ackedBySocket.get(socket) ?? 0));
  }

  /** Updates acknowledged to `clients` (their acks) and to raw sockets (`acked`). */
  acknowledgedUpdates(clients: readonly Client[] = []): Uint8Array[] {
    for (const client of clients) for (const { socket, n } of client.acksBySocket) this.acked(socket, n);
    const out: Uint8Array[] = [];
    for (const [socket, n] of this.ackedBySocket) {
      for (const frame of this.framesBySocket.get(socket) ?? []) if (frame.index <= n) out.push(frame.update);
    }
    return out;
  }

  /** Actors created by acknowledged frames. */
  acknowledged(clients: readonly Client[]): Set<string> {
    const out = new Set<string>();
    for (const update of this.acknowledgedUpdates(clients))
      for (const key of actorsCreatedBy(update)) out.add(key);
    return out;
  }
}

/** What of `update` the stored doc lacks: structs past its state vector, deletions it has not applied. */
export function missingFrom(stored: Y.Doc, update: Uint8Array): string[] {
  const missing: string[] = [];
  const have = Y.encodeStateVector(stored);
  const storedVector = Y.decodeStateVector(have);
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) {
    if ((storedVector.get(client) ?? 0) < clock) missing.push(`structs of client ${client} up to ${clock}`);
  }
  const deleted = Y.createDeleteSetFromStructStore(stored.store);
  for (const [client, ranges] of Y.decodeUpdate(update).ds.clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len; clock++) {
        if (clock < (storedVector.get(client) ?? 0) && !Y.isDeleted(deleted, Y.createID(client, clock))) {
          missing.push(`deletion of ${client}:${clock}`);
          break;
        }
      }
    }
  }
  return missing;
}

/** The update a sync step 2 or update frame carries. */
function docUpdateOf(data: Uint8Array): Uint8Array | undefined {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
  const decoder = decoding.createDecoder(bytes);
  if (decoding.readVarUint(decoder) !== 0) return undefined;
  const syncType = decoding.readVarUint(decoder);
  if (syncType !== 1 && syncType !== 2) return undefined;
  return decoding.readVarUint8Array(decoder).slice();
}

/** Ids of the actors an update creates (entries of the `actors` root it names). */
function actorsCreatedBy(update: Uint8Array): string[] {
  const { structs } = Y.decodeUpdate(update);
  const keys: string[] = [];
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !struct.parentSub) continue;
    // Decoded updates name a root by its key (a string), which Yjs's types do not declare.
    if ((struct.parent as unknown) === 'actors') keys.push(struct.parentSub);
  }
  return keys;
}
