import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MESSAGE_AWARENESS, MESSAGE_STORED, MESSAGE_SYNC } from '../shared/protocol/syncProtocol';

/** y-protocols sync message types. */
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

const encodeMessage = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

/** `[sync, type, payload]`: a state vector (step 1) or an update (step 2, update). */
export const syncMessage = (type: number, payload: Uint8Array): Uint8Array =>
  encodeMessage((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, type);
    encoding.writeVarUint8Array(e, payload);
  });

export const awarenessMessage = (awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array =>
  encodeMessage((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  });

/** `[100, n]`: the first `n` frames of this socket are processed and their changes committed. */
export const storedMessage = (n: number): Uint8Array =>
  encodeMessage((e) => {
    encoding.writeVarUint(e, MESSAGE_STORED);
    encoding.writeVarUint(e, n);
  });

/** Whether a received frame is a sync step 1 (each answer may encode the whole document). */
export const isSyncStep1 = (frame: Uint8Array): boolean =>
  frame.length > 1 && frame[0] === MESSAGE_SYNC && frame[1] === SYNC_STEP_1;
