import type { ChainMapState } from '../../../shared/model/types';
import { type IdleScheduler, whenIdle } from '../session/whenIdle';

interface SnapshotSource {
  subscribe(listener: () => void): () => void;
  getState(): ChainMapState;
}

/**
 * Hands `deliver` the source's snapshot when the browser is idle after it changed (after the frame
 * that shows the change), never in the task that changed it; a burst of changes is one delivery,
 * of the latest snapshot. Notifications with the snapshot unchanged (drag frames, selection)
 * schedule nothing. Returns the unsubscribe.
 */
export function followWhenIdle(
  source: SnapshotSource,
  deliver: (state: ChainMapState) => void,
  timeoutMs: number,
  idle: IdleScheduler = whenIdle,
): () => void {
  let delivered: ChainMapState | null = null;
  let cancel: (() => void) | null = null;
  const catchUp = () => {
    cancel = null;
    delivered = source.getState();
    deliver(delivered);
  };
  const schedule = () => {
    if (cancel || source.getState() === delivered) return;
    cancel = idle(catchUp, timeoutMs);
  };
  schedule();
  const unsubscribe = source.subscribe(schedule);
  return () => {
    unsubscribe();
    cancel?.();
  };
}
