import * as Y from 'yjs';
import type { ChangeSource } from './types';

/** Origin of every write made through the model API; the undo manager tracks exactly this origin. */
export const LOCAL_ORIGIN = Symbol('ketenkaart-local');

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
  if (tr.origin === LOCAL_ORIGIN || tr.origin === WORKSHOP_ORIGIN) return 'local';
  if (tr.origin === MIGRATION_ORIGIN) return 'migration';
  if (tr.origin instanceof Y.UndoManager) return 'undo';
  return 'remote';
}
