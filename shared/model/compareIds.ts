/**
 * Code-unit order of ids. Y.Map iteration follows each peer's own insertion order, so every list the
 * model returns is sorted by id (or by a field, then id): all peers read the same model.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
