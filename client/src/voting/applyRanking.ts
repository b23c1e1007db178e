import type { ChainMap } from '../../../shared/model/ChainMap';
import type { MapUndoManager } from '../../../shared/model/undo';
import { prioritiesFromRanking, rankItems } from '../../../shared/voting/voteRanking';
import type { PublicVote } from '../../../shared/voting/voteTypes';

/**
 * "Rangschikking als prioriteit overnemen" as exactly one undo step: one model transaction
 * (`setNotePriorities`) between two `stopCapturing()` calls, so Ctrl+Z undoes precisely it.
 * Returns the number of notes whose priority changed. Items deleted since the vote are skipped.
 */
export function applyRankingToPriorities(
  model: ChainMap,
  undoManager: MapUndoManager,
  vote: PublicVote,
): number {
  if (!vote.totals) return 0;
  const priorities = prioritiesFromRanking(rankItems(vote.items, vote.totals));
  const changed = [...priorities].filter(([id, p]) => {
    const note = model.getNote(id);
    return note !== undefined && note.priority !== p;
  }).length;
  undoManager.stopCapturing();
  model.setNotePriorities(priorities);
  undoManager.stopCapturing();
  return changed;
}
