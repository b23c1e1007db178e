import { useEffect, useState } from 'react';
import type { MapUndoManager } from '../../../../shared/model/undo';

/** Whether undo / redo have anything to do, kept current with the undo manager's stacks. */
export function useUndoState(undoManager: MapUndoManager): { canUndo: boolean; canRedo: boolean } {
  const read = () => ({ canUndo: undoManager.canUndo(), canRedo: undoManager.canRedo() });
  const [state, setState] = useState(read);
  useEffect(() => {
    const update = () => setState({ canUndo: undoManager.canUndo(), canRedo: undoManager.canRedo() });
    const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
    for (const e of events) undoManager.on(e, update);
    update();
    return () => {
      for (const e of events) undoManager.off(e, update);
    };
  }, [undoManager]);
  return state;
}
