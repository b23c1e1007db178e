import type { Table } from '../read/table';
import { VOCAB } from '../vocabulary/values';
import { parseBoolean, parseId, parseKbo, parseNamed, splitValues } from './cells';
import type { TableMapping } from './columnMapping';
import { MappedRow } from './mappedRow';
import type { ActorFields, ActorRecord } from './records';

export interface Mapped<T> {
  readonly records: readonly T[];
  readonly problems: MappedRow['problems'];
}

/**
 * An elements table (Kumu's elements sheet or a plain list) → actor records. The description is
 * the description column(s) followed by the appended columns, one "Header: value" line each.
 */
export function mapElements(table: Table, mapping: TableMapping<'elements'>): Mapped<ActorRecord> {
  const records: ActorRecord[] = [];
  const problems: MappedRow['problems'] = [];
  for (const row of table.rows) {
    const r = new MappedRow(table, mapping, row);
    const label = r.value('label')?.text;
    if (label === undefined) r.report('emptyName', r.source.columns?.label);
    const id = r.parse('id', parseId) ?? null;
    const kbo = r.parse('kbo', parseKbo) ?? null;
    const kind = r.parse('kind', (t) => parseNamed(VOCAB.actorKind, 'unknownKind', t)) ?? null;
    const fields: { -readonly [K in keyof ActorFields]: ActorFields[K] } = {};
    const description = joinDescription(r.text('description', '\n\n'), r.appended());
    if (description !== undefined) fields.description = description;
    const contact = r.text('contact', ', ');
    if (contact !== undefined) fields.contact = contact;
    const municipality = r.value('municipality')?.text;
    if (municipality !== undefined) fields.municipality = municipality;
    const regie = r.parse('regie', (t) => parseNamed(VOCAB.regie, 'unknownRegie', t));
    if (regie !== undefined) fields.regie = regie;
    const tags = r.values('tags').flatMap((c) => splitValues(c.text));
    if (tags.length > 0) fields.tags = [...new Set(tags)];
    const entryPoint = r.parse('entryPoint', parseBoolean);
    if (entryPoint !== undefined) fields.entryPoint = entryPoint;
    const needs = r.text('needs');
    if (needs !== undefined) fields.needs = needs;
    const languages = r.values('languages').flatMap((c) => splitValues(c.text));
    if (languages.length > 0) fields.languages = [...new Set(languages)];
    const phase = r.value('phase')?.text;
    const position = r.position();
    problems.push(...r.problems);
    if (label === undefined || r.problems.length > 0) continue;
    records.push({
      source: r.source,
      id,
      kbo,
      label,
      kind,
      fields,
      phase: phase === undefined ? undefined : { by: 'idOrName', value: phase },
      position,
    });
  }
  return { records, problems };
}

export function joinDescription(
  description: string | undefined,
  appended: readonly string[],
): string | undefined {
  if (appended.length === 0) return description;
  const extra = appended.join('\n');
  return description === undefined ? extra : `${description}\n\n${extra}`;
}
