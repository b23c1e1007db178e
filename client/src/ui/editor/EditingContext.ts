import { createContext, useContext } from 'react';

/** Which element's label is being edited inline, and how to commit it. */
export interface Editing {
  editingId: string | null;
  start(id: string): void;
  stop(): void;
  commitLabel(id: string, label: string): void;
}

export const EditingContext = createContext<Editing>({
  editingId: null,
  start: () => {},
  stop: () => {},
  commitLabel: () => {},
});

export const useEditing = () => useContext(EditingContext);
