import { type ImportProblem, problem } from '../problems';
import { columnLetter } from '../read/checkTable';
import type { Table } from '../read/table';
import {
  FIELDS,
  type FieldSpec,
  fieldForHeader,
  type RoleFields,
  type TableRole,
} from '../vocabulary/headers';

/**
 * Which field each column of a table feeds: the column-mapping step. A suggestion is made from the
 * headers (Dutch or English, Kumu's or KetenKaart's own); the user may change it. A column that maps
 * to no field is either appended to the description as "Header: value" or ignored.
 */

export type ColumnTarget<R extends TableRole = TableRole> = RoleFields[R] | 'append' | 'ignore';

export interface TableMapping<R extends TableRole = TableRole> {
  readonly role: R;
  /** One target per column of the table's header, in order. */
  readonly columns: readonly ColumnTarget<R>[];
}

/** Roles whose unrecognised columns go into the description by default (notes and lanes have none). */
const APPENDS: Readonly<Record<TableRole, boolean>> = {
  elements: true,
  connections: true,
  notes: false,
  phases: false,
};

export function isMultiField(role: TableRole, field: string): boolean {
  return (FIELDS[role] as Readonly<Record<string, FieldSpec>>)[field]?.multi === true;
}

export function suggestMapping<R extends TableRole>(table: Table, role: R): TableMapping<R> {
  const used = new Set<string>();
  const columns = table.header.map((header): ColumnTarget<R> => {
    const field = fieldForHeader(role, header);
    if (field !== undefined && (isMultiField(role, field) || !used.has(field))) {
      used.add(field);
      return field;
    }
    return header.trim() === '' || !APPENDS[role] ? 'ignore' : 'append';
  });
  return { role, columns };
}

const REQUIRED: Readonly<Record<TableRole, readonly [string, ImportProblem['code']][]>> = {
  elements: [['label', 'missingNameColumn']],
  connections: [
    ['from', 'missingFromColumn'],
    ['to', 'missingToColumn'],
  ],
  notes: [['text', 'missingTextColumn']],
  phases: [['label', 'missingNameColumn']],
};

/** The mapping's own problems: a required field without a column, a field fed by two columns. */
export function checkMapping(table: Table, mapping: TableMapping): ImportProblem[] {
  const at = { file: table.file, ...(table.sheet === undefined ? {} : { sheet: table.sheet }) };
  const out: ImportProblem[] = [];
  for (const [field, code] of REQUIRED[mapping.role]) {
    if (!mapping.columns.includes(field as ColumnTarget))
      out.push(problem(code, { ...at, row: table.headerRow }));
  }
  const firstColumn = new Map<string, number>();
  mapping.columns.forEach((target, i) => {
    if (target === 'append' || target === 'ignore' || isMultiField(mapping.role, target)) return;
    const first = firstColumn.get(target);
    if (first === undefined) {
      firstColumn.set(target, i);
      return;
    }
    out.push(
      problem(
        'duplicateColumn',
        { ...at, row: table.headerRow, column: headerName(table, i) },
        {
          other: headerName(table, first),
        },
      ),
    );
  });
  return out;
}

export function headerName(table: Table, index: number): string {
  return table.header[index]?.trim() || columnLetter(index);
}

/** The first rows of a table, for the mapping step's preview. */
export function previewRows(table: Table, count = 5): Table['rows'] {
  return table.rows.slice(0, count);
}
