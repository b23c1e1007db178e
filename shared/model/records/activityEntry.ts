import type { ActivityEntry } from '../types';

/** One line of the activity feed, as stored (a plain value in the activity root). */

const OPS: readonly ActivityEntry['op'][] = ['add', 'update', 'delete', 'restore', 'layout'];
const COLLECTIONS: readonly ActivityEntry['collection'][] = ['actors', 'links', 'notes', 'phases', 'map'];

/** Longest label an entry keeps. */
export const ACTIVITY_LABEL_LENGTH = 80;

export function parseActivity(value: unknown): ActivityEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Partial<ActivityEntry>;
  if (typeof e.at !== 'number' || typeof e.id !== 'string') return null;
  if (!e.op || !OPS.includes(e.op)) return null;
  if (!e.collection || !COLLECTIONS.includes(e.collection)) return null;
  return {
    at: e.at,
    by: typeof e.by === 'string' ? e.by : '',
    op: e.op,
    collection: e.collection,
    id: e.id,
    label: typeof e.label === 'string' ? e.label : '',
  };
}
