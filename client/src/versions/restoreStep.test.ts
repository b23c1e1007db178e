import { describe, expect, it } from 'vitest';
import { contentOf, decodeVersionSnapshot, sameContent, saveVersion } from '../../../shared/versions';
import { restoreAsOneStep } from './restoreStep';
import { workshopMap } from './versionsTestMap';

describe('restoring a version as one undo step', () => {
  it('brings the map back to the version, and one undo brings back the changed map', () => {
    const map = workshopMap();
    const undo = map.createUndoManager();
    const versionId = saveVersion(map, 'Na workshop 2', { now: 1 });
    // Edits made just before the restore, within the undo manager's capture timeout.
    map.addActor({ id: 'a5', kind: 'service', label: 'Taalpunt' });
    map.updateLink('l1', { warmth: 'warm' });
    map.deleteElements({ actors: ['a4'] });
    const changed = contentOf(map);

    restoreAsOneStep(map, undo, versionId);
    expect(sameContent(contentOf(map), decodeVersionSnapshot(map.versionSnapshot(versionId)!))).toBe(true);

    undo.undo();
    expect(sameContent(contentOf(map), changed)).toBe(true);
  });

  it('keeps an edit made right after the restore out of the restore step', () => {
    const map = workshopMap();
    const undo = map.createUndoManager();
    const versionId = saveVersion(map, 'Na workshop 2', { now: 1 });
    map.deleteElements({ actors: ['a4'] });
    restoreAsOneStep(map, undo, versionId);
    const restored = contentOf(map);
    map.updateActor('a1', { label: 'Burgerzaken Halle' });
    undo.undo();
    expect(sameContent(contentOf(map), restored)).toBe(true);
  });

  it('leaves the versions and records the restore in the activity feed', () => {
    const map = workshopMap();
    map.setAuthor('Ann');
    const undo = map.createUndoManager();
    const versionId = saveVersion(map, 'Na workshop 2', { now: 1 });
    map.deleteElements({ actors: ['a4'] });
    restoreAsOneStep(map, undo, versionId);
    undo.undo();
    expect(map.versions().map((v) => v.name)).toEqual(['Na workshop 2']);
    expect(map.activity(1)[0]).toMatchObject({ by: 'Ann', op: 'restore', label: 'Na workshop 2' });
  });
});
