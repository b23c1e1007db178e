import { useCallback, useState } from 'react';
import type { NoteKind } from '../../../../../shared/model/types';
import type { EditorViewId, SidePanelId } from '../editorViews';
import { type OpenVotePanel, useVotePanelRegistration } from '../werkvorm/votePanelRequest';

/**
 * Registers how the Stemmen panel opens (for the Werkvorm's step 4): the map view, the right
 * panel unfolded, its "Stemmen" tab. Returns the note kinds last asked for, which the start form
 * takes as its choice; null until someone asks.
 */
export function useVotePanelOpener(editor: {
  readonly setSidePanel: (id: SidePanelId) => void;
  readonly openRightPanel: () => void;
  readonly setView: (view: EditorViewId) => void;
}): readonly NoteKind[] | null {
  const { setSidePanel, openRightPanel, setView } = editor;
  const [kinds, setKinds] = useState<readonly NoteKind[] | null>(null);
  const open = useCallback<OpenVotePanel>(
    (request) => {
      setKinds(request.kinds);
      setSidePanel('voting');
      openRightPanel();
      setView('map');
    },
    [setSidePanel, openRightPanel, setView],
  );
  useVotePanelRegistration(open);
  return kinds;
}
