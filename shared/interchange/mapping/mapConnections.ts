import type { Table } from '../read/table';
import { VOCAB } from '../vocabulary/values';
import { parseBoolean, parseId, parseNamed, splitValues } from './cells';
import type { TableMapping } from './columnMapping';
import { joinDescription, type Mapped } from './mapElements';
import { MappedRow } from './mappedRow';
import type { LinkFields, LinkRecord } from './records';

/**
 * A connections table → link records. As in Kumu, several elements in the `To` cell (separated by
 * `|`) give one connection from `From` to each. The kind comes from `Type` ("Warme overdracht"
 * says kind and warmth at once); a row without a type is settled in the plan, from `Direction`.
 */
export function mapConnections(table: Table, mapping: TableMapping<'connections'>): Mapped<LinkRecord> {
  const records: LinkRecord[] = [];
  const problems: MappedRow['problems'] = [];
  for (const row of table.rows) {
    const r = new MappedRow(table, mapping, row);
    const columns = r.source.columns ?? {};
    const from = r.value('from')?.text;
    const targets = splitValues(r.value('to')?.text ?? '');
    if (from === undefined) r.report('emptyEndpoint', columns.from);
    if (targets.length === 0) r.report('emptyEndpoint', columns.to);
    const id = r.parse('id', parseId) ?? null;
    if (id !== null && targets.length > 1) {
      r.report('severalTargetsWithId', columns.to, { value: r.value('to')?.text ?? '' });
    }
    const type = r.parse('kind', (t) => parseNamed(VOCAB.linkType, 'unknownLinkKind', t));
    const warmthCell = r.parse('warmth', (t) => parseNamed(VOCAB.warmth, 'unknownWarmth', t));
    const direction = r.parse('direction', (t) => parseNamed(VOCAB.direction, 'unknownDirection', t)) ?? null;
    const fields: { -readonly [K in keyof LinkFields]: LinkFields[K] } = {};
    const label = r.value('label')?.text;
    if (label !== undefined) fields.label = label;
    const description = joinDescription(r.text('description', '\n\n'), r.appended());
    if (description !== undefined) fields.description = description;
    const tags = r.values('tags').flatMap((c) => splitValues(c.text));
    if (tags.length > 0) fields.tags = [...new Set(tags)];
    const dataShared = r.parse('dataShared', parseBoolean);
    if (dataShared !== undefined) fields.dataShared = dataShared;
    const owner = r.value('owner')?.text;
    if (owner !== undefined) fields.owner = owner;
    const regie = r.parse('regie', (t) => parseNamed(VOCAB.regie, 'unknownRegie', t));
    if (regie !== undefined) fields.regie = regie;
    problems.push(...r.problems);
    if (from === undefined || r.problems.length > 0) continue;
    for (const to of targets) {
      records.push({
        source: r.source,
        id,
        from: { by: 'idOrName', value: from },
        to: { by: 'idOrName', value: to },
        kind: type?.kind ?? null,
        warmth: type?.warmth ?? warmthCell,
        direction,
        fields,
      });
    }
  }
  return { records, problems };
}
