import { describe, expect, it } from 'vitest';
import { SAME_POINT_PX, sameEdgeProps } from './sameEdgeProps';

const props = {
  id: 'l1',
  sourceX: 215,
  sourceY: 37,
  targetX: -5,
  targetY: 37,
  data: { a: 1 },
  selected: false,
};

describe('sameEdgeProps', () => {
  it('treats handle points a fraction of a pixel apart as the same (React Flow measuring the declared handles)', () => {
    expect(sameEdgeProps(props, { ...props, sourceX: 214.99999999999997, sourceY: 37.00001109730113 })).toBe(
      true,
    );
  });

  it('sees a handle point that moved by more than the tolerance', () => {
    expect(sameEdgeProps(props, { ...props, targetX: -5 + SAME_POINT_PX * 2 })).toBe(false);
    expect(sameEdgeProps(props, { ...props, sourceY: 38 })).toBe(false);
  });

  it('compares every other prop exactly, and the set of props', () => {
    expect(sameEdgeProps(props, { ...props, data: { a: 1 } })).toBe(false);
    expect(sameEdgeProps(props, { ...props, selected: true })).toBe(false);
    expect(sameEdgeProps(props, { ...props, label: undefined })).toBe(false);
    expect(sameEdgeProps({ ...props, id: 'l1' }, { ...props })).toBe(true);
  });
});
