import type { KetenKaartDocument } from './json/jsonElements';
import { readJson } from './json/readJson';
import { type InterchangeLimits, resolveLimits } from './limits';
import type { ImportProblem } from './problems';
import { type ProgressListener, yieldToEventLoop } from './progress';
import { checkTableLimits } from './read/checkTable';
import type { TextEncodingName } from './read/decodeText';
import { detectFormat, type FileFormat, type ImportFile } from './read/detectFormat';
import { readCsv } from './read/readCsv';
import { readXlsx } from './read/readXlsx';
import { type Table, tableKey } from './read/table';
import { roleForHeader, roleForSheetName, type TableRole } from './vocabulary/headers';

export interface ReadTable {
  readonly key: string;
  readonly table: Table;
  /** What the sheet name or the headers say the table holds; the column mapping may change it. */
  readonly role: TableRole;
}

export interface ReadFile {
  readonly name: string;
  readonly format: FileFormat | null;
  readonly encoding?: TextEncodingName;
  readonly delimiter?: string;
}

export interface ImportRead {
  readonly files: readonly ReadFile[];
  readonly tables: readonly ReadTable[];
  readonly documents: readonly { readonly file: string; readonly document: KetenKaartDocument }[];
  readonly problems: readonly ImportProblem[];
}

export interface ReadOptions {
  readonly limits?: Partial<InterchangeLimits>;
  readonly onProgress?: ProgressListener;
}

/**
 * Reads the files of one import: a workbook (Kumu's two sheets, or a plain list), one or more CSV
 * files (Kumu's elements and connections as two files, told apart by their headers), or a
 * KetenKaart JSON file. Empty sheets and sheets marked "(ignore)" for Kumu are skipped.
 */
export async function readImportFiles(
  files: readonly ImportFile[],
  options: ReadOptions = {},
): Promise<ImportRead> {
  const limits = resolveLimits(options.limits);
  const out = {
    files: [] as ReadFile[],
    tables: [] as ReadTable[],
    documents: [] as ImportRead['documents'][number][],
  };
  const problems: ImportProblem[] = [];
  for (const [i, file] of files.entries()) {
    options.onProgress?.({ stage: 'read', fraction: i / files.length });
    await yieldToEventLoop();
    const detected = detectFormat(file, limits);
    if (!detected.ok) {
      out.files.push({ name: file.name, format: null });
      problems.push(detected.problem);
      continue;
    }
    if (detected.format === 'json') {
      out.files.push({ name: file.name, format: 'json' });
      const json = readJson(file.name, file.bytes);
      if (json.ok) out.documents.push({ file: file.name, document: json.document });
      else problems.push(...json.problems);
      continue;
    }
    let tables: readonly Table[];
    if (detected.format === 'csv') {
      const csv = readCsv(file.name, file.bytes);
      out.files.push({ name: file.name, format: 'csv', encoding: csv.encoding, delimiter: csv.delimiter });
      problems.push(...csv.problems);
      tables = csv.table ? [csv.table] : [];
    } else {
      const xlsx = await readXlsx(file.name, file.bytes, limits);
      out.files.push({ name: file.name, format: 'xlsx' });
      problems.push(...xlsx.problems);
      tables = xlsx.tables;
    }
    for (const table of tables) {
      const byName = table.sheet === undefined ? null : roleForSheetName(table.sheet);
      if (byName === 'ignore' || table.header.length === 0) continue;
      const limitProblems = checkTableLimits(table, limits);
      problems.push(...limitProblems);
      if (limitProblems.length > 0) continue;
      out.tables.push({ key: tableKey(table), table, role: byName ?? roleForHeader(table.header) });
    }
  }
  if (
    problems.length === 0 &&
    out.tables.every((t) => t.table.rows.length === 0) &&
    out.documents.length === 0
  ) {
    problems.push({ code: 'noData', params: {}, ...(files[0] ? { file: files[0].name } : {}) });
  }
  options.onProgress?.({ stage: 'read', fraction: 1 });
  return { ...out, problems };
}
