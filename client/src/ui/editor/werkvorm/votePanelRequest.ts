import { useEffect, useSyncExternalStore } from 'react';
import type { NoteKind } from '../../../../../shared/model/types';

/**
 * The one link between the Werkvorm's step 4 and the dot vote ("Stemmen"), kept to a registry of
 * one function so the two features know nothing else of each other: the Stemmen panel registers
 * how to open itself (`useVotePanelRegistration(open)`, in the component that owns the panel),
 * and step 4's "Stemmen openen" calls it with the note kinds to vote on. While no panel is
 * registered (a build without dot voting), the button says so instead of doing nothing.
 */
export type OpenVotePanel = (request: { readonly kinds: readonly NoteKind[] }) => void;

let registered: OpenVotePanel | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

/** Registers the Stemmen panel's opener while the calling component is mounted. */
export function useVotePanelRegistration(open: OpenVotePanel): void {
  useEffect(() => {
    registered = open;
    notify();
    return () => {
      if (registered === open) registered = null;
      notify();
    };
  }, [open]);
}

/** The registered opener, or null; re-renders when a panel registers or goes. */
export function useVotePanel(): OpenVotePanel | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => registered,
  );
}
