import type { Position } from '../../model/types';
import { type ImportProblem, type ProblemCode, type ProblemParams, problem } from '../problems';
import type { Table, TableRow } from '../read/table';
import { type CellResult, parseNumber } from './cells';
import { headerName, type TableMapping } from './columnMapping';
import type { RecordSource } from './records';

interface Cell {
  readonly text: string;
  readonly column: string;
}

/**
 * One row seen through its table's column mapping: the cells of a field, trimmed, empty ones left
 * out, with the header they came from; problems found while reading it are collected on the row.
 */
export class MappedRow {
  readonly problems: ImportProblem[] = [];
  private readonly columnsByField = new Map<string, number[]>();

  constructor(
    private readonly table: Table,
    mapping: TableMapping,
    private readonly row: TableRow,
  ) {
    mapping.columns.forEach((target, i) => {
      const list = this.columnsByField.get(target);
      if (list) list.push(i);
      else this.columnsByField.set(target, [i]);
    });
  }

  get source(): RecordSource {
    const columns: Record<string, string> = {};
    for (const [field, indices] of this.columnsByField) columns[field] = headerName(this.table, indices[0]!);
    return {
      file: this.table.file,
      ...(this.table.sheet === undefined ? {} : { sheet: this.table.sheet }),
      row: this.row.row,
      columns,
    };
  }

  values(field: string): Cell[] {
    const out: Cell[] = [];
    for (const i of this.columnsByField.get(field) ?? []) {
      const text = (this.row.cells[i] ?? '').trim();
      if (text !== '') out.push({ text, column: headerName(this.table, i) });
    }
    return out;
  }

  value(field: string): Cell | undefined {
    return this.values(field)[0];
  }

  text(field: string, separator = '\n'): string | undefined {
    const cells = this.values(field);
    return cells.length === 0 ? undefined : cells.map((c) => c.text).join(separator);
  }

  /** The unmapped columns kept as "Header: value" lines, in column order. */
  appended(): string[] {
    return this.values('append').map((c) => `${c.column}: ${c.text}`);
  }

  /** Parses the field's cell; a bad cell is reported and reads as not given. */
  parse<T>(field: string, parser: (text: string) => CellResult<T>): T | undefined {
    const cell = this.value(field);
    if (!cell) return undefined;
    const result = parser(cell.text);
    if (result.ok) return result.value;
    this.report(result.code, cell.column, result.params);
    return undefined;
  }

  /** X and Y together, or neither. */
  position(): Position | null {
    const xCell = this.value('x');
    const yCell = this.value('y');
    if (!xCell && !yCell) return null;
    if (!xCell || !yCell) {
      this.report('missingCoordinate', (xCell ?? yCell)!.column);
      return null;
    }
    const x = this.parse('x', parseNumber);
    const y = this.parse('y', parseNumber);
    return x !== undefined && y !== undefined ? { x, y } : null;
  }

  report(code: ProblemCode, column?: string, params: ProblemParams = {}): void {
    this.problems.push(
      problem(
        code,
        {
          file: this.table.file,
          ...(this.table.sheet === undefined ? {} : { sheet: this.table.sheet }),
          row: this.row.row,
          ...(column === undefined ? {} : { column }),
        },
        params,
      ),
    );
  }
}
