import { describe, expect, it } from 'vitest';
import { ACTOR_HEIGHT, ACTOR_WIDTH } from '../../../shared/model/laneGeometry';
import { ACTOR_HANDLES, actorRectsFromHandles, HANDLE_SIZE } from './nodeHandles';

describe('actor handles', () => {
  it('give back the two cards of a link from the points React Flow computes for its handles', () => {
    const source = { x: 100, y: 40 };
    const target = { x: 600, y: 300 };
    // React Flow's getHandlePosition: a right handle's middle of its right side, a left one's of its left.
    const right = ACTOR_HANDLES.find((h) => h.type === 'source')!;
    const left = ACTOR_HANDLES.find((h) => h.type === 'target')!;
    const sx = source.x + right.x + (right.width ?? 0);
    const sy = source.y + right.y + (right.height ?? 0) / 2;
    const tx = target.x + left.x;
    const ty = target.y + left.y + (left.height ?? 0) / 2;
    expect(actorRectsFromHandles(sx, sy, tx, ty)).toEqual({
      source: { ...source, width: ACTOR_WIDTH, height: ACTOR_HEIGHT },
      target: { ...target, width: ACTOR_WIDTH, height: ACTOR_HEIGHT },
    });
    expect(right.width).toBe(HANDLE_SIZE);
  });
});
