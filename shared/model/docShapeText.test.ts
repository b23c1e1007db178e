import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeRawUpdate, type RawContent, type RawId, type RawStruct } from '../testing/rawUpdate';
import { ChainMap } from './ChainMap';
import { checkUpdateShape, type ShapeRule } from './docShape';
import { docRoots } from './layout';

/**
 * The shape rules for text fields (schema 2): a declared text field of a record element holds a
 * Y.Text of characters; the same Y.Text anywhere else, or anything but characters inside it, is
 * refused like any other shape no KetenKaart client writes.
 */

const CLIENT = 99;

const verdictRule = (update: Uint8Array, doc: Y.Doc | null): ShapeRule | 'ok' => {
  const verdict = checkUpdateShape(update, doc);
  return verdict.ok ? 'ok' : verdict.rule;
};

/** A doc through the model, with an actor, and the id of the item that holds the actor's Y.Map. */
function docWithActor(): { doc: Y.Doc; actorId: string; holder: RawId } {
  const doc = new Y.Doc();
  const map = ChainMap.create(doc, { title: 'kaart' });
  const actorId = map.addActor({ kind: 'service', label: 'OCMW' });
  const element = docRoots(doc).actors.get(actorId) as Y.Map<unknown>;
  return { doc, actorId, holder: element._item!.id };
}

const update = (...structs: RawStruct[]) =>
  encodeRawUpdate({ clients: [{ client: CLIENT, clock: 0, structs }] });
const text: RawContent = { kind: 'type', type: 'text' };
const chars = (s: string): RawContent => ({ kind: 'string', text: s });
/** The first struct of the update (clock 0), as a parent of the next ones. */
const first: RawId = { client: CLIENT, clock: 0 };

describe('text fields hold a Y.Text of characters', () => {
  it('the model’s own writes pass: new elements with their texts, typing, deleting, replacing a whole value', () => {
    const { doc, actorId } = docWithActor();
    expect(verdictRule(Y.encodeStateAsUpdate(doc), null)).toBe('ok');
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    peer.on('update', (u: Uint8Array) => updates.push(u));
    const map = new ChainMap(peer);
    const label = map.liveText({ collection: 'actors', id: actorId, field: 'label' });
    label.type('OCMW Halle', 4);
    label.type('OCMW Hal', 8);
    map.liveText({ collection: 'actors', id: actorId, field: 'description' }).type('Eerste 🙂 contact', 0);
    map.updateActor(actorId, { label: 'Sociaal huis' });
    const linkTo = map.addActor({ kind: 'partner', label: 'VDAB' });
    map.addLink({ kind: 'handover', source: actorId, target: linkTo, label: 'doorverwijzing' });
    map.addNote({ kind: 'gap', text: 'wachtlijst', anchor: { type: 'actor', id: actorId } });
    expect(updates.length).toBeGreaterThan(5);
    for (const [i, u] of updates.entries()) {
      expect(verdictRule(u, doc), `update ${i}`).toBe('ok');
      Y.applyUpdate(doc, u);
    }
    expect(verdictRule(Y.encodeStateAsUpdate(doc), null)).toBe('ok');
  });

  it('a Y.Text with characters in a declared text field passes; the same in another field is refused', () => {
    const { doc, holder } = docWithActor();
    const into = (field: string) =>
      update({ parent: holder, parentSub: field, content: text }, { parent: first, content: chars('hallo') });
    expect(verdictRule(into('label'), doc)).toBe('ok');
    expect(verdictRule(into('needs'), doc)).toBe('ok');
    for (const field of ['kind', 'phaseId', 'extra'])
      expect(verdictRule(into(field), doc), field).toBe('too_deep');
  });

  it('a field an app from before schema 2 writes as a plain string still passes', () => {
    const { doc, holder } = docWithActor();
    expect(
      verdictRule(
        update({ parent: holder, parentSub: 'label', content: { kind: 'any', values: ['OCMW'] } }),
        doc,
      ),
    ).toBe('ok');
  });

  const notCharacters: Array<[string, RawStruct]> = [
    ['a Y.Map', { parent: first, content: { kind: 'type', type: 'map' } }],
    ['a nested Y.Text', { parent: first, content: text }],
    ['an embed', { parent: first, content: { kind: 'embed', value: { image: 'x' } } }],
    ['a format', { parent: first, content: { kind: 'format', key: 'bold', value: true } }],
    ['a JSON value', { parent: first, content: { kind: 'any', values: ['x'] } }],
    ['binary', { parent: first, content: { kind: 'binary', bytes: new Uint8Array(2) } }],
    ['a map entry', { parent: first, parentSub: 'k', content: chars('x') }],
  ];
  for (const [name, inside] of notCharacters) {
    it(`${name} inside a text field’s Y.Text is refused`, () => {
      const { doc, holder } = docWithActor();
      const made = update({ parent: holder, parentSub: 'label', content: text }, inside);
      expect(verdictRule(made, doc)).toBe('content_type');
    });
  }

  it('a wrong type in a text field’s place is refused: characters, a Y.Map, a Y.Array', () => {
    const { doc, holder } = docWithActor();
    expect(verdictRule(update({ parent: holder, parentSub: 'label', content: chars('x') }), doc)).toBe(
      'content_type',
    );
    for (const type of ['map', 'array'] as const) {
      const made = update({ parent: holder, parentSub: 'label', content: { kind: 'type', type } });
      expect(verdictRule(made, doc), type).toBe(type === 'map' ? 'too_deep' : 'content_type');
    }
  });

  it('a Y.Text straight in a root is refused, record or value root', () => {
    for (const root of ['actors', 'meta']) {
      expect(verdictRule(update({ parent: root, parentSub: 'k', content: text }), null), root).toBe(
        'content_type',
      );
    }
  });

  it('characters typed into an existing text field, placed through the doc, pass; an embed there is refused', () => {
    const { doc, actorId } = docWithActor();
    const label = (docRoots(doc).actors.get(actorId) as Y.Map<unknown>).get('label') as Y.Text;
    const textItem = label._item!.id;
    const typed = update({ parent: textItem, content: chars('Halle ') });
    expect(verdictRule(typed, doc)).toBe('ok');
    const embedded = update({ parent: textItem, content: { kind: 'embed', value: { x: 1 } } });
    expect(verdictRule(embedded, doc)).toBe('content_type');
    // After the existing characters, by origin: the place is the neighbour's.
    const last = (label._start as Y.Item).lastId;
    expect(verdictRule(update({ origin: last, content: chars('!') }), doc)).toBe('ok');
    expect(verdictRule(update({ origin: last, content: { kind: 'type', type: 'map' } }), doc)).toBe(
      'content_type',
    );
  });
});
