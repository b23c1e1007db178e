/**
 * Progress of a long import or export, for a progress bar: the stage and how far it is (0..1).
 * Stages run in this order; a listener may map them onto one bar.
 */
export type ProgressStage = 'read' | 'map' | 'match' | 'place' | 'apply' | 'write';

export interface Progress {
  readonly stage: ProgressStage;
  readonly fraction: number;
}

export type ProgressListener = (progress: Progress) => void;

/**
 * Lets the browser paint between stages (a macrotask, not a microtask), so a progress bar moves
 * while the import runs on the main thread. In Node it only yields to other I/O.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
