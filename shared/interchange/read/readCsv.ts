import Papa from 'papaparse';
import { unguardCsvCell } from '../csvFormulaGuard';
import { type ImportProblem, problem } from '../problems';
import { looksLikeHeader } from '../vocabulary/headers';
import { decodeText, type TextEncodingName } from './decodeText';
import { type Table, tableFromRows } from './table';

export interface CsvRead {
  readonly table: Table | null;
  readonly encoding: TextEncodingName;
  readonly delimiter: string;
  readonly problems: readonly ImportProblem[];
}

/**
 * Only these are guessed: `|` separates values inside a Kumu cell and must never be taken for the
 * delimiter; Belgian Excel writes `;`, most other tools `,`, "Unicode text" a tab.
 */
const DELIMITERS = [';', ',', '\t'];

/**
 * Reads one CSV file (papaparse, delimiter detected, quoted cells with line breaks). Every record is
 * kept, empty ones too, so the row numbers are the spreadsheet's; empty rows are then skipped.
 */
export function readCsv(file: string, bytes: Uint8Array): CsvRead {
  const { text, encoding } = decodeText(bytes);
  // The delimiter is guessed with empty lines skipped (papaparse counts an empty line as a row of
  // one field, and a few of them make it miss `;`), then the whole file is parsed keeping them.
  const guessed = Papa.parse<string[]>(text, {
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: 'greedy',
    preview: 100,
  });
  const delimiter = guessed.meta.delimiter || ',';
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const problems: ImportProblem[] = [];
  for (const error of parsed.errors) {
    if (error.type !== 'Quotes') continue;
    problems.push(
      problem('csvMalformed', { file, ...(error.row === undefined ? {} : { row: error.row + 1 }) }),
    );
  }
  if (problems.length > 0) return { table: null, encoding, delimiter, problems };
  const raw = parsed.data.map((record) => record.map(unguardCsvCell));
  const table = tableFromRows(file, undefined, raw, looksLikeHeader);
  return { table, encoding, delimiter, problems };
}
