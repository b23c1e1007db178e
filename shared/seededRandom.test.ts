import { describe, expect, it } from 'vitest';
import { SeededRandom } from './seededRandom';

describe('SeededRandom', () => {
  it('replays the same sequence from the same seed, and another from another seed', () => {
    const draw = (seed: number) => {
      const r = new SeededRandom(seed);
      return Array.from({ length: 8 }, () => r.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws within its bounds', () => {
    const r = new SeededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      expect(r.int(5)).toBeLessThan(5);
    }
    expect(r.pick([])).toBeUndefined();
    expect(['a', 'b']).toContain(r.pick(['a', 'b']));
  });
});
