import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_MAPS } from '../templates/demoMaps';
import { applyStarter } from '../templates/starter';
import { runScenario } from '../testing/convergenceScenario';
import { QUICK_YEAR, simulateYear } from '../testing/heavyYear';
import { encodeRawUpdate, type RawContent, type RawStruct } from '../testing/rawUpdate';
import { ChainMap } from './ChainMap';
import { checkUpdateShape, DOC_SHAPE_LIMITS, type ShapeRule } from './docShape';
import { docRoots } from './layout';

const CLIENT = 7;

/** One client's structs from clock 0 as an update. */
const rawUpdate = (...structs: RawStruct[]): Uint8Array =>
  encodeRawUpdate({ clients: [{ client: CLIENT, clock: 0, structs }] });

const any = (...values: unknown[]): RawContent => ({ kind: 'any', values });

const verdictRule = (update: Uint8Array, doc: Y.Doc | null = null): ShapeRule | 'ok' => {
  const verdict = checkUpdateShape(update, doc);
  return verdict.ok ? 'ok' : verdict.rule;
};

/** A doc through the model, with an actor whose id is returned. */
function docWithActor(): { doc: Y.Doc; actorId: string } {
  const doc = new Y.Doc();
  const map = ChainMap.create(doc, { title: 'kaart' });
  const actorId = map.addActor({ kind: 'service', label: 'OCMW' });
  return { doc, actorId };
}

function expectOk(update: Uint8Array, doc: Y.Doc | null, what: string): void {
  const verdict = checkUpdateShape(update, doc);
  if (!verdict.ok) throw new Error(`${what}: refused (${verdict.rule}: ${verdict.message})`);
}

describe('every write the model makes passes the shape rules', () => {
  it('every update of the convergence scenario, against the doc it is delivered to, and the full states', () => {
    let checked = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const peers = runScenario(seed, 300, 4, (update, doc) => {
        expectOk(update, doc, `seed ${seed}, update ${checked}`);
        checked++;
      });
      for (const peer of peers) {
        const state = Y.encodeStateAsUpdate(peer.map.doc);
        expectOk(state, null, `seed ${seed}: full state into an empty doc`);
        expectOk(state, peers[0]!.map.doc, `seed ${seed}: full state into a synced doc`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('every relayed update of a simulated year of workshops, and a full resync of the map', () => {
    let relayed = 0;
    const year = simulateYear('checkpoints', QUICK_YEAR.workshops, QUICK_YEAR, {
      onServerUpdate: (update, server) => {
        expectOk(update, server, `relayed update ${relayed}`);
        relayed++;
      },
    });
    expect(relayed).toBeGreaterThan(30);
    expectOk(year.doc, null, 'full resync into an empty doc');
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, year.doc);
    expectOk(year.doc, loaded, 'full resync into an up-to-date doc');
  });

  it('the demo maps and the starter template, as full states', () => {
    for (const demo of DEMO_MAPS) {
      const doc = new Y.Doc();
      demo.build(ChainMap.create(doc, { title: demo.title }));
      expectOk(Y.encodeStateAsUpdate(doc), null, demo.id);
    }
    const starter = new Y.Doc();
    ChainMap.create(starter, { title: 'start' }, { fill: applyStarter });
    expectOk(Y.encodeStateAsUpdate(starter), null, 'starter');
  });

  it('an edit whose item names no parent resolves through the doc (an overwritten field)', () => {
    const { doc, actorId } = docWithActor();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    peer.on('update', (u: Uint8Array) => updates.push(u));
    new ChainMap(peer).moveActors([{ id: actorId, position: { x: 10, y: 20 } }]);
    const decoded = Y.decodeUpdate(updates[0]!);
    expect(decoded.structs.some((s) => s instanceof Y.Item && s.parent === null)).toBe(true);
    expectOk(updates[0]!, doc, 'move');
  });
});

describe('updates no KetenKaart client writes are refused before they are applied', () => {
  it('an unknown root', () => {
    expect(verdictRule(rawUpdate({ parent: 'nodes', parentSub: 'n1', content: any({ label: 'x' }) }))).toBe(
      'unknown_root',
    );
  });

  it('a deleted entry of an unknown root (Yjs would still create the root)', () => {
    expect(
      verdictRule(rawUpdate({ parent: 'nodes', parentSub: 'n1', content: { kind: 'deleted', length: 1 } })),
    ).toBe('unknown_root');
  });

  it('sequence items in a map root (concurrent runs at one index are quadratic to integrate)', () => {
    expect(verdictRule(rawUpdate({ parent: 'actors', content: any(1, 2, 3) }))).toBe('sequence_item');
    // The same run continued through an origin: placed by its neighbour, refused the same way.
    const run = rawUpdate(
      { parent: 'meta', content: any(1) },
      { origin: { client: CLIENT, clock: 0 }, content: any(2) },
    );
    expect(verdictRule(run)).toBe('sequence_item');
  });

  it('a Y.Map nested 3,000 deep and then deleted (it overflows the stack in Yjs cleanup)', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.transact(() => {
      let parent = new Y.Map<unknown>();
      docRoots(doc).actors.set('deep', parent);
      for (let i = 0; i < 3000; i++) {
        const child = new Y.Map<unknown>();
        parent.set('child', child);
        parent = child;
      }
    });
    expect(verdictRule(updates[0]!)).toBe('too_deep');
  });

  it('a Y type inside an element, also when its holder is already in the doc', () => {
    const nestedHere = rawUpdate(
      { parent: 'actors', parentSub: 'a', content: { kind: 'type', type: 'map' } },
      { parent: { client: CLIENT, clock: 0 }, parentSub: 'f', content: { kind: 'type', type: 'map' } },
    );
    expect(verdictRule(nestedHere)).toBe('too_deep');

    const { doc, actorId } = docWithActor();
    const holder = docRoots(doc).actors.get(actorId) as Y.Map<unknown>;
    const holderId = holder._item!.id;
    const nestedInDoc = encodeRawUpdate({
      clients: [
        {
          client: 99,
          clock: 0,
          structs: [{ parent: holderId, parentSub: 'extra', content: { kind: 'type', type: 'map' } }],
        },
      ],
    });
    expect(verdictRule(nestedInDoc, doc)).toBe('too_deep');
    const fieldInDoc = encodeRawUpdate({
      clients: [
        { client: 99, clock: 0, structs: [{ parent: holderId, parentSub: 'note', content: any('ok') }] },
      ],
    });
    expect(verdictRule(fieldInDoc, doc)).toBe('ok');
  });

  it('an item placed next to content nested too deep in the doc', () => {
    // A doc that already holds nesting the rules forbid (built past them), then an edit beside it.
    const doc = new Y.Doc();
    const element = new Y.Map<unknown>();
    docRoots(doc).actors.set('a', element);
    const inner = new Y.Map<unknown>();
    element.set('inner', inner);
    inner.set('k', 1);
    const itemId = (inner._map.get('k') as Y.Item).id;
    const beside = encodeRawUpdate({
      clients: [{ client: 99, clock: 0, structs: [{ origin: itemId, content: any(2) }] }],
    });
    expect(verdictRule(beside, doc)).toBe('too_deep');
  });

  const contents: Array<[string, RawContent, string]> = [
    ['text', { kind: 'string', text: 'hallo' }, 'actors'],
    ['an embed', { kind: 'embed', value: { image: 'x' } }, 'meta'],
    ['a format', { kind: 'format', key: 'bold', value: true }, 'meta'],
    ['JSON content', { kind: 'json', values: [1] }, 'meta'],
    ['a subdocument', { kind: 'doc', guid: 'sub' }, 'meta'],
    ['a Y.Array', { kind: 'type', type: 'array' }, 'actors'],
    ['a Y.Text', { kind: 'type', type: 'text' }, 'actors'],
    ['a Y.XmlFragment', { kind: 'type', type: 'xmlFragment' }, 'actors'],
    ['a Y.XmlHook (a Y.Map subclass)', { kind: 'type', type: 'xmlHook' }, 'actors'],
    ['a Y.Map in a value root', { kind: 'type', type: 'map' }, 'meta'],
    ['a JSON value in a record root', any({ label: 'x' }), 'actors'],
    ['binary in a value root', { kind: 'binary', bytes: new Uint8Array(3) }, 'meta'],
  ];
  for (const [name, content, root] of contents) {
    it(`${name}`, () => {
      expect(verdictRule(rawUpdate({ parent: root, parentSub: 'k', content }))).toBe('content_type');
    });
  }

  it('a JSON value nested deeper than the limit, measured without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < DOC_SHAPE_LIMITS.maxValueDepth + 1; i++) deep = { d: deep };
    expect(verdictRule(rawUpdate({ parent: 'meta', parentSub: 'k', content: any(deep) }))).toBe(
      'value_too_deep',
    );
    let fits: unknown = 1;
    for (let i = 0; i < DOC_SHAPE_LIMITS.maxValueDepth; i++) fits = [fits];
    expect(verdictRule(rawUpdate({ parent: 'meta', parentSub: 'k', content: any(fits) }))).toBe('ok');
  });

  it('more structs or deleted ranges than the limits', () => {
    const many = rawUpdate(...Array.from({ length: 50 }, () => ({ gc: 1 })));
    expect(checkUpdateShape(many, null, { ...DOC_SHAPE_LIMITS, maxStructs: 49 })).toMatchObject({
      ok: false,
      rule: 'too_many_structs',
    });
    const deletes = encodeRawUpdate({
      clients: [],
      deletes: [{ client: 3, ranges: Array.from({ length: 50 }, (_, i): [number, number] => [i * 2, 1]) }],
    });
    expect(checkUpdateShape(deletes, null, { ...DOC_SHAPE_LIMITS, maxDeleteRanges: 49 })).toMatchObject({
      ok: false,
      rule: 'too_many_deletes',
    });
  });

  it('a reference to its own client at a later clock (Yjs throws halfway through it)', () => {
    const update = rawUpdate(
      { origin: { client: CLIENT, clock: 1 }, content: any(1) },
      { parent: 'meta', parentSub: 'k', content: any(2) },
    );
    expect(verdictRule(update)).toBe('malformed');
  });

  it('bytes that do not decode', () => {
    expect(verdictRule(Uint8Array.of(1, 200, 7))).toBe('undecodable');
  });
});

describe('what the rules let through', () => {
  it('items whose neighbour is missing are counted as unresolved (Yjs holds them back)', () => {
    const update = encodeRawUpdate({
      clients: [{ client: 5, clock: 0, structs: [{ origin: { client: 6, clock: 10 }, content: any(1) }] }],
    });
    expect(checkUpdateShape(update, null)).toMatchObject({ ok: true, unresolved: 1 });
  });

  it('an origin chain as long as the update is placed without deep recursion', () => {
    const chain: RawStruct[] = [{ parent: 'meta', parentSub: 'k', content: any(0) }];
    for (let i = 1; i < 60_000; i++)
      chain.push({ origin: { client: CLIENT, clock: i - 1 }, content: any(i) });
    expect(checkUpdateShape(rawUpdate(...chain), null)).toMatchObject({ ok: true, structs: 60_000 });
  });

  it('a cycle of origins inside one update is unresolved, not an endless loop', () => {
    const update = encodeRawUpdate({
      clients: [
        { client: 1, clock: 0, structs: [{ origin: { client: 2, clock: 0 }, content: any(1) }] },
        { client: 2, clock: 0, structs: [{ origin: { client: 1, clock: 0 }, content: any(2) }] },
      ],
    });
    expect(checkUpdateShape(update, null)).toMatchObject({ ok: true, unresolved: 2 });
  });
});
