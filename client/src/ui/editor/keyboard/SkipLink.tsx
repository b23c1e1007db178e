import { useReactFlow } from '@xyflow/react';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import { useT } from '../../../i18n/i18n';
import { canvasOrder, focusCanvasElement } from './canvasFocus';
import './keyboard.css';

/**
 * "Naar de kaart": the page's first Tab stop, shown when focused. It takes the keyboard past the
 * top bar, the view switch and the palette straight to the chain's first actor (on an empty map:
 * the palette's first button); in the list view, to the list.
 */
export function SkipLink({ store, list }: { store: CanvasStore; list: boolean }) {
  const t = useT();
  const { setCenter, getZoom } = useReactFlow();
  return (
    <a
      className="kk-skip-link"
      href={list ? '#kk-view-panel-list' : '#kk-canvas'}
      onClick={(e) => {
        e.preventDefault();
        if (list) {
          const target =
            document.querySelector<HTMLElement>('.kk-list input') ??
            document.querySelector<HTMLElement>('.kk-list-phase__title');
          target?.focus();
          return;
        }
        const first = canvasOrder(store.getState())[0];
        if (first)
          void focusCanvasElement(first, store.getState(), (x, y) => setCenter(x, y, { zoom: getZoom() }));
        else document.querySelector<HTMLElement>('.kk-palette button')?.focus();
      }}
    >
      {t(list ? 'keys.skipToList' : 'keys.skipToMap')}
    </a>
  );
}
