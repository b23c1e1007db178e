import type { DocLayout } from './layout';
import { TIMER_KEY, type WorkshopTimer } from './records/timer';
import { CURRENT_SCHEMA_VERSION } from './schemaVersion';
import type { MapMeta } from './types';

/**
 * Writes to the meta root (the map's own fields beside the chain), inside the caller's transaction.
 * The caller picks the origin: the title is the user's (undoable), the timer the room's (not).
 */

/** A new map's fields. The schema version is stamped first: a peer that syncs it knows the layout. */
export function initialiseMeta(layout: DocLayout, meta: { title: string; municipality?: string }): void {
  layout.meta.set('schemaVersion', CURRENT_SCHEMA_VERSION);
  layout.meta.set('title', meta.title);
  layout.meta.set('municipality', meta.municipality ?? '');
}

/** Writes only the fields `patch` names, so renaming a map leaves a peer's municipality edit alone. */
export function writeMeta(layout: DocLayout, patch: Partial<Pick<MapMeta, 'title' | 'municipality'>>): void {
  if (patch.title !== undefined) layout.meta.set('title', patch.title);
  if (patch.municipality !== undefined) layout.meta.set('municipality', patch.municipality);
}

/** Sets the workshop timer (a copy, so the caller's object never aliases the doc's) or clears it. */
export function writeTimer(layout: DocLayout, timer: WorkshopTimer | null): void {
  if (timer) layout.meta.set(TIMER_KEY, { ...timer });
  else layout.meta.delete(TIMER_KEY);
}
