import { compareIds } from '../compareIds';
import type { ValueRoot } from '../layout';
import type { Dismissal } from '../types';

/**
 * The dismissal record: an analysis finding a participant set aside, with the reason. Stored as a
 * plain value in the dismissals root under the finding's key, so peers dismissing the same finding
 * converge on one entry.
 */

export function newDismissal(reason: string, by: string, at: number): Omit<Dismissal, 'key'> {
  return { reason, by, at };
}

export function parseDismissal(key: string, value: unknown): Dismissal | null {
  if (typeof value !== 'object' || value === null) return null;
  const d = value as Partial<Dismissal>;
  return {
    key,
    reason: typeof d.reason === 'string' ? d.reason : '',
    by: typeof d.by === 'string' ? d.by : '',
    at: typeof d.at === 'number' ? d.at : 0,
  };
}

/** Every dismissal, by key. */
export function readDismissals(root: ValueRoot): Dismissal[] {
  const out: Dismissal[] = [];
  for (const [key, value] of root.entries()) {
    const d = parseDismissal(key, value);
    if (d) out.push(d);
  }
  return out.sort((a, b) => compareIds(a.key, b.key));
}
