import type { Connection } from './Connection';

/**
 * What `[100, n]` may say per connection: `n` is the highest frame index whose frame and every frame
 * before it were processed and whose changes are committed. A frame whose content Yjs held back
 * (pending) is not committed, so it caps the connection's acks below it until that content is
 * integrated and stored ("released") or dropped (the connection is then closed to resync).
 *
 * Usage per batch: `processed` for every doc frame as the worker answers, `hold`/`release` as it
 * reports held-back content, then after the batch's commit `due()` lists the acks to send.
 */
export class AckTracker {
  private readonly processed = new Map<Connection, number>();
  private readonly heldFrom = new Map<Connection, number>();
  private readonly sent = new Map<Connection, number>();
  private readonly touched = new Set<Connection>();

  /** A doc frame of `conn` was processed (applied, answered or dropped as read-only). */
  processedUpTo(conn: Connection, index: number): void {
    if (index > (this.processed.get(conn) ?? 0)) this.processed.set(conn, index);
    this.touched.add(conn);
  }

  /** Frame `index` of `conn` was held back: no ack may reach it until it is released. */
  hold(conn: Connection, index: number): void {
    if (!this.heldFrom.has(conn)) this.heldFrom.set(conn, index);
  }

  release(conn: Connection): void {
    if (this.heldFrom.delete(conn)) this.touched.add(conn);
  }

  isHolding(conn: Connection): boolean {
    return this.heldFrom.has(conn);
  }

  holders(): Connection[] {
    return [...this.heldFrom.keys()];
  }

  forget(conn: Connection): void {
    this.processed.delete(conn);
    this.heldFrom.delete(conn);
    this.sent.delete(conn);
    this.touched.delete(conn);
  }

  /** Acks to send now that the batch is committed: the highest new `n` per connection. */
  due(): Array<[Connection, number]> {
    const out: Array<[Connection, number]> = [];
    for (const conn of this.touched) {
      const processed = this.processed.get(conn) ?? 0;
      const held = this.heldFrom.get(conn);
      const n = held === undefined ? processed : Math.min(processed, held - 1);
      if (n > (this.sent.get(conn) ?? 0)) {
        this.sent.set(conn, n);
        out.push([conn, n]);
      }
    }
    this.touched.clear();
    return out;
  }
}
