import type { ChainMap } from '../model/ChainMap';
import { contentOf } from './versionContent';
import { decodeVersionSnapshot, VersionSnapshotError } from './versionSnapshot';

export interface RestoreVersionOptions {
  /**
   * The name of whoever restores, as given to `map.setAuthor`. When given, the restore shows as ONE
   * activity entry ('restore') instead of one entry per touched element, which would push the real
   * history out of the capped feed; the author is set back to this name afterwards. (ChainMap has no
   * getter for its author, hence this option — see the report.)
   */
  readonly author?: string | null;
}

/**
 * Brings the whole map back to a version ("Terugzetten") as a NEW change, in one transaction: one
 * undo step, one update that syncs to every peer, and the history before it stays untouched.
 *
 * Invariant: afterwards `contentOf(map)` equals the version's decoded content, whatever the map held
 * before (including elements that fail validation, and links hidden because an endpoint was gone).
 * Elements are written with `put*`, which writes only differing fields, so an unchanged element costs
 * nothing and a peer's concurrent edit of another field survives the merge.
 *
 * Call `undoManager.stopCapturing()` before it, so the restore does not merge into the previous
 * undo step. Throws VersionSnapshotError for an unknown or unreadable version, before any write.
 */
export function restoreVersion(map: ChainMap, versionId: string, options: RestoreVersionOptions = {}): void {
  const info = map.versions().find((v) => v.id === versionId);
  const bytes = map.versionSnapshot(versionId);
  if (!info || !bytes) throw new VersionSnapshotError('notASnapshot', `There is no version ${versionId}.`);
  const target = decodeVersionSnapshot(bytes);
  const quiet = options.author !== undefined;

  map.transact(() => {
    if (quiet) map.setAuthor(null);
    try {
      const state = map.read();
      const current = contentOf(state);
      const keep = {
        phases: new Set(target.phases.map((p) => p.id)),
        actors: new Set(target.actors.map((a) => a.id)),
        links: new Set(target.links.map((l) => l.id)),
        notes: new Set(target.notes.map((n) => n.id)),
      };
      const invalid = (collection: keyof typeof keep) =>
        state.problems.filter((p) => p.collection === collection).map((p) => p.id);

      // Lanes first: deleting one clears phaseId on its actors and notes, which the puts below restore.
      for (const id of [...current.phases.map((p) => p.id), ...invalid('phases')]) {
        if (!keep.phases.has(id)) map.deletePhase(id);
      }
      const presentActors = new Set(current.actors.map((a) => a.id));
      map.deleteElements({
        actors: [
          ...[...presentActors, ...invalid('actors')].filter((id) => !keep.actors.has(id)),
          // Actors the version brings back: deleting their (absent) ids also deletes stored links
          // that still point at them. Such links are hidden now, would reappear with the actor, and
          // are not in the version (or are re-put below if they are).
          ...target.actors.filter((a) => !presentActors.has(a.id)).map((a) => a.id),
        ],
        links: [...current.links.map((l) => l.id), ...invalid('links')].filter((id) => !keep.links.has(id)),
        notes: [...current.notes.map((n) => n.id), ...invalid('notes')].filter((id) => !keep.notes.has(id)),
      });

      for (const phase of target.phases) map.putPhase(phase);
      for (const actor of target.actors) map.putActor(actor);
      for (const link of target.links) map.putLink(link);
      for (const note of target.notes) map.putNote(note);
      const meta = map.getMeta();
      if (meta.title !== target.meta.title || meta.municipality !== target.meta.municipality) {
        map.setMeta({ title: target.meta.title, municipality: target.meta.municipality });
      }
    } finally {
      if (quiet) map.setAuthor(options.author ?? null);
    }
    map.recordActivity('restore', 'map', versionId, info.name);
  });
}
