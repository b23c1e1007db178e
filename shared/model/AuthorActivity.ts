import { ActivityRing } from './activityRing';
import { fieldValue } from './elementFields';
import { type DocLayout, elementOf } from './layout';
import { ACTIVITY_LABEL_LENGTH } from './records/activityEntry';
import type { ActivityEntry, ElementCollection } from './types';

/**
 * Who writes through one ChainMap, and the activity entries stamped in their name. The author is
 * this instance's own state (each tab says who is typing), never the doc's; without one, nothing is
 * recorded, so tools and migrations leave no trace in the feed. Every write happens inside the
 * caller's transaction.
 */
export class AuthorActivity {
  private readonly ring: ActivityRing;
  private author: string | null = null;

  constructor(private readonly layout: DocLayout) {
    this.ring = new ActivityRing(layout.activityLog);
  }

  /** A blank name counts as none: an entry must say who made it. */
  setAuthor(name: string | null): void {
    this.author = name?.trim() ? name.trim() : null;
  }

  getAuthor(): string | null {
    return this.author;
  }

  /** Most recent first, across all authors. */
  entries(limit: number): ActivityEntry[] {
    return this.ring.entries(limit);
  }

  /** A bulk action (restore, layout, import) as one entry; an unnamed author is recorded as ''. */
  record(op: ActivityEntry['op'], collection: ActivityEntry['collection'], id: string, label: string): void {
    this.ring.record({ at: Date.now(), by: this.author ?? '', op, collection, id, label });
  }

  /** Stamps an element change, labelled with the element's name (or a note's text) as it now reads. */
  noteChange(op: ActivityEntry['op'], collection: ElementCollection, id: string): void {
    if (this.author === null) return;
    const element = elementOf(this.layout[collection], id);
    const rawLabel = fieldValue(collection, element, collection === 'notes' ? 'text' : 'label');
    const label = typeof rawLabel === 'string' ? rawLabel.slice(0, ACTIVITY_LABEL_LENGTH) : '';
    this.ring.noteChange({ at: Date.now(), by: this.author, op, collection, id, label });
  }
}
