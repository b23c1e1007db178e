import type { Table } from '../read/table';
import { VOCAB } from '../vocabulary/values';
import { parseDate, parseId, parseNamed } from './cells';
import type { TableMapping } from './columnMapping';
import type { Mapped } from './mapElements';
import { MappedRow } from './mappedRow';
import type { NoteFields, NoteRecord, Ref } from './records';

/** A notes table (quick-wins, gaps, actions: the Actieplan) → note records. */
export function mapNotes(table: Table, mapping: TableMapping<'notes'>): Mapped<NoteRecord> {
  const records: NoteRecord[] = [];
  const problems: MappedRow['problems'] = [];
  for (const row of table.rows) {
    const r = new MappedRow(table, mapping, row);
    const id = r.parse('id', parseId) ?? null;
    const kind = r.parse('kind', (t) => parseNamed(VOCAB.noteKind, 'unknownNoteKind', t)) ?? null;
    const fields: { -readonly [K in keyof NoteFields]: NoteFields[K] } = {};
    const text = r.text('text');
    if (text !== undefined) fields.text = text;
    const status = r.parse('status', (t) => parseNamed(VOCAB.noteStatus, 'unknownStatus', t));
    if (status !== undefined) fields.status = status;
    const owner = r.value('owner')?.text;
    if (owner !== undefined) fields.owner = owner;
    const due = r.parse('due', parseDate);
    if (due !== undefined) fields.due = due;
    const regie = r.parse('regie', (t) => parseNamed(VOCAB.regie, 'unknownRegie', t));
    if (regie !== undefined) fields.regie = regie;
    const priority = r.parse('priority', (t) => parseNamed(VOCAB.priority, 'unknownPriority', t));
    if (priority !== undefined) fields.priority = priority;
    const ref = (field: string): Ref | undefined => {
      const cell = r.value(field);
      return cell === undefined ? undefined : { by: 'idOrName', value: cell.text };
    };
    const position = r.position();
    problems.push(...r.problems);
    if (r.problems.length > 0) continue;
    records.push({
      source: r.source,
      id,
      kind,
      fields,
      phase: ref('phase'),
      anchor: ref('anchor'),
      sourceNote: ref('source'),
      position,
    });
  }
  return { records, problems };
}
