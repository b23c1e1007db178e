import * as decoding from 'lib0/decoding';
import {
  CLOSE_PROTOCOL_ERROR,
  CLOSE_TOO_MANY_MESSAGES,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
} from '../shared/protocol/syncProtocol';
import type { Connection, Frame } from './Connection';
import type { DocFrame } from './docs/docMessages';
import type { Metrics } from './metrics';
import { ProtocolError } from './ProtocolError';
import type { RoomAwareness } from './RoomAwareness';
import { awarenessMessage, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from './roomMessages';
import type { SuspectAddresses } from './SuspectAddresses';

/**
 * Reads one frame of a room's connection. Awareness is handled at once (it carries no document
 * content); a document frame is returned for the doc worker, its payload copied to exactly its bytes
 * (it is posted to the worker). Throws ProtocolError for what the protocol does not allow, including
 * more sync step 1 requests (each answered with an encoding of the document) than the connection's
 * budget. Document frames of read-only connections are dropped.
 */
export function readFrame(
  conn: Connection,
  frame: Frame,
  presence: RoomAwareness,
  metrics: Metrics,
): DocFrame | undefined {
  const decoder = decoding.createDecoder(frame.data);
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE_AWARENESS) {
    presence.apply(conn, decoding.readVarUint8Array(decoder));
    return undefined;
  }
  if (type === MESSAGE_QUERY_AWARENESS) {
    conn.send(awarenessMessage(presence.awareness, [...presence.awareness.getStates().keys()]));
    return undefined;
  }
  if (type !== MESSAGE_SYNC) {
    throw new ProtocolError(CLOSE_PROTOCOL_ERROR, `unknown message type ${type}`, 'unknown_type');
  }
  const syncType = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder).slice();
  if (syncType === SYNC_STEP_1) {
    if (!conn.takeSyncAnswer()) {
      throw new ProtocolError(CLOSE_TOO_MANY_MESSAGES, 'too many sync requests', 'sync_answers');
    }
    return { kind: 'step1', conn: conn.id, stateVector: payload };
  }
  if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) {
    throw new ProtocolError(CLOSE_PROTOCOL_ERROR, `unknown sync message type ${syncType}`, 'unknown_type');
  }
  if (!conn.writes) {
    metrics.reject('read_only');
    return undefined;
  }
  // The doc worker's shape check knows which roots the sender's role may write.
  return {
    kind: 'update',
    conn: conn.id,
    update: payload,
    writer: conn.role === 'participate' ? 'participate' : 'edit',
  };
}

/** Closes the connection whose frame `readFrame` refused; its address becomes suspect. */
export function refuseFrame(
  conn: Connection,
  err: unknown,
  metrics: Metrics,
  suspects: SuspectAddresses,
): void {
  if (err instanceof ProtocolError) {
    metrics.reject(err.reason);
    conn.log.warn({ reason: err.reason }, err.message);
    if (err.reason !== 'sync_answers') suspects.mark(conn.address);
    conn.close(err.closeCode, err.message);
    return;
  }
  metrics.reject('malformed');
  conn.log.warn({ err }, 'malformed message');
  suspects.mark(conn.address);
  conn.close(CLOSE_PROTOCOL_ERROR, 'malformed message');
}
