import type { AckTracker } from './AckTracker';
import type { Connection, Frame } from './Connection';
import type { ApplyResult } from './docs/docMessages';
import type { Metrics } from './metrics';
import { SYNC_STEP_2, SYNC_UPDATE, syncMessage } from './roomMessages';
import type { SuspectAddresses } from './SuspectAddresses';

/** A message to send once the batch it came from is committed. */
export interface Outgoing {
  message: Uint8Array;
  /** Unicast when set; otherwise broadcast to every connection except `except`. */
  to?: Connection;
  except?: Connection;
}

/** Per frame of a batch; undefined for a call of the server's own (no connection to answer or ack). */
export type Senders = ReadonlyArray<{ conn: Connection; frame: Frame } | undefined>;

/**
 * What a batch's results send once its changes are committed: answers to their asker, updates to
 * everyone but their sender (or to the sender too), and the acks they make due. A refused frame
 * closes its sender at once (it sent nothing that was stored).
 */
export function outboxOf(
  result: ApplyResult,
  senders: Senders,
  room: { acks: AckTracker; metrics: Metrics; suspects: SuspectAddresses },
): Outgoing[] {
  const outbox: Outgoing[] = [];
  result.results.forEach((r, i) => {
    const sender = senders[i];
    if (!sender) return;
    const { conn, frame } = sender;
    if (r.kind === 'answer') {
      outbox.push({ to: conn, message: syncMessage(SYNC_STEP_2, r.update) });
    } else if (r.kind === 'applied') {
      if (r.changed) room.metrics.updatesIn++;
      if (conn.wantsAck) room.acks.processedUpTo(conn, frame.index);
      // Tracked for every sender, asking for acks or not: held content dropped means a resync.
      if (r.held) room.acks.hold(conn, frame.index);
    } else if (r.kind === 'refused') {
      room.metrics.reject(r.reason === 'malformed' ? 'malformed' : r.reason);
      room.suspects.mark(conn.address);
      conn.log.warn({ reason: r.reason }, r.message);
      conn.close(r.code, r.message);
    }
  });
  for (const emitted of result.emitted) {
    const sender = senders[emitted.frame]?.conn;
    outbox.push({
      message: syncMessage(SYNC_UPDATE, emitted.update),
      except: emitted.toSenderToo ? undefined : sender,
    });
  }
  return outbox;
}

/** Sends a committed batch's messages to the room's connections. */
export function sendOutbox(
  outbox: readonly Outgoing[],
  connections: Iterable<Connection>,
  metrics: Metrics,
): void {
  for (const item of outbox) {
    if (item.to) {
      item.to.send(item.message);
      continue;
    }
    for (const conn of connections) {
      if (conn === item.except) continue;
      conn.send(item.message);
      metrics.updatesOut++;
    }
  }
}
