import { Position as Side } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { floatingEnds } from './floatingEdge';

const card = (x: number, y: number) => ({ x, y, width: 220, height: 84 });

describe('floating link ends', () => {
  it('leave on the right and enter on the left for a link drawn forwards', () => {
    expect(floatingEnds(card(0, 0), card(400, 30))).toEqual({
      sx: 220,
      sy: 42,
      tx: 400,
      ty: 72,
      sourceSide: Side.Right,
      targetSide: Side.Left,
    });
  });

  it('leave on the left and enter on the right for a backward link, so it does not loop', () => {
    const ends = floatingEnds(card(400, 0), card(0, 0));
    expect(ends).toMatchObject({ sx: 400, tx: 220, sourceSide: Side.Left, targetSide: Side.Right });
  });

  it('meet left to right between cards in neighbouring lanes, even a row apart', () => {
    expect(floatingEnds(card(70, 276), card(430, 120))).toMatchObject({
      sourceSide: Side.Right,
      targetSide: Side.Left,
    });
  });

  it('use the bottom and top sides between cards stacked in one lane', () => {
    const ends = floatingEnds(card(0, 0), card(20, 200));
    expect(ends).toMatchObject({ sy: 84, ty: 200, sourceSide: Side.Bottom, targetSide: Side.Top });
    expect(floatingEnds(card(0, 200), card(0, 0))).toMatchObject({
      sourceSide: Side.Top,
      targetSide: Side.Bottom,
    });
  });
});
