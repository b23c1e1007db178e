import { useMemo, useRef, useState } from 'react';
import type { CanvasStore } from '../../canvas/CanvasStore';
import { commitLabel } from '../../canvas/canvasCommands';
import type { MapSession } from '../../session/MapSession';
import type { Editing } from './EditingContext';

/**
 * Which element's name editor is open, and the `Editing` the name editors share. An element just
 * added opens its editor (`openJustAdded`); its first name is part of adding it: one undo step.
 */
export function useEditing(
  session: MapSession,
  store: CanvasStore,
): {
  editing: Editing;
  editingId: string | null;
  setEditingId(id: string | null): void;
  openJustAdded(id: string): void;
} {
  const [editingId, setEditingId] = useState<string | null>(null);
  /** The element whose name editor its adding opened, until that name is committed. */
  const justAdded = useRef<string | null>(null);
  const editing: Editing = useMemo(
    () => ({
      model: session.model,
      editingId,
      start: setEditingId,
      stop: () => {
        justAdded.current = null;
        setEditingId(null);
      },
      commitLabel: (id, label) => {
        if (justAdded.current === id) session.undoManager.continueStep();
        justAdded.current = null;
        commitLabel(session.model, store.getState(), id, label);
      },
      isJustAdded: (id) => justAdded.current === id,
    }),
    [editingId, store, session],
  );
  const openJustAdded = (id: string) => {
    justAdded.current = id;
    setEditingId(id);
  };
  return { editing, editingId, setEditingId, openJustAdded };
}
