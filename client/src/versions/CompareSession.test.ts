import { describe, expect, it } from 'vitest';
import { formatSummary, restoreVersion, saveVersion } from '../../../shared/versions';
import { CanvasDecorations } from '../canvas/CanvasDecorations';
import { CompareSession } from './CompareSession';
import { COMPARE_SOURCE } from './compareLayer';
import { workshopMap } from './versionsTestMap';

/** A session whose debounce timer the test fires by hand. */
function setup() {
  const map = workshopMap();
  const decorations = new CanvasDecorations();
  const timers: (() => void)[] = [];
  const session = new CompareSession(map, decorations, {
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => timers.splice(0),
  });
  const versionId = saveVersion(map, 'Na workshop 2 — 12 maart', { now: Date.parse('2025-03-12T15:00:00Z') });
  return { map, decorations, session, versionId, timers };
}

describe('compare mode', () => {
  it('shows exactly the changes since the version, on the canvas and in the summary', () => {
    const { map, decorations, session, versionId } = setup();
    map.addActor({ id: 'a5', kind: 'service', label: 'Taalpunt' });
    map.updateLink('l1', { warmth: 'warm' });
    map.updateNote('n1', { status: 'done' });
    map.deleteElements({ actors: ['a4'] });

    session.start(versionId);
    const comparison = session.get()!;
    expect(comparison.version.name).toBe('Na workshop 2 — 12 maart');
    expect(formatSummary(comparison.summary, 'nl')).toBe(
      '1 actor toegevoegd, 1 actor verwijderd, 1 overdracht warm geworden, 1 quick-win klaar',
    );
    expect(decorations.get('a5')?.state).toBe('added');
    expect(decorations.get('l1')?.state).toBe('changed');
    expect(decorations.get('n1')?.state).toBe('changed');
    expect(decorations.ghosts().nodes.map((g) => g.label)).toEqual(['CLB']);
  });

  it('follows later model changes after the debounce', () => {
    const { map, decorations, session, versionId, timers } = setup();
    session.start(versionId);
    expect(formatSummary(session.get()!.summary, 'nl')).toBe('Geen wijzigingen');
    let notified = 0;
    session.subscribe(() => notified++);
    map.addActor({ id: 'a5', kind: 'service', label: 'Taalpunt' });
    map.updateActor('a5', { label: 'Taalpunt Halle' });
    expect(decorations.get('a5')).toBeUndefined();
    expect(timers).toHaveLength(1);
    timers[0]!();
    expect(notified).toBe(1);
    expect(decorations.get('a5')?.state).toBe('added');
    expect(formatSummary(session.get()!.summary, 'nl')).toBe('1 actor toegevoegd');
  });

  it('ignores changes that are not content, such as a new version', () => {
    const { map, session, versionId, timers } = setup();
    session.start(versionId);
    saveVersion(map, 'Nog een', { now: Date.now() });
    expect(timers).toHaveLength(0);
  });

  it('stopping clears only the compare layer, restoring the normal view', () => {
    const { map, decorations, session, versionId } = setup();
    decorations.setLayer('filter', { states: { a1: 'dim' } });
    map.addActor({ id: 'a5', kind: 'service', label: 'Taalpunt' });
    session.start(versionId);
    expect(decorations.sources()).toContain(COMPARE_SOURCE);
    session.stop();
    expect(session.get()).toBeNull();
    expect(decorations.sources()).toEqual(['filter']);
    expect(decorations.get('a5')).toBeUndefined();
    expect(decorations.get('a1')?.state).toBe('dim');
  });

  it('shows no changes right after restoring the compared version', () => {
    const { map, session, versionId } = setup();
    map.deleteElements({ actors: ['a4'] });
    session.start(versionId);
    restoreVersion(map, versionId);
    session.flush();
    expect(formatSummary(session.get()!.summary, 'nl')).toBe('Geen wijzigingen');
    expect(session.get()!.diff.actors.removed).toEqual([]);
  });

  it('refuses an unknown version without entering compare mode', () => {
    const { session } = setup();
    expect(() => session.start('nope')).toThrow(/no version/);
    expect(session.get()).toBeNull();
  });
});
