import { jsonRecords } from '../json/jsonRecords';
import { checkMapping, suggestMapping, type TableMapping } from '../mapping/columnMapping';
import { mapConnections } from '../mapping/mapConnections';
import { type Mapped, mapElements } from '../mapping/mapElements';
import { mapNotes } from '../mapping/mapNotes';
import { mapPhases } from '../mapping/mapPhases';
import { type ImportRecords, mergeRecords, NO_RECORDS } from '../mapping/records';
import type { ImportProblem } from '../problems';
import type { Table } from '../read/table';
import type { ImportRead } from '../readImportFiles';
import { buildPlan, type PlanOptions, type PlanTarget } from './buildPlan';
import type { ImportPlan } from './importPlan';

/** Column mappings by table key (`tableKey`); a table without one gets the suggested mapping. */
export type ImportMappings = Readonly<Record<string, TableMapping>>;

export interface ImportOptions extends PlanOptions {
  readonly mappings?: ImportMappings;
}

/** The suggested mapping of every table read, for the column-mapping step to start from. */
export function suggestMappings(read: ImportRead): Record<string, TableMapping> {
  return Object.fromEntries(read.tables.map((t) => [t.key, suggestMapping(t.table, t.role)]));
}

/** The records of every table (through its mapping) and document, with the problems found. */
export function collectRecords(
  read: ImportRead,
  mappings: ImportMappings = {},
): { readonly records: ImportRecords; readonly problems: readonly ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const parts: ImportRecords[] = [];
  for (const { key, table, role } of read.tables) {
    const mapping = mappings[key] ?? suggestMapping(table, role);
    const mappingProblems = checkMapping(table, mapping);
    problems.push(...mappingProblems);
    if (mappingProblems.length > 0) continue;
    parts.push(recordsOf(table, mapping, problems));
  }
  for (const { file, document } of read.documents) parts.push(jsonRecords(file, document));
  return { records: parts.length === 0 ? NO_RECORDS : mergeRecords(parts), problems };
}

function recordsOf(table: Table, mapping: TableMapping, problems: ImportProblem[]): ImportRecords {
  const take = <T>(mapped: Mapped<T>): readonly T[] => {
    problems.push(...mapped.problems);
    return mapped.records;
  };
  switch (mapping.role) {
    case 'elements':
      return { ...NO_RECORDS, actors: take(mapElements(table, mapping as TableMapping<'elements'>)) };
    case 'connections':
      return { ...NO_RECORDS, links: take(mapConnections(table, mapping as TableMapping<'connections'>)) };
    case 'notes':
      return { ...NO_RECORDS, notes: take(mapNotes(table, mapping as TableMapping<'notes'>)) };
    case 'phases':
      return { ...NO_RECORDS, phases: take(mapPhases(table, mapping as TableMapping<'phases'>)) };
  }
}

/**
 * The plan of an import: reading problems, mapping problems and matching problems together, so the
 * preview shows everything that is wrong at once. Pure and synchronous: the server runs it inside
 * the map's room, ordered with live edits.
 */
export function planImport(target: PlanTarget, read: ImportRead, options: ImportOptions = {}): ImportPlan {
  options.onProgress?.({ stage: 'map', fraction: 0 });
  const { records, problems } = collectRecords(read, options.mappings);
  options.onProgress?.({ stage: 'map', fraction: 1 });
  return buildPlan(target, records, options, [...read.problems, ...problems]);
}
