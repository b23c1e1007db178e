import writeXlsxFile, { type Sheet } from 'write-excel-file/universal';
import type { ChainMapState } from '../../model/types';
import { SHEET_NAMES, type TableRole } from '../vocabulary/headers';
import type { InterchangeLocale } from '../vocabulary/locale';
import { kumuTables, type OutputTable } from './kumuTables';

export interface XlsxOptions {
  readonly locale?: InterchangeLocale;
}

const SHEET_ORDER: readonly TableRole[] = ['elements', 'connections', 'phases', 'notes'];

/**
 * The map as an XLSX workbook in Kumu's layout: `Elements` and `Connections` (the sheets Kumu
 * imports), then KetenKaart's lanes and notes on sheets whose names end in "(ignore)", which Kumu
 * skips and KetenKaart reads back. Text is written as text (never as a formula), positions as
 * numbers; the header row is bold and frozen.
 */
export async function exportXlsx(state: ChainMapState, options: XlsxOptions = {}): Promise<Uint8Array> {
  const locale = options.locale ?? 'nl';
  const tables = kumuTables(state, locale);
  const sheets: Sheet<Blob>[] = SHEET_ORDER.map((role) => ({
    sheet: SHEET_NAMES[role][locale],
    data: sheetData(tables[role]),
    stickyRowsCount: 1,
    columns: tables[role].header.map((h) => ({ width: Math.max(10, Math.min(40, h.length + 4)) })),
  }));
  const blob = await writeXlsxFile(sheets).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

function sheetData(table: OutputTable): Sheet<Blob>['data'] {
  return [
    table.header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const })),
    ...table.rows.map((row) =>
      row.map((cell) =>
        typeof cell === 'number' ? { value: cell, type: Number } : { value: cell, type: String },
      ),
    ),
  ];
}
