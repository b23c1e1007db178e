import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { Client, CountingWebSocket } from '../test/helpers';

/**
 * The ack as an oracle: which actors a client was told are stored. Every document frame a client
 * sends is decoded for the actors it creates; `[100, n]` on a socket covers the frames up to `n` of
 * that socket, so the actors they carried must be in storage from then on, whatever happens to the
 * server. Use `onFrameSent` as the client's `onFrameSent` option.
 */
export class AckOracle {
  private readonly framesBySocket = new Map<CountingWebSocket, Array<{ index: number; keys: string[] }>>();

  readonly onFrameSent = (socket: CountingWebSocket, index: number, data: Uint8Array): void => {
    const keys = actorsCreatedBy(data);
    if (keys.length === 0) return;
    let frames = this.framesBySocket.get(socket);
    if (!frames) {
      frames = [];
      this.framesBySocket.set(socket, frames);
    }
    frames.push({ index, keys });
  };

  /** Actors whose frames the server acknowledged to `clients`. */
  acknowledged(clients: readonly Client[]): Set<string> {
    const out = new Set<string>();
    for (const client of clients) {
      for (const { socket, n } of client.acksBySocket) {
        for (const frame of this.framesBySocket.get(socket) ?? []) {
          if (frame.index <= n) for (const key of frame.keys) out.add(key);
        }
      }
    }
    return out;
  }
}

/** Ids of the actors a sync step 2 or update frame creates (entries of the `actors` root it names). */
function actorsCreatedBy(data: Uint8Array): string[] {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
  const decoder = decoding.createDecoder(bytes);
  if (decoding.readVarUint(decoder) !== 0) return [];
  const syncType = decoding.readVarUint(decoder);
  if (syncType !== 1 && syncType !== 2) return [];
  const { structs } = Y.decodeUpdate(decoding.readVarUint8Array(decoder));
  const keys: string[] = [];
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !struct.parentSub) continue;
    // Decoded updates name a root by its key (a string), which Yjs's types do not declare.
    if ((struct.parent as unknown) === 'actors') keys.push(struct.parentSub);
  }
  return keys;
}
