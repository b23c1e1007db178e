import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from './ChainMap';
import { layoutOf } from './layout';
import { MIGRATIONS, type Migration, migrationsFrom } from './migrations';
import { CURRENT_SCHEMA_VERSION } from './schemaVersion';

describe('migrations', () => {
  it('ends the production list at the current schema version, without gaps', () => {
    expect(migrationsFrom(MIGRATIONS, 0).map((m) => m.version)).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => i + 1),
    );
  });

  it('brings an unversioned pre-release doc up to date and fills missing positions', () => {
    const doc = new Y.Doc();
    const el = new Y.Map<unknown>();
    el.set('kind', 'service');
    el.set('label', 'Oud');
    layoutOf(doc).actors.set('a1', el);
    const map = new ChainMap(doc);
    expect(map.read().problems).toHaveLength(1);
    expect(map.migrate()).toEqual([1, 2]);
    expect(map.schemaVersion()).toBe(CURRENT_SCHEMA_VERSION);
    expect(map.getActor('a1')).toMatchObject({ label: 'Oud', position: { x: 0, y: 0 } });
    expect(map.migrate()).toEqual([]);
  });

  it('runs pending migrations in order, in one transaction', () => {
    const doc = new Y.Doc();
    const map = ChainMap.create(doc, { title: 't' });
    const seen: number[] = [];
    const extra: Migration[] = [
      { version: CURRENT_SCHEMA_VERSION + 2, description: 'b', up: () => seen.push(2) },
      {
        version: CURRENT_SCHEMA_VERSION + 1,
        description: 'a',
        up: ({ meta }) => {
          seen.push(1);
          meta.set('x', 1);
        },
      },
    ];
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(map.migrate([...MIGRATIONS, ...extra])).toEqual([
      CURRENT_SCHEMA_VERSION + 1,
      CURRENT_SCHEMA_VERSION + 2,
    ]);
    expect(seen).toEqual([1, 2]);
    expect(transactions).toBe(1);
  });

  it('keeps migrations off the undo stack: Ctrl+Z after opening an old map undoes only the edit', () => {
    const doc = new Y.Doc();
    const el = new Y.Map<unknown>();
    el.set('kind', 'service');
    el.set('label', 'Oud');
    layoutOf(doc).actors.set('a1', el);
    const map = new ChainMap(doc);
    const sources: string[] = [];
    map.onChange((_changes, source) => sources.push(source));
    const undo = map.createUndoManager();
    map.migrate();
    const added = map.addActor({ kind: 'partner', label: 'Nieuw' });
    undo.undo();
    expect(map.schemaVersion()).toBe(CURRENT_SCHEMA_VERSION);
    expect(map.getActor('a1')).toMatchObject({ label: 'Oud', position: { x: 0, y: 0 } });
    expect(map.getActor(added)).toBeUndefined();
    expect(undo.canUndo()).toBe(false);
    expect(sources).toEqual(['migration', 'local', 'undo']);
  });

  it('rejects a migration list with a gap', () => {
    const broken: Migration[] = [{ version: 3, description: 'skips 2', up: () => {} }];
    expect(() => migrationsFrom(broken, 1)).toThrow(/gap/);
  });

  it('converges when two peers run the same migration concurrently', () => {
    const seed = new Y.Doc();
    const el = new Y.Map<unknown>();
    el.set('kind', 'partner');
    layoutOf(seed).actors.set('p', el);
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(seed));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(seed));
    new ChainMap(a).migrate();
    new ChainMap(b).migrate();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(new ChainMap(a).read()).toEqual(new ChainMap(b).read());
    expect(new ChainMap(a).getActor('p')?.position).toEqual({ x: 0, y: 0 });
  });
});
