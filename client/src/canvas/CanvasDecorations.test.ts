import { describe, expect, it, vi } from 'vitest';
import { CanvasDecorations, decorationClass, STATE_PRECEDENCE } from './CanvasDecorations';

describe('CanvasDecorations', () => {
  it('resolves an element to the highest-ranked state over all sources', () => {
    const d = new CanvasDecorations();
    d.setLayer('filter', { states: { a: 'dim', b: 'dim' } });
    d.setLayer('analysis', { states: new Map([['a', 'focus']]) });
    expect(d.get('a')?.state).toBe('focus');
    expect(d.get('b')?.state).toBe('dim');
    expect(STATE_PRECEDENCE[0]).toBe('focus');
    expect(STATE_PRECEDENCE.at(-1)).toBe('dim');
  });

  it('clearing one source leaves the other sources in place', () => {
    const d = new CanvasDecorations();
    d.setLayer('filter', { states: { a: 'dim' } });
    d.setLayer('compare', { states: { a: 'added' }, ghostNodes: [ghost('x')] });
    d.clear('compare');
    expect(d.get('a')?.state).toBe('dim');
    expect(d.ghosts().nodes).toHaveLength(0);
    expect(d.sources()).toEqual(['filter']);
    d.clear('filter');
    expect(d.get('a')).toBeUndefined();
  });

  it('notifies only the ids whose resolved decoration changed and keeps the others identical', () => {
    const d = new CanvasDecorations();
    d.setLayer('filter', { states: { a: 'dim', b: 'dim' } });
    const b = d.get('b');
    const listener = vi.fn();
    d.subscribe(listener);
    d.setLayer('filter', { states: { a: 'highlight', b: 'dim' } });
    expect(listener).toHaveBeenCalledTimes(1);
    expect([...listener.mock.calls[0]![0].ids]).toEqual(['a']);
    expect(listener.mock.calls[0]![0].ghosts).toBe(false);
    expect(d.get('b')).toBe(b);
  });

  it('does not notify when a layer is set to what it already resolves to', () => {
    const d = new CanvasDecorations();
    d.setLayer('filter', { states: { a: 'dim' } });
    const listener = vi.fn();
    d.subscribe(listener);
    d.setLayer('filter', { states: { a: 'dim' } });
    expect(listener).not.toHaveBeenCalled();
  });

  it('merges marks from every source without duplicates', () => {
    const d = new CanvasDecorations();
    d.setLayer('analysis', { marks: { a: ['routeBreak'] } });
    d.setLayer('route', { marks: { a: ['routeBreak'] }, states: { a: 'highlight' } });
    expect(d.get('a')).toEqual({ state: 'highlight', marks: ['routeBreak'] });
    expect(decorationClass(d.get('a'))).toBe('kk-deco kk-deco--highlight kk-mark--routeBreak');
  });

  it('setState edits one element of a source and null removes it', () => {
    const d = new CanvasDecorations();
    d.setState('compare', 'a', 'changed');
    d.setState('compare', 'b', 'added');
    d.setState('compare', 'a', null);
    expect(d.get('a')).toBeUndefined();
    expect(d.get('b')?.state).toBe('added');
  });

  it('focusElements marks the ids as focus and asks the canvas to frame them', () => {
    const d = new CanvasDecorations();
    const requests = vi.fn();
    d.onFocusRequest(requests);
    d.focusElements(['a', 'b'], { source: 'analysis' });
    expect(d.get('a')?.state).toBe('focus');
    expect(requests).toHaveBeenCalledWith({ ids: ['a', 'b'], padding: 0.3, duration: 300 });
    d.focusElements([], { source: 'analysis' });
    expect(d.get('a')).toBeUndefined();
    expect(requests).toHaveBeenCalledTimes(1);
  });

  it('ghosts of several sources are all drawn; a later source overrides the same ghost id', () => {
    const d = new CanvasDecorations();
    d.setLayer('compare', { ghostNodes: [ghost('x'), ghost('y')] });
    d.setLayer('other', { ghostNodes: [{ ...ghost('y'), label: 'nieuw' }] });
    expect(d.ghosts().nodes.map((n) => [n.id, n.label])).toEqual([
      ['x', 'x'],
      ['y', 'nieuw'],
    ]);
  });
});

function ghost(id: string) {
  return { id, kind: 'actor' as const, label: id, position: { x: 0, y: 0 } };
}
