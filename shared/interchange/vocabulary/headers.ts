import { normaliseName } from '../normaliseName';
import type { InterchangeLocale } from './locale';

/**
 * The columns of each kind of table: the header a KetenKaart export writes (Kumu's own headers in
 * English whatever the locale, since Kumu recognises `Label`, `From`, `To`, `Type`, `Description`,
 * `Tags` and `Direction` by name), and the spellings recognised when reading. `multi` fields may be
 * fed by several columns (their values are joined); the others by one column at most.
 */

export type TableRole = 'elements' | 'connections' | 'notes' | 'phases';

export interface FieldSpec {
  readonly nl: string;
  readonly en: string;
  readonly also?: readonly string[];
  readonly multi?: boolean;
}

export const ELEMENT_FIELDS = {
  id: { nl: 'ID', en: 'ID', also: ['identifier', 'kenmerk'] },
  label: {
    nl: 'Label',
    en: 'Label',
    also: [
      'naam',
      'name',
      'organisatie',
      'organisation',
      'organization',
      'naam organisatie',
      'organisatienaam',
      'benaming',
      'titel',
      'title',
      'actor',
    ],
  },
  kind: { nl: 'Type', en: 'Type', also: ['soort', 'kind', 'soort actor'] },
  description: { nl: 'Description', en: 'Description', also: ['beschrijving', 'omschrijving'], multi: true },
  tags: { nl: 'Tags', en: 'Tags', also: ['tag', 'labels', 'trefwoorden'], multi: true },
  phase: { nl: 'Fase', en: 'Phase', also: ['fasen', 'fases', 'phases'] },
  regie: { nl: 'Lokale regie', en: 'Local direction', also: ['regie', 'local regie'] },
  contact: {
    nl: 'Contact',
    en: 'Contact',
    also: [
      'contactpersoon',
      'contactgegevens',
      'contact person',
      'e-mail',
      'email',
      'e-mailadres',
      'telefoon',
      'telefoonnummer',
      'phone',
    ],
    multi: true,
  },
  municipality: { nl: 'Gemeente', en: 'Municipality', also: ['stad', 'city', 'plaats', 'woonplaats'] },
  kbo: {
    nl: 'KBO-nummer',
    en: 'KBO number',
    also: [
      'kbo',
      'kbo nummer',
      'kbo-nr',
      'ondernemingsnummer',
      'enterprise number',
      'company number',
      'btw-nummer',
      'btw nummer',
      'btw',
      'vat',
      'vat number',
    ],
  },
  entryPoint: { nl: 'Instappunt', en: 'Entry point', also: ['instappunt van de keten'] },
  needs: { nl: 'Noden en behoeften', en: 'Needs', also: ['noden', 'behoeften'], multi: true },
  languages: { nl: 'Talen', en: 'Languages', also: ['taal', 'language'], multi: true },
  x: { nl: 'X', en: 'X' },
  y: { nl: 'Y', en: 'Y' },
} as const satisfies Record<string, FieldSpec>;

export const CONNECTION_FIELDS = {
  id: { nl: 'ID', en: 'ID', also: ['identifier', 'kenmerk'] },
  from: { nl: 'From', en: 'From', also: ['van', 'bron', 'source'] },
  to: { nl: 'To', en: 'To', also: ['naar', 'doel', 'target'] },
  kind: { nl: 'Type', en: 'Type', also: ['soort', 'kind', 'soort verbinding'] },
  direction: { nl: 'Direction', en: 'Direction', also: ['richting'] },
  label: { nl: 'Label', en: 'Label', also: ['naam', 'name'] },
  description: { nl: 'Description', en: 'Description', also: ['beschrijving', 'omschrijving'], multi: true },
  tags: { nl: 'Tags', en: 'Tags', also: ['tag', 'labels', 'trefwoorden'], multi: true },
  warmth: { nl: 'Warmte', en: 'Warmth', also: ['warm of koud', 'warm/koud'] },
  dataShared: {
    nl: 'Persoonsgegevens gedeeld',
    en: 'Personal data shared',
    also: ['persoonsgegevens', 'personal data'],
  },
  owner: { nl: 'Eigenaar', en: 'Owner', also: ['verantwoordelijke'] },
  regie: { nl: 'Lokale regie', en: 'Local direction', also: ['regie', 'local regie'] },
} as const satisfies Record<string, FieldSpec>;

export const NOTE_FIELDS = {
  id: { nl: 'ID', en: 'ID', also: ['identifier', 'kenmerk'] },
  kind: { nl: 'Type', en: 'Type', also: ['soort', 'kind'] },
  text: { nl: 'Tekst', en: 'Text', also: ['notitie', 'note'] },
  status: { nl: 'Status', en: 'Status', also: ['stand'] },
  owner: { nl: 'Eigenaar', en: 'Owner', also: ['verantwoordelijke', 'trekker'] },
  due: { nl: 'Deadline', en: 'Due', also: ['vervaldatum', 'due date', 'tegen', 'datum'] },
  regie: { nl: 'Lokale regie', en: 'Local direction', also: ['regie', 'local regie'] },
  priority: { nl: 'Prioriteit', en: 'Priority' },
  phase: { nl: 'Fase', en: 'Phase' },
  anchor: { nl: 'Gekoppeld aan', en: 'Attached to', also: ['element', 'anchor'] },
  source: { nl: 'Knelpunt-ID', en: 'Gap ID', also: ['bron', 'source'] },
  x: { nl: 'X', en: 'X' },
  y: { nl: 'Y', en: 'Y' },
} as const satisfies Record<string, FieldSpec>;

export const PHASE_FIELDS = {
  id: { nl: 'ID', en: 'ID' },
  label: { nl: 'Label', en: 'Label', also: ['naam', 'name', 'fase', 'phase'] },
  order: { nl: 'Volgorde', en: 'Order' },
} as const satisfies Record<string, FieldSpec>;

export type ElementField = keyof typeof ELEMENT_FIELDS;
export type ConnectionField = keyof typeof CONNECTION_FIELDS;
export type NoteField = keyof typeof NOTE_FIELDS;
export type PhaseField = keyof typeof PHASE_FIELDS;

export interface RoleFields {
  readonly elements: ElementField;
  readonly connections: ConnectionField;
  readonly notes: NoteField;
  readonly phases: PhaseField;
}

export const FIELDS: { readonly [R in TableRole]: Readonly<Record<RoleFields[R], FieldSpec>> } = {
  elements: ELEMENT_FIELDS,
  connections: CONNECTION_FIELDS,
  notes: NOTE_FIELDS,
  phases: PHASE_FIELDS,
};

/** The field a header names in a table of `role`, if any. */
export function fieldForHeader<R extends TableRole>(role: R, header: string): RoleFields[R] | undefined {
  return HEADER_INDEX[role].get(normaliseName(header)) as RoleFields[R] | undefined;
}

export function headerFor<R extends TableRole>(
  role: R,
  field: RoleFields[R],
  locale: InterchangeLocale,
): string {
  return (FIELDS[role] as Record<string, FieldSpec>)[field]![locale];
}

const HEADER_INDEX: Readonly<Record<TableRole, ReadonlyMap<string, string>>> = {
  elements: headerIndex(ELEMENT_FIELDS),
  connections: headerIndex(CONNECTION_FIELDS),
  notes: headerIndex(NOTE_FIELDS),
  phases: headerIndex(PHASE_FIELDS),
};

function headerIndex(fields: Readonly<Record<string, FieldSpec>>): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [field, spec] of Object.entries(fields)) {
    for (const spelling of [spec.nl, spec.en, field, ...(spec.also ?? [])]) {
      const key = normaliseName(spelling);
      if (!out.has(key)) out.set(key, field);
    }
  }
  return out;
}

/** Sheet names: Kumu's `Elements` and `Connections`; the sheets Kumu must skip end in "(ignore)". */
export const SHEET_NAMES: Readonly<Record<TableRole, Readonly<Record<InterchangeLocale, string>>>> = {
  elements: { nl: 'Elements', en: 'Elements' },
  connections: { nl: 'Connections', en: 'Connections' },
  phases: { nl: 'Fasen (ignore)', en: 'Phases (ignore)' },
  notes: { nl: 'Notities (ignore)', en: 'Notes (ignore)' },
};

const SHEET_ROLE_SPELLINGS: Readonly<Record<TableRole, readonly string[]>> = {
  elements: ['elements', 'elementen', 'actoren', 'actors'],
  connections: ['connections', 'verbindingen', 'links'],
  phases: ['fasen', 'fases', 'phases'],
  notes: ['notities', 'notes'],
};

const IGNORE_SUFFIX = /\(\s*ignore\s*\)\s*$/i;

/**
 * The role a sheet's name gives it: one of the four, 'ignore' for another sheet Kumu is told to
 * skip, or null when the name says nothing (the headers decide).
 */
export function roleForSheetName(name: string): TableRole | 'ignore' | null {
  const ignored = IGNORE_SUFFIX.test(name);
  const key = normaliseName(name.replace(IGNORE_SUFFIX, ''));
  for (const [role, spellings] of Object.entries(SHEET_ROLE_SPELLINGS) as [TableRole, readonly string[]][]) {
    if (spellings.includes(key)) return role;
  }
  return ignored ? 'ignore' : null;
}

/** The role the headers give a table: connections have From and To, notes a text and no name. */
export function roleForHeader(header: readonly string[]): TableRole {
  const has = (role: TableRole, field: string) => header.some((h) => fieldForHeader(role, h) === field);
  if (has('connections', 'from') && has('connections', 'to')) return 'connections';
  if (has('notes', 'text') && !has('elements', 'label')) return 'notes';
  return 'elements';
}

/** Whether a row looks like the header of some table: it names an element or connection field. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  return cells.some(
    (c) =>
      fieldForHeader('elements', c) === 'label' ||
      fieldForHeader('connections', c) === 'from' ||
      fieldForHeader('notes', c) === 'text',
  );
}
