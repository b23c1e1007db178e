import * as Y from 'yjs';
import { type DocLayout, undoableTypes } from './layout';
import { COMMAND_ORIGIN, LOCAL_ORIGIN } from './origins';

/** Undo events a view listens to, to enable and disable its undo and redo buttons. */
export type UndoEvent = 'stack-item-added' | 'stack-item-popped' | 'stack-cleared';

/**
 * The undo history as the rest of the app sees it; a Y.UndoManager underneath. Client code outside
 * the session layer holds this type, never Yjs's own.
 */
export interface MapUndoManager {
  undo(): unknown;
  redo(): unknown;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Ends the current undo step: the next write starts a new one (drag start, restore). */
  stopCapturing(): void;
  /**
   * The next write joins the last undo step, however long ago that was: naming an element in the
   * editor its adding opened is part of adding it, whether the name took half a second or ten.
   */
  continueStep(): void;
  on(event: UndoEvent, listener: () => void): void;
  off(event: UndoEvent, listener: () => void): void;
  destroy(): void;
  /** The steps Ctrl+Z would revert, oldest first (tests count them). */
  readonly undoStack: readonly unknown[];
}

/** Writes within this time of each other form one undo step (typing a label). */
const CAPTURE_MS = 500;

/**
 * Undo covers only this client's own model writes (LOCAL_ORIGIN, COMMAND_ORIGIN), never a peer's,
 * never a migration (MIGRATION_ORIGIN), and only the map's content and dismissals: versions and the
 * activity feed are history, not edits.
 *
 * One command, one step: Y.UndoManager merges a write into the last step when it comes within
 * captureTimeout of `lastChange` (its public field; `stopCapturing` sets it to 0). A command's
 * transaction ends the current step as it begins (the doc's `beforeTransaction`) and again once its
 * own step is on the stack, so neither the edit before it nor the write after it merges with it;
 * `continueStep` moves `lastChange` to now, which merges the next write on purpose.
 */
export function createUndoManager(layout: DocLayout): MapUndoManager {
  const manager = new Y.UndoManager(undoableTypes(layout), {
    trackedOrigins: new Set([LOCAL_ORIGIN, COMMAND_ORIGIN]),
    captureTimeout: CAPTURE_MS,
  });
  const beginCommand = (tr: Y.Transaction) => {
    if (tr.origin === COMMAND_ORIGIN) manager.stopCapturing();
  };
  const endCommand = (event: { origin: unknown }) => {
    if (event.origin === COMMAND_ORIGIN) manager.stopCapturing();
  };
  manager.doc.on('beforeTransaction', beginCommand);
  manager.on('stack-item-added', endCommand);
  const destroy = manager.destroy.bind(manager);
  return Object.assign(manager, {
    destroy(): void {
      manager.doc.off('beforeTransaction', beginCommand);
      destroy();
    },
    continueStep(): void {
      if (manager.undoStack.length > 0) manager.lastChange = Date.now();
    },
  });
}
