import type { ChainMap } from '../../model/ChainMap';
import { planTarget } from '../plan/buildPlan';
import type { ImportPlan } from '../plan/importPlan';
import { type ImportOptions, planImport } from '../plan/planImport';
import { type ReadOptions, readImportFiles } from '../readImportFiles';
import { utf8 } from './encodings';

/** Test-only: the plan for importing these text files (name → content) into `map`. */
export async function planFiles(
  map: ChainMap,
  files: Readonly<Record<string, string>>,
  options: ImportOptions & ReadOptions = {},
): Promise<ImportPlan> {
  const read = await readImportFiles(
    Object.entries(files).map(([name, text]) => ({ name, bytes: utf8(text) })),
    options,
  );
  return planImport(planTarget(map), read, options);
}
