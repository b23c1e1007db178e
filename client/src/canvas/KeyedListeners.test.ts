import { describe, expect, it } from 'vitest';
import { KeyedListeners } from './KeyedListeners';

describe('KeyedListeners', () => {
  it('calls only the listeners of the keys notified', () => {
    const listeners = new KeyedListeners();
    const calls: string[] = [];
    listeners.subscribe('a', () => calls.push('a1'));
    listeners.subscribe('a', () => calls.push('a2'));
    listeners.subscribe('b', () => calls.push('b'));
    listeners.notify(['a']);
    expect(calls).toEqual(['a1', 'a2']);
  });

  it('stops calling a listener once it is removed, and keeps the key for the others', () => {
    const listeners = new KeyedListeners();
    const calls: string[] = [];
    const off = listeners.subscribe('a', () => calls.push('first'));
    listeners.subscribe('a', () => calls.push('second'));
    off();
    listeners.notify(['a']);
    expect(calls).toEqual(['second']);
  });

  it('does not call a listener added during a notification until the next one', () => {
    const listeners = new KeyedListeners();
    const calls: string[] = [];
    listeners.subscribe('a', () => {
      calls.push('outer');
      listeners.subscribe('a', () => calls.push('inner'));
    });
    listeners.notify(['a']);
    expect(calls).toEqual(['outer']);
    listeners.notify(['a']);
    expect(calls).toEqual(['outer', 'outer', 'inner']);
  });
});
