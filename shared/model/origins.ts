import * as Y from 'yjs';
import type { ChangeSource } from './types';

/**
 * Origin of this client's field edits through the model API (typing a label, picking a kind): the
 * undo manager tracks it and merges edits that come within its capture window into one step, so a
 * typed word is undone at once, not letter by letter.
 */
export const LOCAL_ORIGIN = Symbol('ketenkaart-local');

/**
 * Origin of this client's commands through the model API (add, connect, delete, move, reverse, a
 * lane's move, paste, import, restore: everything but a field edit): the undo manager tracks it and
 * gives each its own step, never merged with the step before or after, however quickly they follow
 * each other. Only `continueStep` joins a field edit to the command before it (naming what was added).
 */
export const COMMAND_ORIGIN = Symbol('ketenkaart-command');

/**
 * Origin of schema migrations. No undo manager tracks it: Ctrl+Z after opening an old map must not
 * revert the migration (and set `schemaVersion` back).
 */
export const MIGRATION_ORIGIN = Symbol('ketenkaart-migration');

/**
 * Origin of the workshop controls a facilitator operates for the room (the timer): this device's
 * writes, but no undo manager tracks them, so Ctrl+Z never stops or restarts the room's timer.
 */
export const WORKSHOP_ORIGIN = Symbol('ketenkaart-workshop');

/** Who made a transaction, from its origin. */
export function sourceOf(tr: Y.Transaction): ChangeSource {
  if (tr.origin === LOCAL_ORIGIN || tr.origin === COMMAND_ORIGIN || tr.origin === WORKSHOP_ORIGIN) {
    return 'local';
  }
  if (tr.origin === MIGRATION_ORIGIN) return 'migration';
  if (tr.origin instanceof Y.UndoManager) return 'undo';
  return 'remote';
}
