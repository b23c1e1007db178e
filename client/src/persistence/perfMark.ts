import { parseDocRoom } from '../../../shared/protocol/docRooms';

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

/**
 * A mark for one doc's phase: a map's conversation doc opens beside the map doc with the same
 * phases, so its marks are prefixed `conversation:` (the bench keeps one time per name).
 */
export function docPerfMark(room: string, name: string): void {
  perfMark(parseDocRoom(room)?.kind === 'conversation' ? `conversation:${name}` : name);
}
