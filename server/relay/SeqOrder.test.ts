import { describe, expect, it } from 'vitest';
import { SeqOrder } from './SeqOrder';

const u = (n: number) => [Uint8Array.of(n)];

describe('SeqOrder', () => {
  it('releases runs in seq order and reports a gap while one is missing', () => {
    const order = new SeqOrder(4);
    expect(order.offer(7, 8, u(7))).toEqual({ apply: [], gap: true });
    expect(order.offer(5, 6, u(5))).toEqual({ apply: [u(5), u(7)], gap: false });
    expect(order.applied).toBe(8);
  });

  it('counts own commits as applied without handing them back', () => {
    const order = new SeqOrder(0);
    expect(order.offer(1, 3, null)).toEqual({ apply: [], gap: false });
    expect(order.offer(5, 5, null)).toEqual({ apply: [], gap: true });
    expect(order.offer(4, 4, u(4))).toEqual({ apply: [u(4)], gap: false });
    expect(order.applied).toBe(5);
  });

  it('ignores runs it already has and drops waiting ones a heal covered', () => {
    const order = new SeqOrder(10);
    expect(order.offer(9, 10, u(9))).toEqual({ apply: [], gap: false });
    order.offer(13, 14, u(13));
    order.offer(16, 16, u(16));
    expect(order.healed(14)).toEqual({ apply: [], gap: true });
    expect(order.healed(15)).toEqual({ apply: [u(16)], gap: false });
    expect(order.applied).toBe(16);
  });
});
