import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LANE_WIDTH } from '../../../../../shared/model/laneGeometry';
import { inMemoryMap } from '../../../../../shared/model/replicas';
import type { ChainMapState } from '../../../../../shared/model/types';
import { MapPicture } from './MapPicture';
import { visibleArea, wholeMapArea } from './pictureArea';

/** Three lanes with two actors each, links within and across lanes, one free and one anchored note. */
function sampleMap(): { state: ChainMapState; actors: string[]; links: string[]; phases: string[] } {
  const map = inMemoryMap({ title: 'Ketenplan Halle' });
  const phases = ['Aankomst', 'Onthaal', 'Begeleiding'].map((label) => map.addPhase(label));
  const actors = phases.flatMap((phaseId, lane) =>
    [0, 1].map((row) =>
      map.addActor({
        kind: row === 0 ? 'service' : 'partner',
        label: `Organisatie ${lane}-${row}`,
        phaseId,
        position: { x: 40 + lane * LANE_WIDTH, y: 140 + row * 160 },
      }),
    ),
  );
  const links = [
    map.addLink({ kind: 'handover', source: actors[0]!, target: actors[1]!, warmth: 'warm' }),
    map.addLink({ kind: 'partnership', source: actors[1]!, target: actors[3]! }),
    map.addLink({ kind: 'information', source: actors[4]!, target: actors[5]! }),
  ];
  map.addNote({ kind: 'gap', text: 'Geen tolk', position: { x: 40 + 2 * LANE_WIDTH, y: 520 } });
  map.addNote({ kind: 'action', text: 'Bellen', anchor: { type: 'actor', id: actors[0]! } });
  return { state: map.read(), actors, links, phases };
}

function draw(state: ChainMapState, area = wholeMapArea(state)): string {
  return renderToStaticMarkup(<MapPicture state={state} area={area} />);
}

function drawn(svg: string, attribute: string): string[] {
  return [...svg.matchAll(new RegExp(`${attribute}="([^"]+)"`, 'g'))].map((m) => m[1]!).sort();
}

describe('MapPicture', () => {
  it('draws every lane, actor, link and free note of the whole map, with names', () => {
    const { state, actors, links, phases } = sampleMap();
    const svg = draw(state);
    expect(drawn(svg, 'data-phase')).toEqual(phases.sort());
    expect(drawn(svg, 'data-actor')).toEqual(actors.sort());
    expect(drawn(svg, 'data-link')).toEqual(links.sort());
    expect(drawn(svg, 'data-note')).toHaveLength(1);
    for (const name of ['1. Aankomst', '3. Begeleiding', 'Organisatie 2-1', 'Geen tolk', 'Ketenplan Halle'])
      expect(svg).toContain(name);
  });

  it('frames the whole map: every card lies inside the viewBox', () => {
    const { state } = sampleMap();
    const area = wholeMapArea(state);
    const [x, y, width, height] = /viewBox="([^"]+)"/.exec(draw(state))![1]!.split(' ').map(Number);
    expect({ x, y, width, height }).toEqual(area);
    for (const a of state.actors) {
      expect(a.position.x).toBeGreaterThanOrEqual(area.x);
      expect(a.position.y).toBeGreaterThanOrEqual(area.y);
      expect(a.position.x + 180).toBeLessThanOrEqual(area.x + area.width);
      expect(a.position.y + 64).toBeLessThanOrEqual(area.y + area.height);
    }
  });

  it('draws only the visible part: its viewBox, and nothing wholly outside it', () => {
    const { state, actors, links, phases } = sampleMap();
    // A 300 × 150 canvas at zoom 1 scrolled to the first lane's upper card.
    const area = visibleArea({ x: 0, y: -100, zoom: 1 }, 300, 150);
    const svg = draw(state, area);
    expect(/viewBox="([^"]+)"/.exec(svg)![1]).toBe('0 100 300 150');
    // Cut at the area, also where the box the SVG is given has another shape.
    expect(svg).toMatch(/<clipPath id="kk-picture-area"><rect x="0" y="100" width="300" height="150"/);
    expect(drawn(svg, 'data-phase')).toEqual([phases[0]]);
    expect(drawn(svg, 'data-actor')).toEqual([actors[0]]);
    // The handover from the upper to the lower card passes through the view; the others do not.
    expect(drawn(svg, 'data-link')).toEqual([links[0]]);
    expect(drawn(svg, 'data-note')).toEqual([]);
    expect(svg).not.toContain('Organisatie 2-0');
  });

  it('follows the zoom: a canvas zoomed out shows more of the map', () => {
    const { state, actors } = sampleMap();
    const area = visibleArea({ x: 0, y: 0, zoom: 0.25 }, 1280, 720);
    expect(area).toEqual({ x: 0, y: 0, width: 5120, height: 2880 });
    expect(drawn(draw(state, area), 'data-actor')).toEqual(actors.sort());
  });
});
