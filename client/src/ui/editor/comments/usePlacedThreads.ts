import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { ThreadView } from '../../../../../shared/model/conversation/conversationTypes';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import { type PlacedThread, placeThreads, samePlacementOr } from '../../../comments/threadPlacement';

const NONE: readonly PlacedThread[] = [];

/**
 * The threads placed on the map, as a store subscription whose snapshot changes only when a pin
 * does (`samePlacementOr`). Reading the whole map state here instead re-rendered the editor, and
 * every panel under it, on each remote edit of a big map: part of the edit's way to the screen.
 */
export function usePlacedThreads(
  threads: readonly ThreadView[],
  store: CanvasStore,
): readonly PlacedThread[] {
  const last = useRef<{ threads: readonly ThreadView[]; state: unknown; placed: readonly PlacedThread[] }>({
    threads: [],
    state: null,
    placed: NONE,
  });
  const get = useCallback(() => {
    const state = store.getState();
    const cached = last.current;
    if (cached.threads === threads && cached.state === state) return cached.placed;
    const placed = samePlacementOr(cached.placed, placeThreads(threads, state));
    last.current = { threads, state, placed };
    return placed;
  }, [threads, store]);
  return useSyncExternalStore(store.subscribe, get);
}
