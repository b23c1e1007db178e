import type { InterchangeLimits } from '../limits';
import { type ImportProblem, problem } from '../problems';
import type { Table } from './table';

/** The per-table limits: number of rows, characters per cell (the header's cells too). */
export function checkTableLimits(table: Table, limits: InterchangeLimits): ImportProblem[] {
  const at = { file: table.file, ...(table.sheet === undefined ? {} : { sheet: table.sheet }) };
  if (table.rows.length > limits.maxRows) {
    return [problem('tooManyRows', at, { count: table.rows.length, max: limits.maxRows })];
  }
  const out: ImportProblem[] = [];
  const check = (row: number, cells: readonly string[]) => {
    cells.forEach((cell, i) => {
      if (cell.length > limits.maxCellChars) {
        out.push(
          problem(
            'cellTooLong',
            { ...at, row, column: table.header[i] || columnLetter(i) },
            { length: cell.length, max: limits.maxCellChars },
          ),
        );
      }
    });
  };
  check(table.headerRow, table.header);
  for (const r of table.rows) check(r.row, r.cells);
  return out;
}

/** A → 0, Z → 25, AA → 26: a column without a header is named by its letter. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
