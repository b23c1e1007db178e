import { MESSAGE_SYNC } from '../../../shared/protocol/syncProtocol';

/** y-protocols sync sub-types that carry document content (step 2 and update). */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export interface FrameCounter {
  /** Called for every binary frame sent, with its 1-based index on this socket. */
  onFrameSent(socket: WebSocket, index: number, carriesDocChanges: boolean): void;
}

/**
 * Builds a WebSocket class for y-websocket's `WebSocketPolyfill` option that numbers every frame it
 * sends. The server's storage acknowledgement (`MESSAGE_STORED n`) refers to these numbers, so the
 * count must include every frame (awareness too) and restart at 1 on each new socket.
 */
export function countingWebSocket(
  counter: FrameCounter,
  Base: typeof WebSocket = WebSocket,
): typeof WebSocket {
  class CountingWebSocket extends Base {
    private sentFrames = 0;

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      super.send(data);
      this.sentFrames++;
      counter.onFrameSent(this, this.sentFrames, carriesDocChanges(data));
    }
  }
  return CountingWebSocket;
}

/** Whether a y-websocket frame is a sync step 2 or an update (both single-byte varUints here). */
export function carriesDocChanges(data: unknown): boolean {
  let bytes: Uint8Array | null = null;
  if (data instanceof Uint8Array) bytes = data;
  else if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
  else if (ArrayBuffer.isView(data)) bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (!bytes || bytes.length < 2) return false;
  return bytes[0] === MESSAGE_SYNC && (bytes[1] === SYNC_STEP_2 || bytes[1] === SYNC_UPDATE);
}
