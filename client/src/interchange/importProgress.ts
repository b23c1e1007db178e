import type { Progress, ProgressStage } from '../../../shared/interchange';

/**
 * The import's stages on one bar: each stage owns a slice of it, in the order they run, sized by
 * what they cost on a 2,000-row workbook (bench/interchange.bench.ts: reading and matching
 * dominate; placement and the one transaction are quick).
 */
const SLICES: Readonly<Record<ProgressStage, readonly [number, number]>> = {
  read: [0, 0.45],
  map: [0.45, 0.55],
  match: [0.55, 0.75],
  place: [0.75, 0.9],
  apply: [0.9, 1],
  write: [0, 1],
};

export interface ImportProgress {
  readonly stage: ProgressStage;
  /** 0..1 over the whole import. */
  readonly overall: number;
}

export function overallProgress(p: Progress): ImportProgress {
  const [from, to] = SLICES[p.stage];
  const fraction = Math.min(1, Math.max(0, p.fraction));
  return { stage: p.stage, overall: from + (to - from) * fraction };
}
