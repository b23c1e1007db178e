import { createContext, useContext } from 'react';
import type { ChainMap } from '../../../../shared/model/ChainMap';

/** Which element's label is being edited inline, and how to commit it. */
export interface Editing {
  /** The map the inline editor types into. */
  model: ChainMap | null;
  editingId: string | null;
  start(id: string): void;
  stop(): void;
  commitLabel(id: string, label: string): void;
  /** Whether `id` was just added and its name editor opened with it: naming it joins that undo step. */
  isJustAdded(id: string): boolean;
}

export const EditingContext = createContext<Editing>({
  model: null,
  editingId: null,
  start: () => {},
  stop: () => {},
  commitLabel: () => {},
  isJustAdded: () => false,
});

export const useEditing = () => useContext(EditingContext);
