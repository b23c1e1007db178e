import { formatDate, type Locale } from '../../../shared/i18n';
import { formatKbo } from '../../../shared/model/kbo';
import type { Actor, Link, Note, Phase } from '../../../shared/model/types';
import type { ChangeStatus, ContentDiff, ElementChange, VersionContent } from '../../../shared/versions';
import type { MessageKey, Translate } from '../i18n/i18n';

export type CompareCollection = 'actors' | 'links' | 'notes' | 'phases';

/** One row of the inspector's before → after list, in words. */
export interface FieldChangeRow {
  readonly field: string;
  readonly label: string;
  /** For a move: both empty and `moved` true ("verplaatst"). */
  readonly before: string;
  readonly after: string;
  readonly moved: boolean;
}

type AnyChange = ElementChange<Actor> | ElementChange<Link> | ElementChange<Note> | ElementChange<Phase>;

export interface ElementComparison {
  readonly collection: CompareCollection;
  readonly status: ChangeStatus;
  /** Present for a changed element. */
  readonly change?: AnyChange;
}

/** How the element `id` differs from the version, or null when it did not change. */
export function elementComparison(diff: ContentDiff, id: string): ElementComparison | null {
  for (const collection of ['actors', 'links', 'notes', 'phases'] as const) {
    const c = diff[collection];
    const change = (c.changed as readonly AnyChange[]).find((e) => e.id === id);
    if (change) return { collection, status: 'changed', change };
    if ((c.added as readonly { id: string }[]).some((e) => e.id === id))
      return { collection, status: 'added' };
    if ((c.removed as readonly { id: string }[]).some((e) => e.id === id))
      return { collection, status: 'removed' };
  }
  return null;
}

/** Names of elements by id, from the version and the current map (the current name wins). */
export function elementNames(base: VersionContent, current: VersionContent): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const content of [base, current]) {
    for (const p of content.phases) names.set(p.id, p.label);
    for (const a of content.actors) names.set(a.id, a.label);
    for (const n of content.notes) names.set(n.id, n.text);
  }
  for (const content of [base, current]) {
    for (const l of content.links) {
      names.set(l.id, l.label || `${names.get(l.source) ?? '?'} → ${names.get(l.target) ?? '?'}`);
    }
  }
  return names;
}

/** The inspector's label of each element field (also the import preview's "what changes"). */
export const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  label: 'inspector.label',
  kind: 'inspector.kind',
  description: 'inspector.description',
  phaseId: 'inspector.phase',
  regie: 'inspector.regie',
  tags: 'inspector.tags',
  contact: 'inspector.contact',
  position: 'compare.field.position',
  entryPoint: 'inspector.entryPoint',
  municipality: 'inspector.municipality',
  kbo: 'inspector.kbo',
  needs: 'inspector.needs',
  languages: 'inspector.languages',
  source: 'inspector.source',
  target: 'inspector.target',
  warmth: 'inspector.warmth',
  dataShared: 'inspector.dataShared',
  owner: 'inspector.owner',
  text: 'inspector.text',
  status: 'inspector.status',
  due: 'inspector.due',
  priority: 'inspector.priority',
  anchor: 'inspector.anchor',
  sourceNoteId: 'compare.field.sourceNoteId',
  order: 'compare.field.order',
};

/**
 * The changed fields of one element in words: human field names, option values in the user's
 * language, ids as the names of what they point at, a due date as a date in `locale`'s words; a
 * position change reads "verplaatst".
 */
export function describeFieldChanges(
  collection: CompareCollection,
  change: AnyChange,
  names: ReadonlyMap<string, string>,
  t: Translate,
  locale: Locale = 'nl',
): FieldChangeRow[] {
  return (change.fields as readonly { field: string; before: unknown; after: unknown }[]).map(
    ({ field, before, after }) => {
      const key = FIELD_LABELS[field];
      const label = key ? t(key) : field;
      if (field === 'position') return { field, label, before: '', after: '', moved: true };
      const show = (value: unknown) => describeValue(collection, field, value, names, t, locale);
      return { field, label, before: show(before), after: show(after), moved: false };
    },
  );
}

function describeValue(
  collection: CompareCollection,
  field: string,
  value: unknown,
  names: ReadonlyMap<string, string>,
  t: Translate,
  locale: Locale,
): string {
  const none = t('inspector.none');
  if (value === null || value === undefined || value === '') {
    if (field === 'regie') return t('regie.none');
    if (field === 'phaseId') return t('phase.none');
    return none;
  }
  if (field === 'due' && typeof value === 'string') return formatDate(value, locale, 'medium');
  if (field === 'kbo' && typeof value === 'string') return formatKbo(value);
  if (typeof value === 'boolean') return t(value ? 'compare.yes' : 'compare.no');
  if (Array.isArray(value)) return value.length ? value.join(', ') : none;
  if (field === 'kind') {
    const prefix = collection === 'actors' ? 'kind' : collection === 'links' ? 'link' : 'note';
    return t(`${prefix}.${String(value)}` as MessageKey);
  }
  if (field === 'warmth') return t(`link.${value === 'warm' ? 'warmHandover' : 'coldHandover'}`);
  if (field === 'status') return t(`noteStatus.${String(value)}` as MessageKey);
  if (field === 'priority') return t(`priority.${String(value)}` as MessageKey);
  if (field === 'regie') return t(`regie.${String(value)}` as MessageKey);
  if (field === 'anchor' && typeof value === 'object') {
    return names.get((value as { id: string }).id) ?? none;
  }
  if (['phaseId', 'source', 'target', 'sourceNoteId', 'owner'].includes(field) && typeof value === 'string') {
    return names.get(value) ?? value;
  }
  return String(value);
}
