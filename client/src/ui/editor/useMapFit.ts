import { useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { CanvasStore } from '../../canvas/CanvasStore';
import { EDIT_FIT, fitViewport, mapBounds, PRESENT_FIT } from '../../canvas/mapFit';

/**
 * Fits the map to the canvas: once when the map opens (a map with nothing on it keeps the default
 * view, so the first actor dropped does not move the view), on entering and leaving presentation,
 * and on every resize while presenting (going full screen resizes the canvas after the fact).
 */
export function useMapFit(store: CanvasStore, presenting: boolean): void {
  const { setViewport } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const fitted = useRef<boolean | null>(null);
  useEffect(() => {
    if (width === 0 || height === 0) return;
    if (fitted.current === presenting && !presenting) return;
    fitted.current = presenting;
    const bounds = mapBounds(store.getState());
    if (bounds) void setViewport(fitViewport(bounds, width, height, presenting ? PRESENT_FIT : EDIT_FIT));
  }, [store, presenting, width, height, setViewport]);
}
