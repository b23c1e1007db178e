import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { checkUpdateShape, type ShapeVerdict } from '../../../shared/model/docShape';
import { rootsOfRoom } from '../../../shared/model/roomRoots';
import { MESSAGE_SYNC } from '../../../shared/protocol/syncProtocol';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * Checks every document update the server sends (sync step 2 and updates) against the KetenKaart
 * document shape before y-websocket applies it. A map poisoned on the server (stored before the
 * server checked, or by a broken server) must not hang or corrupt every participant's tab: a refused
 * update is not applied, and `onRefused` hears about it (the session disconnects and tells the user).
 * The check is linear in the update's size; what the rules refuse is what would cost Yjs far more.
 */
export function guardIncomingUpdates(
  provider: WebsocketProvider,
  onRefused: (verdict: Extract<ShapeVerdict, { ok: false }>) => void,
): void {
  const apply = provider.messageHandlers[MESSAGE_SYNC];
  if (!apply) return;
  const roots = rootsOfRoom(provider.roomname);
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, handlerProvider, emitSynced, messageType) => {
    const peek = decoding.clone(decoder);
    const syncType = decoding.readVarUint(peek);
    if (syncType === SYNC_STEP_2 || syncType === SYNC_UPDATE) {
      const verdict = checkUpdateShape(decoding.readVarUint8Array(peek), provider.doc, undefined, roots);
      if (!verdict.ok) {
        onRefused(verdict);
        return;
      }
    }
    apply(encoder, decoder, handlerProvider, emitSynced, messageType);
  };
}
