import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE_INVALID_CONTENT, CLOSE_TOO_BIG } from '../shared/protocol/syncProtocol';
import type { Connection } from './Connection';
import { jsonDepthAtMost } from './jsonDepth';
import type { Limits } from './limits';
import type { Metrics } from './metrics';
import { ProtocolError } from './ProtocolError';
import { awarenessMessage } from './roomMessages';

/** Origin of awareness changes that came from another node through the relay (not published back). */
export const RELAY_ORIGIN = Symbol('relay');

/** An awareness 'update' event's client ids. */
export interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

interface Entry {
  readonly clientId: number;
  readonly clock: number;
  readonly json: string;
}

/**
 * A map's awareness (presence), bounded and owned. Presence is not document content, so it is
 * relayed at once, but it reaches every participant, so nobody may use it to rename, hide or
 * impersonate someone else, to flood the map, or to poison it with a state that breaks encoding:
 *
 * - a connection may set and remove only the states of client ids it introduced itself; an entry
 *   for an id another open connection owns is dropped, and that owner is asked to prove it is alive
 *   (a half-open socket of the same tab would otherwise hold its id until the keep-alive ends it);
 * - removing (a `null` state) an id one does not own is dropped, so a huge clock cannot hide
 *   anyone; when an owner leaves, its ids' clocks are forgotten so the same tab can come back;
 * - caps on ids per connection, states and bytes per map, bytes per connection;
 * - a state nested deeper than `maxAwarenessDepth` closes the socket (checked on the raw JSON,
 *   without recursion, before anything parses it).
 */
export class RoomAwareness {
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  private readonly owners = new Map<number, Connection>();
  /** Ids whose state came from another node (through the relay), until removed or expired. */
  private readonly remote = new Set<number>();
  private readonly bytes = new Map<number, number>();
  private totalBytes = 0;

  constructor(
    private readonly limits: Limits,
    private readonly metrics: Metrics,
    private readonly probeOwner: (owner: Connection) => void,
  ) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ removed }: { removed: number[] }) => {
      for (const id of removed) this.remote.delete(id);
    });
  }

  /** Applies the entries `conn` may make; throws ProtocolError when the message itself is abusive. */
  apply(conn: Connection, update: Uint8Array): void {
    if (update.byteLength > this.limits.maxAwarenessBytes) {
      throw new ProtocolError(CLOSE_TOO_BIG, 'awareness state too large', 'awareness_too_big');
    }
    const accepted: Entry[] = [];
    // One entry at a time, bookkeeping included, so the caps hold within one message too.
    for (const entry of readEntries(update)) {
      if (!jsonDepthAtMost(entry.json, this.limits.maxAwarenessDepth)) {
        throw new ProtocolError(
          CLOSE_INVALID_CONTENT,
          'awareness state nested too deep',
          'awareness_invalid',
        );
      }
      if (!this.allowed(conn, entry)) continue;
      accepted.push(entry);
      const removed = entry.json === 'null';
      const size = removed ? 0 : entry.json.length;
      this.totalBytes += size - (this.bytes.get(entry.clientId) ?? 0);
      if (removed) {
        this.bytes.delete(entry.clientId);
        this.owners.delete(entry.clientId);
        conn.awarenessIds.delete(entry.clientId);
      } else {
        this.bytes.set(entry.clientId, size);
        this.owners.set(entry.clientId, conn);
        conn.awarenessIds.add(entry.clientId);
      }
    }
    if (accepted.length > 0)
      awarenessProtocol.applyAwarenessUpdate(this.awareness, writeEntries(accepted), conn);
  }

  /**
   * Sends a change of the awareness to the room's connections and, when it came from this node's
   * clients (not the relay), to `publish` for the other nodes; what came from there does not go back.
   * The server's own (empty) state is nobody's presence and is not published.
   */
  broadcast(
    { added, updated, removed }: AwarenessChange,
    origin: unknown,
    connections: Iterable<Connection>,
    publish: (update: Uint8Array) => void,
  ): void {
    const ids = [...added, ...updated, ...removed];
    const message = awarenessMessage(this.awareness, ids);
    for (const c of connections) c.send(message);
    const own = ids.filter((id) => id !== this.awareness.clientID);
    if (origin !== RELAY_ORIGIN && own.length > 0) {
      publish(awarenessProtocol.encodeAwarenessUpdate(this.awareness, own));
    }
  }

  /**
   * Applies another node's awareness update (its node enforced the caps and ownership for its own
   * clients). An id a connection here owns stays this connection's; the rest expire with the
   * awareness timeout unless their node renews them, so a node that dies takes its cursors along.
   */
  applyRelayed(update: Uint8Array): void {
    let entries: Entry[];
    try {
      entries = readEntries(update);
    } catch {
      return;
    }
    const foreign = entries.filter(
      (e) => !this.owners.has(e.clientId) && jsonDepthAtMost(e.json, this.limits.maxAwarenessDepth),
    );
    for (const entry of foreign) if (entry.json !== 'null') this.remote.add(entry.clientId);
    if (foreign.length > 0)
      awarenessProtocol.applyAwarenessUpdate(this.awareness, writeEntries(foreign), RELAY_ORIGIN);
  }

  /** Removes what `conn` introduced and forgets the ids' clocks (the same tab may rejoin). */
  leave(conn: Connection): void {
    const ids = [...conn.awarenessIds].filter((id) => this.owners.get(id) === conn);
    conn.awarenessIds.clear();
    if (ids.length === 0) return;
    awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
    for (const id of ids) {
      this.owners.delete(id);
      this.totalBytes -= this.bytes.get(id) ?? 0;
      this.bytes.delete(id);
      this.awareness.meta.delete(id);
    }
  }

  destroy(): void {
    this.awareness.destroy();
  }

  private allowed(conn: Connection, entry: Entry): boolean {
    const owner = this.owners.get(entry.clientId);
    if (owner !== undefined && owner !== conn) {
      this.metrics.reject('awareness_not_owner');
      this.probeOwner(owner);
      return false;
    }
    // Clients echo every state they hear (the stock client does): an id another node introduced
    // stays that node's, unless a newer clock comes in (its tab moved here after its node died).
    if (owner === undefined && this.remote.has(entry.clientId)) {
      if (entry.clock <= (this.awareness.meta.get(entry.clientId)?.clock ?? 0)) return false;
      this.remote.delete(entry.clientId);
    }
    if (entry.json === 'null') {
      // Only an owner removes; an unowned id has no state to remove, and its clock must not move.
      if (owner === undefined) this.metrics.reject('awareness_not_owner');
      return owner === conn;
    }
    const previous = this.bytes.get(entry.clientId) ?? 0;
    const connBytes = [...conn.awarenessIds].reduce((sum, id) => sum + (this.bytes.get(id) ?? 0), 0);
    const fits =
      (owner === conn ||
        (conn.awarenessIds.size < this.limits.maxAwarenessIdsPerConnection &&
          this.owners.size < this.limits.maxAwarenessStatesPerMap)) &&
      this.totalBytes - previous + entry.json.length <= this.limits.maxAwarenessBytesPerMap &&
      connBytes - previous + entry.json.length <= this.limits.maxAwarenessBytes;
    if (!fits) this.metrics.reject('awareness_cap');
    return fits;
  }
}

/** The y-protocols awareness format: count, then (clientId, clock, JSON state) per entry. */
function readEntries(update: Uint8Array): Entry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    entries.push({ clientId, clock, json });
  }
  return entries;
}

function writeEntries(entries: readonly Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}
