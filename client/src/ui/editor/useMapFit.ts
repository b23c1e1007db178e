import { useReactFlow, useStore, type Viewport } from '@xyflow/react';
import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CanvasStore } from '../../canvas/CanvasStore';
import { EDIT_FIT, fitViewport, mapBounds, PRESENT_FIT } from '../../canvas/mapFit';
import type { Rect } from '../../canvas/placement';

/** The part of the map a viewport shows on a `width` × `height` canvas, in flow coordinates. */
export function visibleRect(viewport: Viewport, width: number, height: number): Rect {
  const { x, y, zoom } = viewport;
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

/** What the canvas opens with: measured once, before React Flow mounts. */
export interface CanvasOpening {
  /** False until the canvas element was measured (React Flow is not mounted before); true at once for an empty map. */
  readonly measured: boolean;
  /** React Flow's `defaultViewport`: the fitted map, or undefined (React Flow's own) for a map with nothing on it. */
  readonly viewport: Viewport | undefined;
}

/**
 * Fits the map to the canvas: once when the map opens (a map with nothing on it keeps the default
 * view, so the first actor dropped does not move the view), on entering and leaving presentation,
 * and on every resize while presenting (going full screen resizes the canvas after the fact).
 *
 * The opening fit is computed from the canvas element's size in a layout effect, before React Flow
 * mounts, and handed to it as its `defaultViewport`; the link culling gets the same viewport. So
 * React Flow's first pass with the nodes already culls for the fitted view. Fitting after React
 * Flow had measured its pane drew the cards around the origin at zoom 1 first, then the fitted
 * ones (and all 2,000 links went into its store before the culling window existed): on a
 * 1,000-actor map two extra render passes before the first card.
 */
export function useMapFit(
  store: CanvasStore,
  presenting: boolean,
  canvas: RefObject<HTMLElement | null>,
): CanvasOpening {
  const { setViewport } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  /** The presenting state the map was last fitted for; null before the first fit. */
  const fitted = useRef<boolean | null>(null);
  // A map with nothing on it is not fitted: React Flow mounts at once, with its default view.
  const [opening, setOpening] = useState<CanvasOpening>(() => ({
    measured: mapBounds(store.getState()) === null,
    viewport: undefined,
  }));
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured once, when the canvas mounts; later fits are the effect's
  useLayoutEffect(() => {
    if (opening.measured) return;
    const element = canvas.current;
    const w = element?.offsetWidth ?? 0;
    const h = element?.offsetHeight ?? 0;
    const bounds = mapBounds(store.getState());
    if (!bounds || w === 0 || h === 0) {
      setOpening({ measured: true, viewport: undefined });
      return;
    }
    const viewport = fitViewport(bounds, w, h, presenting ? PRESENT_FIT : EDIT_FIT);
    fitted.current = presenting;
    store.setViewport(visibleRect(viewport, w, h));
    setOpening({ measured: true, viewport });
  }, []);
  useEffect(() => {
    if (width === 0 || height === 0) return;
    if (fitted.current === presenting && !presenting) return;
    fitted.current = presenting;
    const bounds = mapBounds(store.getState());
    if (bounds) void setViewport(fitViewport(bounds, width, height, presenting ? PRESENT_FIT : EDIT_FIT));
  }, [store, presenting, width, height, setViewport]);
  return opening;
}
