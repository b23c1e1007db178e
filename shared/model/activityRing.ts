import { compareIds } from './compareIds';
import type { ValueRoot } from './layout';
import { parseActivity } from './records/activityEntry';
import type { ActivityEntry } from './types';

/** Entries kept per author. */
export const ACTIVITY_SLOTS = 50;
/** Repeated edits of one element by one person within this time overwrite that person's last entry. */
const COALESCE_MS = 60_000;

type Slot = { readonly slot: number; readonly entry: ActivityEntry };

/**
 * The activity feed: a ring of ACTIVITY_SLOTS entries per author in a value root, keyed
 * `<slot>:<author>`. Writing is a single key overwrite (constant time, no array walk over
 * tombstones), and the feed stays bounded per author. Two tabs of one author may pick the same slot
 * concurrently; the map keeps one of the two entries, which is acceptable for a feed.
 *
 * Writes happen inside the caller's transaction; this class never opens one.
 */
export class ActivityRing {
  /** Per author: the newest slot and entry this instance knows of (scanned once, then kept). */
  private readonly cursor = new Map<string, Slot | null>();

  constructor(private readonly root: ValueRoot) {}

  /** Most recent first, across all authors. */
  entries(limit: number): ActivityEntry[] {
    const out: ActivityEntry[] = [];
    for (const value of this.root.values()) {
      const e = parseActivity(value);
      if (e) out.push(e);
    }
    return out.sort((a, b) => b.at - a.at || compareIds(a.id, b.id)).slice(0, limit);
  }

  /**
   * Stamps an element change. A repeated edit of the same element by the same person within a
   * minute overwrites that person's previous entry (an add followed by edits stays an add), so
   * typing does not grow the feed.
   */
  noteChange(entry: ActivityEntry): void {
    const last = this.latestOwn(entry.by);
    const coalesce =
      last !== null &&
      last.entry.id === entry.id &&
      (last.entry.op === entry.op || (last.entry.op === 'add' && entry.op === 'update')) &&
      entry.at - last.entry.at < COALESCE_MS;
    this.write(coalesce ? { ...entry, op: last.entry.op } : entry, coalesce);
  }

  /** Adds an entry in the author's next slot. */
  record(entry: ActivityEntry): void {
    this.write(entry, false);
  }

  private write(entry: ActivityEntry, overwriteLast: boolean): void {
    const last = this.latestOwn(entry.by);
    const slot = overwriteLast && last ? last.slot : last ? (last.slot + 1) % ACTIVITY_SLOTS : 0;
    // Strictly increasing per author, so that entries made in the same millisecond keep their order.
    const stamped =
      last && !overwriteLast && entry.at <= last.entry.at ? { ...entry, at: last.entry.at + 1 } : entry;
    this.root.set(`${slot}:${entry.by}`, stamped);
    this.cursor.set(entry.by, { slot, entry: stamped });
  }

  private latestOwn(by: string): Slot | null {
    const cached = this.cursor.get(by);
    if (cached !== undefined) return cached;
    let latest: Slot | null = null;
    for (const [key, value] of this.root.entries()) {
      const separator = key.indexOf(':');
      if (key.slice(separator + 1) !== by) continue;
      const entry = parseActivity(value);
      const slot = Number(key.slice(0, separator));
      if (entry && Number.isInteger(slot) && (!latest || entry.at > latest.entry.at))
        latest = { slot, entry };
    }
    this.cursor.set(by, latest);
    return latest;
  }
}
