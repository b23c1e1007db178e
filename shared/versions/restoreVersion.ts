import type { ChainMap } from '../model/ChainMap';
import { decodeVersionSnapshot, VersionSnapshotError } from './versionSnapshot';

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
export function restoreVersion(map: ChainMap, versionId: string): void {
  const info = map.versions().find((v) => v.id === versionId);
  const bytes = map.versionSnapshot(versionId);
  if (!info || !bytes) throw new VersionSnapshotError('notASnapshot', `There is no version ${versionId}.`);
  const target = decodeVersionSnapshot(bytes);
  const author = map.getAuthor();

  map.transact(() => {
    // The restore shows as ONE activity entry, not one per touched element, which would push the
    // real history out of the bounded feed.
    map.setAuthor(null);
    try {
      const keep = {
        phases: new Set(target.phases.map((p) => p.id)),
        actors: new Set(target.actors.map((a) => a.id)),
        links: new Set(target.links.map((l) => l.id)),
        notes: new Set(target.notes.map((n) => n.id)),
      };
      // Every stored id, including invalid elements and links hidden because an endpoint was gone:
      // a hidden link not in the version must not reappear when the version brings its actor back.
      const stored = map.storedIds();
      const absent = (collection: keyof typeof keep) =>
        stored[collection].filter((id) => !keep[collection].has(id));

      // Lanes first: deleting one clears phaseId on its actors and notes, which the puts below restore.
      for (const id of absent('phases')) map.deletePhase(id);
      map.deleteElements({ actors: absent('actors'), links: absent('links'), notes: absent('notes') });

      for (const phase of target.phases) map.putPhase(phase);
      for (const actor of target.actors) map.putActor(actor);
      for (const link of target.links) map.putLink(link);
      for (const note of target.notes) map.putNote(note);
      const meta = map.getMeta();
      if (meta.title !== target.meta.title || meta.municipality !== target.meta.municipality) {
        map.setMeta({ title: target.meta.title, municipality: target.meta.municipality });
      }
    } finally {
      map.setAuthor(author);
    }
    map.recordActivity('restore', 'map', versionId, info.name);
  });
}
