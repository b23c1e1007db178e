import { describe, expect, it } from 'vitest';
import { clipCurve } from './linkClip';
import { linkCurve } from './linkCurve';

const card = (x: number, y: number) => ({ x, y, width: 180, height: 84 });

/** Points of an SVG path "M x,y C x,y x,y x,y". */
function points(path: string): { x: number; y: number }[] {
  return [...path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
}

function bezier(p: { x: number; y: number }[], t: number) {
  const u = 1 - t;
  const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return {
    x: w.reduce((s, k, i) => s + k * p[i]!.x, 0),
    y: w.reduce((s, k, i) => s + k * p[i]!.y, 0),
  };
}

describe('cutting links to the window around the viewport', () => {
  const long = linkCurve(card(0, 0), card(20_000, 3_000));
  const window = { x: -200, y: -200, width: 1600, height: 900 };

  it('draws a link wholly inside the window, or with no window, as it is', () => {
    expect(clipCurve(linkCurve(card(0, 0), card(600, 200)), window)).toBeNull();
    expect(clipCurve(long, null)).toBeNull();
  });

  it('keeps every point of the curve inside the window and drops the far end and its arrow', () => {
    const clipped = clipCurve(long, window)!;
    expect(clipped.startCut).toBe(false);
    expect(clipped.endCut).toBe(true);
    const piece = points(clipped.path);
    // Every sample of the whole curve inside the window lies on the drawn piece (within rounding).
    for (let i = 0; i <= 2000; i++) {
      const p = long.at(i / 2000);
      const inside =
        p.x >= window.x &&
        p.x <= window.x + window.width &&
        p.y >= window.y &&
        p.y <= window.y + window.height;
      if (!inside) continue;
      let nearest = Number.POSITIVE_INFINITY;
      for (let j = 0; j <= 4000; j++) {
        const q = bezier(piece, j / 4000);
        nearest = Math.min(nearest, Math.hypot(p.x - q.x, p.y - q.y));
      }
      expect(nearest).toBeLessThan(1);
    }
    // The drawn piece is far shorter than the whole link.
    const end = piece[3]!;
    expect(end.x).toBeLessThan(window.x + window.width + 200);
  });

  it('shifts the dashes of a link cut at its start by the length cut off, so they stay in place', () => {
    const backward = linkCurve(card(20_000, 0), card(0, 0));
    const clipped = clipCurve(backward, window)!;
    expect(clipped.startCut).toBe(true);
    expect(clipped.endCut).toBe(false);
    const start = points(clipped.path)[0]!;
    // The curve is nearly straight: the length cut off is about the distance from its start.
    const s = backward.points[0];
    const cut = Math.hypot(start.x - s.x, start.y - s.y);
    expect(clipped.dashOffset).toBeGreaterThan(cut * 0.99);
    expect(clipped.dashOffset).toBeLessThan(cut * 1.05);
  });
});
