import { describe, expect, it } from 'vitest';
import { FixtureMap } from '../../../shared/analysis/fixtureMap';
import { EMPTY_CANVAS_FILTER, filterLayer, filterMatches, isFilterActive } from './canvasFilter';

function fixture() {
  const f = new FixtureMap()
    .actor('bz', 'service', { label: 'Burgerzaken', regie: 'zelf', phaseId: null })
    .actor('vdab', 'partner', { label: 'VDAB', regie: 'bovenlokaal' })
    .actor('ocmw', 'service', { label: 'Sociaal Huis', regie: 'zelf' })
    .handover('bz', 'ocmw')
    .handover('bz', 'vdab');
  f.map.addNote({ id: 'gap1', kind: 'gap', status: 'open', anchor: { type: 'actor', id: 'vdab' } });
  f.map.addNote({ id: 'free', kind: 'quickWin', status: 'done', text: 'Folder' });
  return f.read();
}

const states = (layer: ReturnType<typeof filterLayer>) =>
  Object.fromEntries(layer.states as Map<string, string>);

describe('canvas filter', () => {
  it('an empty filter decorates nothing', () => {
    expect(isFilterActive(EMPTY_CANVAS_FILTER)).toBe(false);
    expect(filterLayer(fixture(), EMPTY_CANVAS_FILTER)).toEqual({});
  });

  it('lists the actors a filter leaves, and none when nothing matches', () => {
    expect(filterMatches(fixture(), { ...EMPTY_CANVAS_FILTER, kind: 'service' })).toEqual(['bz', 'ocmw']);
    expect(filterMatches(fixture(), { ...EMPTY_CANVAS_FILTER, search: 'zzz' })).toEqual([]);
  });

  it('dims actors of other kinds and links that leave the matching set', () => {
    const s = states(filterLayer(fixture(), { ...EMPTY_CANVAS_FILTER, kind: 'service' }));
    expect(s.vdab).toBe('dim');
    expect(s.bz).toBeUndefined();
    expect(s['bz-handover-ocmw']).toBeUndefined();
    expect(s['bz-handover-vdab']).toBe('dim');
    expect(s.free).toBe('dim');
  });

  it('regie level keeps matching actors and the links between them', () => {
    const s = states(filterLayer(fixture(), { ...EMPTY_CANVAS_FILTER, regie: 'zelf' }));
    expect(s.vdab).toBe('dim');
    expect(s.ocmw).toBeUndefined();
  });

  it('a note kind or status brings forward the actors that carry such a note, and matching cards', () => {
    const gaps = states(filterLayer(fixture(), { ...EMPTY_CANVAS_FILTER, kind: 'gap' }));
    expect(gaps.vdab).toBeUndefined();
    expect(gaps.bz).toBe('dim');
    expect(gaps.free).toBe('dim');
    const done = states(filterLayer(fixture(), { ...EMPTY_CANVAS_FILTER, status: 'done' }));
    expect(done.free).toBeUndefined();
    expect(done.vdab).toBe('dim');
  });

  it('search by name highlights the hits, ignoring case and accents', () => {
    const s = states(filterLayer(fixture(), { ...EMPTY_CANVAS_FILTER, search: 'sociaal hu' }));
    expect(s.ocmw).toBe('highlight');
    expect(s.bz).toBe('dim');
  });
});
