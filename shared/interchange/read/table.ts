/**
 * A table read from a file: a CSV file or one sheet of a workbook, as strings. Row numbers are the
 * ones the spreadsheet shows (1-based, counting empty rows), so a problem points at the right row.
 */

export interface TableRow {
  readonly row: number;
  readonly cells: readonly string[];
}

export interface Table {
  readonly file: string;
  /** The sheet's name in a workbook; absent for a CSV file. */
  readonly sheet?: string;
  readonly header: readonly string[];
  readonly headerRow: number;
  /** The non-empty rows below the header. */
  readonly rows: readonly TableRow[];
}

/** Identifies a table among the files of one import (the key of its column mapping). */
export function tableKey(table: Pick<Table, 'file' | 'sheet'>): string {
  return table.sheet === undefined ? table.file : `${table.file}#${table.sheet}`;
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/**
 * Builds a table from raw rows (index 0 = spreadsheet row 1). The header is the first non-empty
 * row, or a later one among the first ten when `isHeader` recognises it (a title row above the
 * header is common in office sheets).
 */
export function tableFromRows(
  file: string,
  sheet: string | undefined,
  raw: readonly (readonly string[])[],
  isHeader: (cells: readonly string[]) => boolean,
): Table {
  let headerIndex = raw.findIndex((cells) => !isBlankRow(cells));
  const recognised = raw.slice(0, 10).findIndex(isHeader);
  if (recognised >= 0) headerIndex = recognised;
  const header = headerIndex < 0 ? [] : raw[headerIndex]!.map((h) => h.trim());
  const rows: TableRow[] = [];
  for (let i = headerIndex + 1; headerIndex >= 0 && i < raw.length; i++) {
    const cells = raw[i]!;
    if (!isBlankRow(cells)) rows.push({ row: i + 1, cells });
  }
  return { file, ...(sheet === undefined ? {} : { sheet }), header, headerRow: headerIndex + 1, rows };
}
