import type { ChainMap } from '../model/ChainMap';
import { applyPlan } from './plan/applyPlan';
import { planTarget } from './plan/buildPlan';
import type { ImportPlan, ImportSummary } from './plan/importPlan';
import { placeNewActors } from './plan/placeNewActors';
import { type ImportOptions, planImport } from './plan/planImport';
import { ImportRejectedError } from './problems';
import { yieldToEventLoop } from './progress';
import type { ImportFile } from './read/detectFormat';
import { type ReadOptions, readImportFiles } from './readImportFiles';

export interface ImportIntoMapOptions extends ImportOptions, ReadOptions {}

export type ImportOutcome =
  | { readonly ok: true; readonly plan: ImportPlan; readonly summary: ImportSummary }
  | { readonly ok: false; readonly plan: ImportPlan };

/**
 * The whole import, for callers without a preview step (the server's import API, scripts): read,
 * map with the suggested (or given) mappings, plan, place the new actors, and apply as one
 * transaction, or, when anything is wrong, write nothing and return the plan with its problems.
 * The UI runs the same steps one by one, with the column mapping and the preview in between.
 */
export async function importIntoMap(
  map: ChainMap,
  files: readonly ImportFile[],
  options: ImportIntoMapOptions = {},
): Promise<ImportOutcome> {
  const read = await readImportFiles(files, options);
  await yieldToEventLoop();
  const planned = planImport(planTarget(map), read, options);
  if (planned.problems.length > 0) return { ok: false, plan: planned };
  await yieldToEventLoop();
  const plan = await placeNewActors(map.read(), planned, options.onProgress);
  options.onProgress?.({ stage: 'apply', fraction: 0 });
  try {
    const summary = applyPlan(map, plan);
    options.onProgress?.({ stage: 'apply', fraction: 1 });
    return { ok: true, plan, summary };
  } catch (error) {
    // A peer deleted a connection's end while the layout ran: refused as a whole, like any problem.
    if (error instanceof ImportRejectedError)
      return { ok: false, plan: { ...plan, problems: error.problems } };
    throw error;
  }
}
