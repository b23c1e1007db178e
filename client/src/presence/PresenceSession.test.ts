import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { ChainMap } from '../../../shared/model/ChainMap';
import { PresenceSession } from './PresenceSession';

const awarenesses: Awareness[] = [];
function awareness(): Awareness {
  // Awareness hangs off a doc; the model's own, as the session's is (yjs stays in its rooms).
  const a = new Awareness(new ChainMap().doc);
  awarenesses.push(a);
  return a;
}
/** What `from` publishes reaches `to`, as the sync connection would carry it. */
function relay(from: Awareness, to: Awareness): void {
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'remote');
}

afterEach(() => {
  for (const a of awarenesses.splice(0)) a.destroy();
  vi.useRealTimers();
});

describe('PresenceSession', () => {
  it('our own cursor and drag leave the peers array and its listeners alone', () => {
    const ours = awareness();
    const presence = new PresenceSession(ours, { name: 'Els', colour: '#0ea5e9' }, false);
    const before = presence.getPeers();
    let told = 0;
    presence.subscribe(() => told++);
    presence.setCursor({ x: 1, y: 2 });
    presence.setDrag(new Map([['a', { x: 3, y: 4 }]]));
    presence.setDrag(null);
    presence.setSelection(['a']);
    expect(ours.getLocalState()).toMatchObject({ cursor: { x: 1, y: 2 }, selection: ['a'], drag: null });
    expect(told).toBe(0);
    expect(presence.getPeers()).toBe(before);
    presence.destroy();
  });

  it('a peer who joins, moves and leaves is told each time, with a new peers array', () => {
    const ours = awareness();
    const theirs = awareness();
    const presence = new PresenceSession(ours, { name: 'Els', colour: '#0ea5e9' }, false);
    const peer = new PresenceSession(theirs, { name: 'Karim', colour: '#f97316' }, false);
    let told = 0;
    presence.subscribe(() => told++);
    relay(theirs, ours);
    const joined = presence.getPeers();
    expect(joined.map((p) => p.user.name)).toEqual(['Karim']);
    peer.setCursor({ x: 5, y: 6 });
    relay(theirs, ours);
    expect(presence.getPeers()).not.toBe(joined);
    expect(presence.getPeers()[0]?.cursor).toEqual({ x: 5, y: 6 });
    theirs.setLocalState(null);
    relay(theirs, ours);
    expect(presence.getPeers()).toEqual([]);
    expect(told).toBe(3);
    peer.destroy();
    presence.destroy();
  });

  it('a drag sends its cursor and positions together, once per 40 ms, and its end at once', () => {
    vi.useFakeTimers();
    const ours = awareness();
    const presence = new PresenceSession(ours, { name: 'Els', colour: '#0ea5e9' }, false);
    let updates = 0;
    ours.on('update', () => updates++);
    // Ten drag frames 4 ms apart, each moving the card and the pointer: within one 40 ms window.
    for (let i = 0; i < 10; i++) {
      presence.setDrag(new Map([['a', { x: i, y: 0 }]]));
      presence.setCursor({ x: i, y: 1 });
      vi.advanceTimersByTime(4);
    }
    vi.advanceTimersByTime(100);
    // The first frame at once, the last one when the window closes: two updates, not one per kind.
    expect(updates).toBe(2);
    expect(ours.getLocalState()).toMatchObject({ cursor: { x: 9, y: 1 }, drag: { a: { x: 9, y: 0 } } });
    presence.setDrag(new Map([['a', { x: 20, y: 0 }]]));
    presence.setCursor({ x: 20, y: 1 });
    presence.setDrag(null);
    // The drop: drag cleared and the pointer where it is, in one update, without waiting.
    expect(updates).toBe(4);
    expect(ours.getLocalState()).toMatchObject({ cursor: { x: 20, y: 1 }, drag: null });
    vi.advanceTimersByTime(100);
    expect(updates).toBe(4);
    presence.destroy();
  });
});
