import type { ChainMap } from '../../../shared/model/ChainMap';
import type { Note } from '../../../shared/model/types';

/**
 * "Aanpakken": turns a gap into an action that keeps a link to it (sourceNoteId). The action starts
 * with the gap's text, anchor, phase, regie, owner and priority; the gap itself stays as it is.
 * Returns the new action's id.
 */
export function tackleGap(model: ChainMap, gap: Note): string {
  return model.addNote({
    kind: 'action',
    text: gap.text,
    status: 'open',
    owner: gap.owner,
    due: '',
    regie: gap.regie,
    priority: gap.priority,
    phaseId: gap.phaseId,
    anchor: gap.anchor,
    position: { x: gap.position.x + 230, y: gap.position.y },
    sourceNoteId: gap.id,
  });
}
