import { describe, expect, it } from 'vitest';
import { fitViewport, followTarget, openSummons, viewportOf } from './follow';
import type { Peer } from './PresenceSession';

const peer = (clientId: number, extra: Partial<Peer> = {}): Peer => ({
  clientId,
  user: { name: `p${clientId}`, colour: '#000000' },
  cursor: null,
  selection: [],
  drag: null,
  readOnly: false,
  ...extra,
});

describe('follow', () => {
  it('a chain resolves to its end: A follows B who follows C shows C', () => {
    const peers = [peer(2, { following: 3 }), peer(3, { following: 4 }), peer(4)];
    expect(followTarget(2, peers, 1)?.clientId).toBe(4);
  });

  it('cycles stop at the first repeat instead of looping, our own id included', () => {
    expect(followTarget(2, [peer(2, { following: 3 }), peer(3, { following: 2 })], 1)?.clientId).toBe(3);
    expect(followTarget(2, [peer(2, { following: 1 })], 1)?.clientId).toBe(2);
    const long = Array.from({ length: 1000 }, (_, i) => peer(i + 2, { following: ((i + 1) % 1000) + 2 }));
    expect(followTarget(2, long, 1)?.clientId).toBe(1001);
  });

  it('stops at a peer who left, and gives nothing for one who is gone', () => {
    expect(followTarget(2, [peer(2, { following: 9 })], 1)?.clientId).toBe(2);
    expect(followTarget(9, [peer(2)], 1)).toBeNull();
  });

  it('fits the leader’s view whole and centred, within the zoom limits', () => {
    const view = { x: 100, y: 200, width: 800, height: 400 };
    expect(fitViewport(view, { width: 800, height: 800 }, { minZoom: 0.1, maxZoom: 4 })).toEqual({
      x: -100,
      y: 400 - 400,
      zoom: 1,
    });
    expect(fitViewport(view, { width: 400, height: 400 }, { minZoom: 0.1, maxZoom: 4 }).zoom).toBe(0.5);
    expect(fitViewport(view, { width: 8000, height: 8000 }, { minZoom: 0.1, maxZoom: 2.5 }).zoom).toBe(2.5);
  });

  it('ignores a hostile viewport and summons from participants or already answered', () => {
    expect(viewportOf(peer(2, { viewport: { x: Number.NaN, y: 0, width: 1, height: 1 } }))).toBeNull();
    expect(viewportOf(peer(2, { viewport: { x: 0, y: 0, width: 0, height: 1 } }))).toBeNull();
    const peers = [
      peer(2, { summon: { id: 'a' } }),
      peer(3, { summon: { id: 'b' }, readOnly: true }),
      peer(4, { summon: { id: 'c' } }),
    ];
    expect(openSummons(peers, new Set(['c'])).map((p) => p.clientId)).toEqual([2]);
  });
});
