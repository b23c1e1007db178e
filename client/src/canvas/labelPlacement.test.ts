import { describe, expect, it } from 'vitest';
import { LABEL_MIDDLE, labelPosition, labelSize, MIDDLE_SPOT } from './labelPlacement';
import { linkCurve } from './linkCurve';

const card = (x: number, y: number) => ({ x, y, width: 220, height: 84 });

describe('link label placement', () => {
  it('puts a label in the middle of its link when nothing is in the way', () => {
    const curve = linkCurve(card(0, 0), card(600, 0));
    expect(labelPosition(curve, { width: 100, height: 30 }, [card(0, 0), card(600, 0)])).toBe(MIDDLE_SPOT);
    expect(curve.at(0.5)).toEqual({ x: 410, y: 42 });
  });

  it('slides a label along its link, off a card that stands on the middle', () => {
    const a = card(0, 0);
    const b = card(1000, 0);
    const inTheWay = card(400, 0);
    const curve = linkCurve(a, b);
    const spot = labelPosition(curve, { width: 100, height: 30 }, [a, b, inTheWay]);
    expect(spot.t).not.toBe(LABEL_MIDDLE);
    const p = curve.at(spot.t);
    expect(p.x + 50 < 400 || p.x - 50 > 620).toBe(true);
  });

  it('puts the label of a short link between stacked cards beside the link', () => {
    const top = card(0, 0);
    const below = card(0, 156);
    const spot = labelPosition(linkCurve(top, below), { width: 140, height: 66 }, [top, below], {
      source: top,
      target: below,
    });
    // Right of the cards: its left edge 8 px past their right edge (220), level with the middle.
    expect(spot).toEqual({ t: 0.5, dx: 220 + 8 + 70 - 110, dy: 0 });
  });

  it('estimates a two-line label with an owner mark', () => {
    const size = labelSize('Via kerk, werkgevers en mond-tot-mond', {
      owner: 'Toeleider',
      dataShared: false,
      notes: 0,
    });
    expect(size.width).toBe(140);
    expect(size.height).toBe(2 * 19 + 20 + 8);
  });
});
