import { useSyncExternalStore } from 'react';
import type { MapUndoManager } from '../../../../shared/model/undo';
import { defaultPhaseLabels } from '../../../../shared/templates/starter';
import type { CanvasStore } from '../../canvas/CanvasStore';
import { useT } from '../../i18n/i18n';
import './blankMap.css';

/**
 * What a blank map says: where to start (one line), and, while it has no lanes, an offer of the
 * default phases from arrival to participation. Gone as soon as the map has content. The phases
 * arrive in one transaction, so one Ctrl+Z takes them away again.
 */
export function BlankMapStart({ store, undo }: { store: CanvasStore; undo: MapUndoManager }) {
  const t = useT();
  useSyncExternalStore(store.subscribe, store.getGraph);
  const state = store.getState();
  if (store.readOnly || state.actors.length > 0 || state.notes.length > 0) return null;
  const addPhases = () => {
    undo.stopCapturing();
    store.model.transact(() => {
      for (const label of defaultPhaseLabels()) store.model.addPhase(label);
    });
    undo.stopCapturing();
  };
  return (
    <aside className="kk-blank-map" aria-label={t('blankMap.title')}>
      <p className="kk-blank-map__hint">{t('blankMap.hint')}</p>
      {state.phases.length === 0 && (
        <button type="button" className="kk-button kk-button--primary kk-button--small" onClick={addPhases}>
          {t('blankMap.addPhases')}
        </button>
      )}
    </aside>
  );
}
