/**
 * A named point in the User Timing of the page (`performance.mark`), prefixed `kk:`. The browser
 * benchmark reads them to split opening a map into phases. Costs a few microseconds; a no-op where
 * the API is missing.
 */
export function perfMark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') {
    try {
      performance.mark(`kk:${name}`);
    } catch {
      // A mark is diagnostics only.
    }
  }
}
