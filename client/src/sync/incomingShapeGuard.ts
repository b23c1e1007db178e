import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { checkUpdateShape, type ShapeVerdict } from '../../../shared/model/docShape';
import { rootsOfRoom } from '../../../shared/model/roomRoots';
import { MESSAGE_SYNC } from '../../../shared/protocol/syncProtocol';
import type { UpdateListener } from '../persistence/applyUnheard';
import { docPerfMark } from '../persistence/perfMark';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Where a checked sync step 2 is stored as it came (`DocPersistence.applyChecked`). */
export interface CheckedUpdateStore {
  applyChecked(
    update: Uint8Array,
    ends: ReadonlyMap<number, number>,
    apply: () => void,
    quiet: readonly UpdateListener[],
  ): void;
}

export interface GuardOptions {
  /** Stores each checked sync step 2 with its own bytes (no encode of it again for the store). */
  store?: CheckedUpdateStore;
  /** The doc's other `update` listeners that ignore what the provider applies (its sender). */
  quiet?: () => readonly UpdateListener[];
}

/**
 * Checks every document update the server sends (sync step 2 and updates) against the KetenKaart
 * document shape before y-websocket applies it. A map poisoned on the server (stored before the
 * server checked, or by a broken server) must not hang or corrupt every participant's tab: a refused
 * update is not applied, and `onRefused` hears about it (the session disconnects and tells the user).
 * The check is linear in the update's size; what the rules refuse is what would cost Yjs far more.
 * A sync step 2 that passes is applied through `options.store` when there is one, which stores the
 * checked bytes themselves.
 */
export function guardIncomingUpdates(
  provider: WebsocketProvider,
  onRefused: (verdict: Extract<ShapeVerdict, { ok: false }>) => void,
  options: GuardOptions = {},
): void {
  const apply = provider.messageHandlers[MESSAGE_SYNC];
  if (!apply) return;
  const roots = rootsOfRoom(provider.roomname);
  const mark = (name: string) => docPerfMark(provider.roomname, name);
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, handlerProvider, emitSynced, messageType) => {
    const applyHere = () => apply(encoder, decoder, handlerProvider, emitSynced, messageType);
    const peek = decoding.clone(decoder);
    const syncType = decoding.readVarUint(peek);
    if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) {
      applyHere();
      return;
    }
    if (syncType === SYNC_STEP_2) mark('step2-received');
    const update = decoding.readVarUint8Array(peek);
    const verdict = checkUpdateShape(update, provider.doc, undefined, roots);
    if (!verdict.ok) {
      onRefused(verdict);
      return;
    }
    if (syncType === SYNC_UPDATE) {
      applyHere();
      return;
    }
    mark('step2-checked');
    if (options.store) options.store.applyChecked(update, verdict.ends, applyHere, options.quiet?.() ?? []);
    else applyHere();
    mark('step2-applied');
  };
}
