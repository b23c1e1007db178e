import type { ImportPlan, RecordSource, RowStatus } from '../../../shared/interchange';
import type { ChainMapState } from '../../../shared/model/types';
import type { MessageKey, Translate } from '../i18n/i18n';
import { FIELD_LABELS } from '../versions/fieldChanges';

/**
 * The preview's rows: one per element of the file, in the order the file gives them (lanes, actors,
 * connections, notes), each with its status ("nieuw", "bijwerken", "ongewijzigd"), what it is, its
 * name, which fields an update changes, and where in the file it stands.
 */
export interface PreviewItem {
  readonly key: string;
  readonly status: RowStatus;
  readonly kind: string;
  readonly name: string;
  /** For an update: the fields it changes, in the inspector's words. */
  readonly changes: readonly string[];
  readonly source: RecordSource;
}

export function previewItems(plan: ImportPlan, state: ChainMapState, t: Translate): PreviewItem[] {
  const names = new Map(state.actors.map((a) => [a.id, a.label]));
  for (const a of plan.actors) names.set(a.id, a.value.label);
  const changes = (status: RowStatus, patch: object) =>
    status === 'update'
      ? Object.keys(patch)
          .filter((f) => f !== 'id')
          .map((f) => (FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f))
      : [];
  return [
    ...plan.phases.map((p) => ({
      key: `phase:${p.id}`,
      status: p.status,
      kind: t('import.collection.phases'),
      name: p.value.label,
      changes: changes(p.status, p.patch),
      source: p.source,
    })),
    ...plan.actors.map((a) => ({
      key: `actor:${a.id}`,
      status: a.status,
      kind: t(`kind.${a.value.kind}`),
      name: a.value.label,
      changes: changes(a.status, a.patch),
      source: a.source,
    })),
    ...plan.links.map((l) => ({
      key: `link:${l.id}`,
      status: l.status,
      kind: t(linkKindKey(l.value.kind, l.value.warmth)),
      name:
        l.value.label ||
        t('import.name.link', {
          from: names.get(l.value.source) ?? '?',
          to: names.get(l.value.target) ?? '?',
        }),
      changes: changes(l.status, l.patch),
      source: l.source,
    })),
    ...plan.notes.map((n) => ({
      key: `note:${n.id}`,
      status: n.status,
      kind: t(`note.${n.value.kind}`),
      name: n.value.text,
      changes: changes(n.status, n.patch),
      source: n.source,
    })),
  ];
}

function linkKindKey(kind: string, warmth: string | null): MessageKey {
  if (kind === 'handover' && warmth !== null)
    return warmth === 'warm' ? 'link.warmHandover' : 'link.coldHandover';
  return `link.${kind}` as MessageKey;
}

export function countByStatus(items: readonly PreviewItem[]): Record<RowStatus, number> {
  const out: Record<RowStatus, number> = { new: 0, update: 0, unchanged: 0 };
  for (const item of items) out[item.status]++;
  return out;
}
