import {
  type Actor,
  type ChainMapState,
  NOTE_KINDS,
  NOTE_STATUSES,
  type Note,
  type NoteKind,
  type NoteStatus,
  PRIORITIES,
  REGIE_LEVELS,
} from '../../../shared/model/types';

/**
 * The action plan ("Actieplan"): every quick-win, gap and action of a map as rows that can be
 * filtered, sorted and grouped. Framework-free; the table and the print document render its output.
 */

export interface PlanRow {
  readonly note: Note;
  /** The owner as people read it: an actor's name when the owner is an actor id, else the name typed. */
  readonly ownerLabel: string;
  /** What the note is attached to (actor name, or "A → B" for a link); '' for a free card. */
  readonly anchorLabel: string;
}

export type PlanGroupBy = 'phase' | 'regie';
export type PlanSortKey = 'kind' | 'text' | 'status' | 'owner' | 'due' | 'priority' | 'anchor';
export interface PlanSort {
  readonly key: PlanSortKey;
  readonly direction: 'asc' | 'desc';
}

export interface PlanFilter {
  /** Empty: every kind. */
  readonly kinds: readonly NoteKind[];
  /** Empty: every status. */
  readonly statuses: readonly NoteStatus[];
  /** An owner label to match exactly; '' for every owner. */
  readonly owner: string;
  /** Free text, matched against text, owner and anchor (case- and accent-insensitive). */
  readonly text: string;
}

export const EMPTY_PLAN_FILTER: PlanFilter = { kinds: [], statuses: [], owner: '', text: '' };

export interface PlanGroup {
  /** A phase id or regie level; null for items without one (listed last). */
  readonly key: string | null;
  /** The phase's label; for regie groups the level itself (the view translates it). */
  readonly label: string;
  readonly rows: readonly PlanRow[];
}

/** The owner of a note as a person reads it. */
export function ownerLabel(owner: string, actorsById: ReadonlyMap<string, Actor>): string {
  const actor = actorsById.get(owner);
  return actor ? actor.label : owner.trim();
}

export function planRows(state: ChainMapState): PlanRow[] {
  const actorsById = new Map(state.actors.map((a) => [a.id, a]));
  const linksById = new Map(state.links.map((l) => [l.id, l]));
  return state.notes.map((note) => {
    let anchorLabel = '';
    if (note.anchor?.type === 'actor') anchorLabel = actorsById.get(note.anchor.id)?.label ?? '';
    else if (note.anchor?.type === 'link') {
      const link = linksById.get(note.anchor.id);
      if (link)
        anchorLabel = `${actorsById.get(link.source)?.label ?? ''} → ${actorsById.get(link.target)?.label ?? ''}`;
    }
    return { note, ownerLabel: ownerLabel(note.owner, actorsById), anchorLabel };
  });
}

/** Lower case without accents, so "Jose" finds "José". */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

export function filterPlanRows(rows: readonly PlanRow[], filter: PlanFilter): PlanRow[] {
  const text = normalise(filter.text);
  return rows.filter(
    (r) =>
      (filter.kinds.length === 0 || filter.kinds.includes(r.note.kind)) &&
      (filter.statuses.length === 0 || filter.statuses.includes(r.note.status)) &&
      (filter.owner === '' || r.ownerLabel === filter.owner) &&
      (text === '' || normalise(`${r.note.text} ${r.ownerLabel} ${r.anchorLabel}`).includes(text)),
  );
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** Compares two rows on one column; empty values always sort last, whatever the direction. */
function compareOn(key: PlanSortKey, a: PlanRow, b: PlanRow): { empty: number; order: number } {
  const emptyOrder = (x: boolean, y: boolean) => (x === y ? 0 : x ? 1 : -1);
  switch (key) {
    case 'kind':
      return { empty: 0, order: NOTE_KINDS.indexOf(a.note.kind) - NOTE_KINDS.indexOf(b.note.kind) };
    case 'status':
      return { empty: 0, order: NOTE_STATUSES.indexOf(a.note.status) - NOTE_STATUSES.indexOf(b.note.status) };
    case 'priority': {
      // High first when ascending: that is the order people read a plan in.
      const rank = (r: PlanRow) => (r.note.priority ? 2 - PRIORITIES.indexOf(r.note.priority) : -1);
      return {
        empty: emptyOrder(a.note.priority === null, b.note.priority === null),
        order: rank(a) - rank(b),
      };
    }
    case 'due':
      return {
        empty: emptyOrder(a.note.due === '', b.note.due === ''),
        order: a.note.due < b.note.due ? -1 : a.note.due > b.note.due ? 1 : 0,
      };
    case 'owner':
      return {
        empty: emptyOrder(a.ownerLabel === '', b.ownerLabel === ''),
        order: collator.compare(a.ownerLabel, b.ownerLabel),
      };
    case 'anchor':
      return {
        empty: emptyOrder(a.anchorLabel === '', b.anchorLabel === ''),
        order: collator.compare(a.anchorLabel, b.anchorLabel),
      };
    case 'text':
      return {
        empty: emptyOrder(a.note.text.trim() === '', b.note.text.trim() === ''),
        order: collator.compare(a.note.text, b.note.text),
      };
  }
}

/** Stable, deterministic sort: ties fall back to the note id. */
export function sortPlanRows(rows: readonly PlanRow[], sort: PlanSort): PlanRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const { empty, order } = compareOn(sort.key, a, b);
    if (empty !== 0) return empty;
    if (order !== 0) return sign * order;
    return a.note.id < b.note.id ? -1 : a.note.id > b.note.id ? 1 : 0;
  });
}

/**
 * Groups rows by phase (in lane order) or by regie level (in the order zelf → intergemeentelijk);
 * items without one come last. Empty groups are left out. Rows keep their order within a group.
 */
export function groupPlanRows(rows: readonly PlanRow[], by: PlanGroupBy, state: ChainMapState): PlanGroup[] {
  const keys: { key: string; label: string }[] =
    by === 'phase'
      ? state.phases.map((p) => ({ key: p.id, label: p.label }))
      : REGIE_LEVELS.map((level) => ({ key: level, label: level }));
  const known = new Set(keys.map((k) => k.key));
  const buckets = new Map<string | null, PlanRow[]>();
  for (const row of rows) {
    const raw = by === 'phase' ? row.note.phaseId : row.note.regie;
    const key = raw !== null && known.has(raw) ? raw : null;
    buckets.set(key, [...(buckets.get(key) ?? []), row]);
  }
  const groups: PlanGroup[] = [];
  for (const { key, label } of keys) {
    const bucket = buckets.get(key);
    if (bucket) groups.push({ key, label, rows: bucket });
  }
  const rest = buckets.get(null);
  if (rest) groups.push({ key: null, label: '', rows: rest });
  return groups;
}

export function statusCounts(notes: readonly Note[]): Record<NoteStatus, number> {
  const counts: Record<NoteStatus, number> = { open: 0, inProgress: 0, done: 0 };
  for (const n of notes) counts[n.status]++;
  return counts;
}

/** Distinct owner labels, sorted, for the owner filter. */
export function ownerChoices(rows: readonly PlanRow[]): string[] {
  return [...new Set(rows.map((r) => r.ownerLabel).filter(Boolean))].sort(collator.compare);
}
