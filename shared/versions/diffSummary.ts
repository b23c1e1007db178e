import type { Link, Note, NoteKind } from '../model/types';
import type { ContentDiff, ElementChange } from './diffVersions';

/** Every kind of count the compare summary can show; the catalogues word each (shared/i18n/<locale>/versions.ts). */
export const SUMMARY_KEYS = [
  'titleChanged',
  'municipalityChanged',
  'phasesAdded',
  'phasesRemoved',
  'phasesRenamed',
  'phasesReordered',
  'actorsAdded',
  'actorsRemoved',
  'actorsChanged',
  'actorsMoved',
  'linksAdded',
  'linksRemoved',
  'handoversWarmed',
  'handoversCooled',
  'linksChanged',
  'quickWinsAdded',
  'gapsAdded',
  'actionsAdded',
  'notesRemoved',
  'quickWinsDone',
  'gapsDone',
  'actionsDone',
  'notesChanged',
  'notesMoved',
] as const;
export type SummaryKey = (typeof SUMMARY_KEYS)[number];

export interface SummaryItem {
  readonly key: SummaryKey;
  readonly count: number;
  /** Extra values for the message, e.g. the new title. `count` is always available as {count}. */
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * Counts a diff in plain language, in SUMMARY_KEYS order, leaving out zero counts. Each changed
 * element is counted once, under its most telling change:
 *   actors — edited (any field but position) → actorsChanged, else → actorsMoved;
 *   links  — warmth cold→warm → handoversWarmed, warm→cold → handoversCooled, else → linksChanged;
 *   notes  — status became done → quickWinsDone / gapsDone / actionsDone by kind, else edited →
 *            notesChanged, else → notesMoved;
 *   phases — label changed → phasesRenamed; and each reordered phase → phasesReordered.
 */
export function summarizeDiff(diff: ContentDiff): SummaryItem[] {
  const counts = new Map<SummaryKey, number>();
  const params = new Map<SummaryKey, Record<string, string | number>>();
  const add = (key: SummaryKey, n = 1) => counts.set(key, (counts.get(key) ?? 0) + n);

  for (const change of diff.meta) {
    const key = change.field === 'title' ? 'titleChanged' : 'municipalityChanged';
    add(key);
    params.set(key, { before: change.before, after: change.after });
  }

  add('phasesAdded', diff.phases.added.length);
  add('phasesRemoved', diff.phases.removed.length);
  add('phasesRenamed', diff.phases.changed.filter((c) => c.fields.some((f) => f.field === 'label')).length);
  add('phasesReordered', diff.reorderedPhaseIds.length);

  add('actorsAdded', diff.actors.added.length);
  add('actorsRemoved', diff.actors.removed.length);
  for (const c of diff.actors.changed) add(c.edited ? 'actorsChanged' : 'actorsMoved');

  add('linksAdded', diff.links.added.length);
  add('linksRemoved', diff.links.removed.length);
  for (const c of diff.links.changed) add(linkKey(c));

  for (const n of diff.notes.added) add(NOTE_ADDED[n.kind]);
  add('notesRemoved', diff.notes.removed.length);
  for (const c of diff.notes.changed) add(noteKey(c));

  return SUMMARY_KEYS.filter((key) => (counts.get(key) ?? 0) > 0).map((key) => ({
    key,
    count: counts.get(key)!,
    params: params.get(key) ?? {},
  }));
}

const NOTE_ADDED: Record<NoteKind, SummaryKey> = {
  quickWin: 'quickWinsAdded',
  gap: 'gapsAdded',
  action: 'actionsAdded',
};
const NOTE_DONE: Record<NoteKind, SummaryKey> = {
  quickWin: 'quickWinsDone',
  gap: 'gapsDone',
  action: 'actionsDone',
};

function linkKey(c: ElementChange<Link>): SummaryKey {
  if (c.before.warmth === 'cold' && c.after.warmth === 'warm') return 'handoversWarmed';
  if (c.before.warmth === 'warm' && c.after.warmth === 'cold') return 'handoversCooled';
  return 'linksChanged';
}

function noteKey(c: ElementChange<Note>): SummaryKey {
  if (c.before.status !== 'done' && c.after.status === 'done') return NOTE_DONE[c.after.kind];
  return c.edited ? 'notesChanged' : 'notesMoved';
}
