import type {
  ActorKind,
  LinkKind,
  NoteKind,
  NoteStatus,
  Priority,
  RegieLevel,
  Warmth,
} from '../../model/types';
import { normaliseName } from '../normaliseName';
import type { InterchangeLocale, Named } from './locale';

/**
 * The names of the model's values in files. The Dutch names are the ones the UI shows (client
 * i18n: kind.*, link.*, regie.*, note.*, noteStatus.*, priority.*), so a list typed by someone who
 * knows the app reads back; the English ones match the English UI; the model's own identifiers
 * (`targetGroup`, `inProgress`) are always accepted too.
 */

export const ACTOR_KIND_NAMES: readonly Named<ActorKind>[] = [
  { value: 'service', nl: 'Dienst', en: 'Service', also: ['diensten', 'services', 'gemeentelijke dienst'] },
  { value: 'partner', nl: 'Partner', en: 'Partner', also: ['partners', 'partnerorganisatie'] },
  {
    value: 'collaboration',
    nl: 'Samenwerkingsverband',
    en: 'Collaboration',
    also: ['samenwerkingsverbanden', 'intergemeentelijke samenwerking', 'igs', 'collaborations'],
  },
  { value: 'handover', nl: 'Overdrachtspunt', en: 'Handover point', also: ['overdrachtspunten'] },
  { value: 'targetGroup', nl: 'Doelgroep', en: 'Target group', also: ['doelgroepen', 'target groups'] },
  { value: 'role', nl: 'Rol', en: 'Role', also: ['rollen', 'roles'] },
];

/** A link's kind with, for a handover, its warmth; a bare "Overdracht" leaves the warmth open. */
export interface LinkType {
  readonly kind: LinkKind;
  readonly warmth: Warmth | null;
}

export const LINK_TYPE_NAMES: readonly Named<LinkType>[] = [
  { value: { kind: 'handover', warmth: 'warm' }, nl: 'Warme overdracht', en: 'Warm handover' },
  { value: { kind: 'handover', warmth: 'cold' }, nl: 'Koude overdracht', en: 'Cold handover' },
  { value: { kind: 'handover', warmth: null }, nl: 'Overdracht', en: 'Handover', also: ['overdrachten'] },
  { value: { kind: 'partnership', warmth: null }, nl: 'Partnerschap', en: 'Partnership' },
  { value: { kind: 'membership', warmth: null }, nl: 'Lidmaatschap', en: 'Membership', also: ['lid van'] },
  {
    value: { kind: 'information', warmth: null },
    nl: 'Informatiedeling',
    en: 'Information sharing',
    also: ['informatie', 'information'],
  },
];

export const WARMTH_NAMES: readonly Named<Warmth>[] = [
  { value: 'warm', nl: 'Warm', en: 'Warm', also: ['warme'] },
  { value: 'cold', nl: 'Koud', en: 'Cold', also: ['koude'] },
];

export const REGIE_NAMES: readonly Named<RegieLevel>[] = [
  { value: 'zelf', nl: 'Zelf', en: 'Self', also: ['eigen regie'] },
  { value: 'partnerschap', nl: 'Partnerschap', en: 'Partnership' },
  { value: 'bovenlokaal', nl: 'Bovenlokaal', en: 'Supralocal', also: ['supra-local'] },
  { value: 'intergemeentelijk', nl: 'Intergemeentelijk', en: 'Intermunicipal', also: ['inter-municipal'] },
];

export const NOTE_KIND_NAMES: readonly Named<NoteKind>[] = [
  { value: 'quickWin', nl: 'Quick-win', en: 'Quick win', also: ['quickwin', 'quick-wins', 'quick wins'] },
  { value: 'gap', nl: 'Knelpunt', en: 'Gap', also: ['knelpunten', 'hiaat', 'gaps'] },
  { value: 'action', nl: 'Actie', en: 'Action', also: ['acties', 'actions'] },
];

export const NOTE_STATUS_NAMES: readonly Named<NoteStatus>[] = [
  { value: 'open', nl: 'Open', en: 'Open' },
  { value: 'inProgress', nl: 'Bezig', en: 'In progress', also: ['lopend', 'in uitvoering'] },
  { value: 'done', nl: 'Klaar', en: 'Done', also: ['afgerond', 'gedaan'] },
];

export const PRIORITY_NAMES: readonly Named<Priority>[] = [
  { value: 'low', nl: 'Laag', en: 'Low' },
  { value: 'medium', nl: 'Middel', en: 'Medium', also: ['gemiddeld', 'normaal'] },
  { value: 'high', nl: 'Hoog', en: 'High' },
];

/** Kumu's `Direction` values; written in English, as Kumu reads them. */
export type Direction = 'directed' | 'undirected' | 'mutual';

export const DIRECTION_NAMES: readonly Named<Direction>[] = [
  { value: 'directed', nl: 'directed', en: 'directed', also: ['gericht'] },
  { value: 'undirected', nl: 'undirected', en: 'undirected', also: ['ongericht'] },
  { value: 'mutual', nl: 'mutual', en: 'mutual', also: ['wederzijds'] },
];

export const BOOLEAN_NAMES: readonly Named<boolean>[] = [
  { value: true, nl: 'ja', en: 'yes', also: ['true', 'waar', 'j', 'y', 'x', '1', 'wahr', 'vrai', 'oui'] },
  { value: false, nl: 'nee', en: 'no', also: ['false', 'onwaar', 'n', '0', 'neen', 'faux', 'non'] },
];

export type Vocabulary<T> = ReadonlyMap<string, T>;

/** Lookup table for `names`: every spelling, and the model's identifier when it is a string. */
export function vocabulary<T>(names: readonly Named<T>[]): Vocabulary<T> {
  const out = new Map<string, T>();
  for (const n of names) {
    const spellings = [n.nl, n.en, ...(n.also ?? [])];
    if (typeof n.value === 'string') spellings.push(n.value);
    for (const s of spellings) if (!out.has(normaliseName(s))) out.set(normaliseName(s), n.value);
  }
  return out;
}

export function lookup<T>(vocab: Vocabulary<T>, text: string): T | undefined {
  return vocab.get(normaliseName(text));
}

/** The name of `value` in `locale`, compared with `same` (values that are objects). */
export function nameOf<T>(
  names: readonly Named<T>[],
  value: T,
  locale: InterchangeLocale,
  same: (a: T, b: T) => boolean = Object.is,
): string {
  const found = names.find((n) => same(n.value, value));
  return found ? found[locale] : String(value);
}

export const VOCAB = {
  actorKind: vocabulary(ACTOR_KIND_NAMES),
  linkType: vocabulary(LINK_TYPE_NAMES),
  warmth: vocabulary(WARMTH_NAMES),
  regie: vocabulary(REGIE_NAMES),
  noteKind: vocabulary(NOTE_KIND_NAMES),
  noteStatus: vocabulary(NOTE_STATUS_NAMES),
  priority: vocabulary(PRIORITY_NAMES),
  direction: vocabulary(DIRECTION_NAMES),
  boolean: vocabulary(BOOLEAN_NAMES),
} as const;
