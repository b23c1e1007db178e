import type { AckTracker } from './AckTracker';
import type { Connection, Frame } from './Connection';
import type { ApplyResult } from './docs/docMessages';
import type { Metrics } from './metrics';
import { SYNC_STEP_2, SYNC_UPDATE, storedMessage, syncMessage } from './roomMessages';
import type { SuspectAddresses } from './SuspectAddresses';

/** A message a batch produced; unicast when `to` is set, else to every connection but `except`. */
export interface Outgoing {
  message: Uint8Array;
  to?: Connection;
  except?: Connection;
}

export interface Sender {
  conn: Connection;
  frame: Frame;
}

export interface OutboxDeps {
  acks: AckTracker;
  metrics: Metrics;
  suspects: SuspectAddresses;
}

/**
 * What a batch's results owe the clients: sync step 2 answers and the emitted updates, to be sent only
 * once the batch's changes are committed (nothing here is sent). Acks are recorded, refused frames'
 * senders closed at once (a refusal carries no content).
 */
export function outboxOf(result: ApplyResult, senders: readonly Sender[], deps: OutboxDeps): Outgoing[] {
  const outbox: Outgoing[] = [];
  result.results.forEach((r, i) => {
    const sender = senders[i];
    if (!sender) return;
    const { conn, frame } = sender;
    if (r.kind === 'answer') {
      outbox.push({ to: conn, message: syncMessage(SYNC_STEP_2, r.update) });
    } else if (r.kind === 'applied') {
      if (r.changed) deps.metrics.updatesIn++;
      if (conn.wantsAck) deps.acks.processedUpTo(conn, frame.index);
      // Tracked for every sender, asking for acks or not: held content dropped means a resync.
      if (r.held) deps.acks.hold(conn, frame.index);
    } else if (r.kind === 'refused') {
      deps.metrics.reject(r.reason === 'malformed' ? 'malformed' : r.reason);
      deps.suspects.mark(conn.address);
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

/** Sends the outbox (after the commit), then the acks that became due. */
export function deliver(
  outbox: readonly Outgoing[],
  connections: Iterable<Connection>,
  deps: Pick<OutboxDeps, 'acks' | 'metrics'>,
): void {
  for (const item of outbox) {
    if (item.to) {
      item.to.send(item.message);
      continue;
    }
    for (const conn of connections) {
      if (conn === item.except) continue;
      conn.send(item.message);
      deps.metrics.updatesOut++;
    }
  }
  for (const [conn, n] of deps.acks.due()) conn.send(storedMessage(n));
}
