/**
 * The interchange module (`shared/interchange`: CSV, XLSX and JSON readers and writers, the merge
 * planner, and through the placement step the layout engine elkjs) is loaded on first use of the
 * import dialog or a data export, so it never weighs on opening the app. The build precaches the
 * chunk like every other emitted file, so it loads offline too.
 */
export type Interchange = typeof import('../../../shared/interchange');

let loading: Promise<Interchange> | null = null;

export function loadInterchange(): Promise<Interchange> {
  loading ??= import('../../../shared/interchange').catch((error: unknown) => {
    loading = null; // a failed load (e.g. a new deployment replaced the chunk) may be retried
    throw error;
  });
  return loading;
}
