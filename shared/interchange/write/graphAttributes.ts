import type { Actor, ChainMapState, Link } from '../../model/types';
import type { InterchangeLocale } from '../vocabulary/locale';
import { ACTOR_KIND_NAMES, LINK_TYPE_NAMES, nameOf, REGIE_NAMES } from '../vocabulary/values';

/**
 * The attributes GraphML and GEXF carry for Gephi and yEd: the model's values (`kind`, `regie`,
 * `warmth` as the model spells them, for filters and scripts) next to their names in the UI's
 * language (`kindLabel`, `phase`), so a partition by kind, phase, regie or warm/cold works at once.
 */

export type AttributeType = 'string' | 'boolean' | 'double';

export interface Attribute<T> {
  readonly id: string;
  readonly type: AttributeType;
  readonly value: (element: T) => string | number | boolean;
}

export function nodeAttributes(state: ChainMapState, locale: InterchangeLocale): readonly Attribute<Actor>[] {
  const phase = new Map(state.phases.map((p) => [p.id, p.label]));
  return [
    { id: 'label', type: 'string', value: (a) => a.label },
    { id: 'kind', type: 'string', value: (a) => a.kind },
    { id: 'kindLabel', type: 'string', value: (a) => nameOf(ACTOR_KIND_NAMES, a.kind, locale) },
    { id: 'phase', type: 'string', value: (a) => (a.phaseId === null ? '' : (phase.get(a.phaseId) ?? '')) },
    { id: 'phaseId', type: 'string', value: (a) => a.phaseId ?? '' },
    { id: 'regie', type: 'string', value: (a) => a.regie ?? '' },
    {
      id: 'regieLabel',
      type: 'string',
      value: (a) => (a.regie === null ? '' : nameOf(REGIE_NAMES, a.regie, locale)),
    },
    { id: 'description', type: 'string', value: (a) => a.description },
    { id: 'contact', type: 'string', value: (a) => a.contact },
    { id: 'municipality', type: 'string', value: (a) => a.municipality },
    { id: 'kbo', type: 'string', value: (a) => a.kbo },
    { id: 'entryPoint', type: 'boolean', value: (a) => a.entryPoint },
    { id: 'tags', type: 'string', value: (a) => a.tags.join('|') },
    { id: 'needs', type: 'string', value: (a) => a.needs },
    { id: 'languages', type: 'string', value: (a) => a.languages.join('|') },
    { id: 'x', type: 'double', value: (a) => a.position.x },
    { id: 'y', type: 'double', value: (a) => a.position.y },
  ];
}

export function edgeAttributes(locale: InterchangeLocale): readonly Attribute<Link>[] {
  return [
    { id: 'kind', type: 'string', value: (l) => l.kind },
    {
      id: 'kindLabel',
      type: 'string',
      value: (l) =>
        nameOf(
          LINK_TYPE_NAMES,
          { kind: l.kind, warmth: l.kind === 'handover' ? l.warmth : null },
          locale,
          (a, b) => a.kind === b.kind && a.warmth === b.warmth,
        ),
    },
    { id: 'warmth', type: 'string', value: (l) => l.warmth ?? '' },
    { id: 'regie', type: 'string', value: (l) => l.regie ?? '' },
    { id: 'label', type: 'string', value: (l) => l.label },
    { id: 'description', type: 'string', value: (l) => l.description },
    { id: 'dataShared', type: 'boolean', value: (l) => l.dataShared },
    { id: 'owner', type: 'string', value: (l) => l.owner },
    { id: 'tags', type: 'string', value: (l) => l.tags.join('|') },
  ];
}

/** Partnerships and memberships have no direction (as in the chain graph); the rest point. */
export function isDirected(link: Link): boolean {
  return link.kind !== 'partnership' && link.kind !== 'membership';
}
