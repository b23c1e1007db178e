import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { layoutOf } from '../../../shared/model/layout';
import { applyUnheard, type UpdateListener } from './applyUnheard';

function sourceUpdate(): Uint8Array {
  const source = new Y.Doc();
  layoutOf(source).meta.set('title', 'Keten');
  return Y.encodeStateAsUpdate(source);
}

describe('applyUnheard', () => {
  it('hides the update’s own transaction from the listeners, not a write an observer makes in it', () => {
    const doc = new Y.Doc();
    const heard: unknown[] = [];
    const listener: UpdateListener = (_update, origin) => heard.push(origin);
    doc.on('update', listener);
    const { meta } = layoutOf(doc);
    meta.observe(() => {
      if (!meta.has('municipality')) doc.transact(() => meta.set('municipality', 'Asse'), 'observer');
    });
    const tr = applyUnheard(doc, [listener], () => Y.applyUpdate(doc, sourceUpdate(), 'remote'));
    expect(tr?.origin).toBe('remote');
    expect(heard).toEqual(['observer']);
    meta.set('title', 'Later');
    expect(heard).toEqual(['observer', null]);
  });

  it('puts the listeners back when the apply throws, and leaves unregistered ones alone', () => {
    const doc = new Y.Doc();
    const heard: unknown[] = [];
    const listener: UpdateListener = (_update, origin) => heard.push(origin);
    const stranger: UpdateListener = () => heard.push('stranger');
    doc.on('update', listener);
    expect(() =>
      applyUnheard(doc, [listener, stranger], () => {
        throw new Error('broken handler');
      }),
    ).toThrow('broken handler');
    layoutOf(doc).meta.set('title', 'Later');
    expect(heard).toEqual([null]);
  });
});
