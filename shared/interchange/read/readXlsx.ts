import { zipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import type { InterchangeLimits } from '../limits';
import { type ImportProblem, problem } from '../problems';
import { looksLikeHeader } from '../vocabulary/headers';
import { type Table, tableFromRows } from './table';
import { openZipGuarded } from './zipGuard';

export interface XlsxRead {
  readonly tables: readonly Table[];
  readonly problems: readonly ImportProblem[];
}

/** The parts read-excel-file reads (it skips images, printer settings and the like as well). */
const XML_PART = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');

/**
 * Reads every sheet of a workbook with read-excel-file, after the zip guard has inflated its XML
 * parts under the limits. The parts are handed over re-packed without compression ("stored"): the
 * library then slices instead of inflating a second time, and never reaches for fflate's workers,
 * which it would start from blob: URLs for large parts (a Content-Security-Policy of
 * `script-src 'self'` does not allow those).
 *
 * Cells come back as text: numbers as written in the file (so `0123` style identifiers and KBO
 * numbers keep their digits), dates as `YYYY-MM-DD`, booleans as `TRUE`/`FALSE`.
 */
export async function readXlsx(
  file: string,
  bytes: Uint8Array,
  limits: InterchangeLimits,
): Promise<XlsxRead> {
  const guarded = openZipGuarded(file, bytes, limits, XML_PART);
  if (!guarded.ok) return { tables: [], problems: [guarded.problem] };
  const stored = zipSync(guarded.entries, { level: 0 });
  let sheets: Awaited<ReturnType<typeof readXlsxFile<string>>>;
  try {
    sheets = await readXlsxFile<string>(stored.buffer, { parseNumber: (text) => text, trim: false });
  } catch {
    return { tables: [], problems: [problem('xlsxCorrupt', { file })] };
  }
  const tables = sheets.map((sheet) =>
    tableFromRows(
      file,
      sheet.sheet,
      sheet.data.map((row) => row.map(cellText)),
      looksLikeHeader,
    ),
  );
  return { tables, problems: [] };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
