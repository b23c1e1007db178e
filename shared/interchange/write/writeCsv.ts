import Papa from 'papaparse';
import type { ChainMapState } from '../../model/types';
import { guardCsvCell } from '../csvFormulaGuard';
import type { CsvTable } from '../exportFormats';
import type { TableRole } from '../vocabulary/headers';
import type { InterchangeLocale } from '../vocabulary/locale';
import { kumuTables } from './kumuTables';

const ROLE: Readonly<Record<CsvTable, TableRole>> = {
  actors: 'elements',
  links: 'connections',
  notes: 'notes',
};

export interface CsvOptions {
  readonly locale?: InterchangeLocale;
  /**
   * `;` by default: what Excel on a Belgian (Dutch or French) desktop expects, so a double-click
   * opens the file in columns. `,` for Kumu and most other tools; both are read back.
   */
  readonly delimiter?: ';' | ',';
}

/**
 * One table of the map as CSV in Kumu's layout: UTF-8 with a byte-order mark (without it Excel reads
 * the file as Windows-1252 and garbles every accent), CRLF line ends, quotes where needed, and text
 * cells that Excel would run as a formula prefixed with an apostrophe.
 */
export function exportCsv(state: ChainMapState, table: CsvTable, options: CsvOptions = {}): string {
  const out = kumuTables(state, options.locale ?? 'nl')[ROLE[table]];
  const rows = [out.header, ...out.rows].map((row) =>
    row.map((cell) => (typeof cell === 'number' ? String(cell) : guardCsvCell(cell))),
  );
  return `\uFEFF${Papa.unparse(rows, { delimiter: options.delimiter ?? ';', newline: '\r\n' })}\r\n`;
}
