/**
 * Import and export of chain maps, framework-free, for the client (import dialog, export menu) and
 * the server (the export and import API). Reads and writes the map only through ChainMap's API.
 *
 * Import: `readImportFiles` → (column mapping: `suggestMappings`, `previewRows`) → `planImport`
 * (preview: per element new / update / unchanged, and every problem) → `placeNewActors` →
 * `applyPlan` (one transaction). `importIntoMap` runs all of it for callers without a preview.
 * Export: `exportMap`, or the per-format functions.
 */

export { formatKbo, isValidKbo, type KboResult, normaliseKbo } from '../model/kbo';
export { CSV_TABLES, type CsvTable, EXPORT_FORMATS, EXPORT_TYPES, type ExportFormat } from './exportFormats';
export { type ExportedFile, type ExportOptions, exportMap, fileNameBase } from './exportMap';
export { type ImportIntoMapOptions, type ImportOutcome, importIntoMap } from './importIntoMap';
export type {
  JsonActor,
  JsonContent,
  JsonLink,
  JsonNote,
  JsonVersion,
  KetenKaartDocument,
} from './json/jsonElements';
export { KETENKAART_FORMAT, KETENKAART_SCHEMA } from './json/ketenkaartSchema';
export { exportDocument, exportJson, type JsonExportOptions } from './json/writeJson';
export { DEFAULT_LIMITS, type InterchangeLimits } from './limits';
export {
  type ColumnTarget,
  checkMapping,
  isMultiField,
  previewRows,
  suggestMapping,
  type TableMapping,
} from './mapping/columnMapping';
export type { RecordSource } from './mapping/records';
export { normaliseName } from './normaliseName';
export { applyPlan } from './plan/applyPlan';
export { buildPlan, DEFAULT_KIND, type PlanOptions, type PlanTarget, planTarget } from './plan/buildPlan';
export type {
  CollectionCounts,
  ImportPlan,
  ImportSummary,
  PlannedActor,
  PlannedElement,
  RowStatus,
} from './plan/importPlan';
export { placeNewActors } from './plan/placeNewActors';
export {
  collectRecords,
  type ImportMappings,
  type ImportOptions,
  planImport,
  suggestMappings,
} from './plan/planImport';
export {
  type ImportProblem,
  ImportRejectedError,
  PROBLEM_CODES,
  type ProblemCode,
  type ProblemLocation,
  type ProblemParams,
} from './problems';
export type { Progress, ProgressListener, ProgressStage } from './progress';
export type { FileFormat, ImportFile } from './read/detectFormat';
export { type Table, type TableRow, tableKey } from './read/table';
export {
  type ImportRead,
  type ReadFile,
  type ReadOptions,
  type ReadTable,
  readImportFiles,
} from './readImportFiles';
export { FIELDS, type RoleFields, type TableRole } from './vocabulary/headers';
export type { InterchangeLocale } from './vocabulary/locale';
export { type CsvOptions, exportCsv } from './write/writeCsv';
export { exportGexf, type GexfOptions } from './write/writeGexf';
export { exportGraphml, type GraphOptions } from './write/writeGraphml';
export { exportXlsx, type XlsxOptions } from './write/writeXlsx';
