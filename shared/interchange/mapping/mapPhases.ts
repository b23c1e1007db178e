import type { Table } from '../read/table';
import { parseId } from './cells';
import type { TableMapping } from './columnMapping';
import type { Mapped } from './mapElements';
import { MappedRow } from './mappedRow';
import type { PhaseRecord } from './records';

/** A lanes table (KetenKaart's own "Fasen" sheet) → phase records, in the order of the rows. */
export function mapPhases(table: Table, mapping: TableMapping<'phases'>): Mapped<PhaseRecord> {
  const records: PhaseRecord[] = [];
  const problems: MappedRow['problems'] = [];
  for (const row of table.rows) {
    const r = new MappedRow(table, mapping, row);
    const label = r.value('label')?.text;
    if (label === undefined) r.report('emptyName', r.source.columns?.label);
    const id = r.parse('id', parseId) ?? null;
    const order = r.value('order')?.text ?? null;
    problems.push(...r.problems);
    if (label === undefined || r.problems.length > 0) continue;
    records.push({ source: r.source, id, label, order });
  }
  return { records, problems };
}
