import type { CanvasStore } from '../../canvas/CanvasStore';

/** Frames what an import added or changed (the first few hundred), once the canvas has drawn it. */
export function frameImported(store: CanvasStore, ids: readonly string[]): void {
  if (ids.length === 0) return;
  requestAnimationFrame(() => {
    store.decorations.focusElements(ids.slice(0, 300), { source: 'import', padding: 0.1 });
    store.decorations.clear('import');
  });
}
