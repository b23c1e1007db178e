import { describe, expect, it } from 'vitest';
import { PLACEMENT_GAP, placeBeside, placeInView, type Rect } from './placement';

const SIZE = { width: 220, height: 84 };
const VIEW: Rect = { x: 0, y: 0, width: 1000, height: 600 };

function overlapsAny(p: { x: number; y: number }, taken: readonly Rect[]): boolean {
  return taken.some(
    (t) => p.x < t.x + t.width && t.x < p.x + SIZE.width && p.y < t.y + t.height && t.y < p.y + SIZE.height,
  );
}

describe('placement of elements added by click', () => {
  it('centres the first element in the view', () => {
    expect(placeInView({ x: 500, y: 300 }, SIZE, VIEW, [])).toEqual({ x: 390, y: 258 });
  });

  it('never lands on another element, stays in view and near the centre', () => {
    const taken: Rect[] = [];
    for (let i = 0; i < 8; i++) {
      const p = placeInView({ x: 500, y: 300 }, SIZE, VIEW, taken);
      expect(overlapsAny(p, taken)).toBe(false);
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.x + SIZE.width).toBeLessThanOrEqual(1000);
      expect(p.y + SIZE.height).toBeLessThanOrEqual(600);
      taken.push({ ...p, ...SIZE });
    }
    // Eight cards fit around the centre without leaving the view.
    expect(taken).toHaveLength(8);
  });

  it('goes just outside a full view rather than on top of something', () => {
    const full: Rect[] = [{ x: -50, y: -50, width: 1100, height: 700 }];
    const p = placeInView({ x: 500, y: 300 }, SIZE, VIEW, full);
    expect(overlapsAny(p, full)).toBe(false);
  });

  it('puts a note beside its actor, on the left when the right is taken', () => {
    const host = { x: 0, y: 0, width: 220, height: 84 };
    expect(placeBeside(host, { width: 200, height: 96 }, [host])).toEqual({ x: 220 + PLACEMENT_GAP, y: 0 });
    const right = { x: 260, y: 0, width: 220, height: 84 };
    expect(placeBeside(host, { width: 200, height: 96 }, [host, right])).toEqual({
      x: -200 - PLACEMENT_GAP,
      y: 0,
    });
  });
});
