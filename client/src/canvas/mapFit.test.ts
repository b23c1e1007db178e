import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../../shared/model/replicas';
import { DEMO_MAPS } from '../../../shared/templates/demoMaps';
import { applyStarter } from '../../../shared/templates/starter';
import { CARD_LABEL_PX, EDIT_FIT, fitViewport, LEGIBLE_LABEL_PX, mapBounds, PRESENT_FIT } from './mapFit';

describe('fitting the map', () => {
  it('frames nothing on a map without elements', () => {
    const map = inMemoryMap({ title: 'Leeg' });
    map.addPhase('Onthaal');
    expect(mapBounds(map.read())).toBeNull();
  });

  it('includes the whole first lane and the lanes’ headers', () => {
    const map = inMemoryMap({ title: 'S' }, { fill: applyStarter });
    const bounds = mapBounds(map.read())!;
    expect(bounds.x).toBe(0);
    expect(bounds.y).toBe(0);
    expect(bounds.width).toBe(map.phases().length * 360);
  });

  it('keeps the first lane whole at the minimum zoom when the map is too big', () => {
    const vp = fitViewport({ x: 0, y: 0, width: 4000, height: 900 }, 700, 600, EDIT_FIT);
    expect(vp.zoom).toBe(EDIT_FIT.minZoom);
    expect(vp.x).toBe(EDIT_FIT.padding);
  });

  it('shows the starter and every demo map whole and legible when presented at 1280×720', () => {
    const maps = [
      applyStarter,
      ...DEMO_MAPS.map((d) => (m: Parameters<typeof applyStarter>[0]) => d.build(m)),
    ];
    for (const fill of maps) {
      const bounds = mapBounds(inMemoryMap({ title: 'M' }, { fill }).read())!;
      // The presentation header takes 56 px of the screen's 720.
      const vp = fitViewport(bounds, 1280, 664, PRESENT_FIT);
      expect(CARD_LABEL_PX * vp.zoom).toBeGreaterThanOrEqual(LEGIBLE_LABEL_PX);
      expect(vp.x + bounds.x * vp.zoom).toBeGreaterThanOrEqual(0);
      expect(vp.x + (bounds.x + bounds.width) * vp.zoom).toBeLessThanOrEqual(1280);
      expect(vp.y + (bounds.y + bounds.height) * vp.zoom).toBeLessThanOrEqual(664);
    }
  });
});
