import type { ChainMap } from '../../../shared/model/ChainMap';
import type { MapUndoManager } from '../../../shared/model/undo';
import { restoreVersion } from '../../../shared/versions';

/**
 * "Terugzetten" as exactly one undo step: the undo manager stops capturing before the restore (so
 * it does not merge into an edit made just before) and after it (so the next edit does not merge
 * into the restore). Ctrl+Z then undoes precisely the restore, for this participant only.
 */
export function restoreAsOneStep(model: ChainMap, undoManager: MapUndoManager, versionId: string): void {
  undoManager.stopCapturing();
  restoreVersion(model, versionId);
  undoManager.stopCapturing();
}
