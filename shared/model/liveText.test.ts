import { describe, expect, it } from 'vitest';
import type { ChainMap } from './ChainMap';
import type { CaretAnchor, LiveText } from './liveText';
import { connectMaps, docStateOf, inMemoryMap, replicaOf, syncMaps } from './replicas';

/**
 * Text fields as two people use them: typing into one field at once, whole-value writes beside
 * typing, undo, and the change feed. Each "participant" types as the editor's input binding does:
 * the caret is kept as an anchor, resolved after every change, and a keystroke is the input's new
 * value with the caret where it was.
 */

class Typist {
  private caret: CaretAnchor | null;
  constructor(
    readonly text: LiveText,
    at: number,
  ) {
    this.caret = text.anchor(at);
  }
  get index(): number {
    return this.caret === null ? 0 : (this.text.resolve(this.caret) ?? 0);
  }
  type(chars: string): void {
    for (const ch of chars) {
      const at = this.index;
      const value = this.text.read();
      this.text.type(value.slice(0, at) + ch + value.slice(at), at);
      this.caret = this.text.anchor(at + 1);
    }
  }
  backspace(): void {
    const at = this.index;
    const value = this.text.read();
    this.text.type(value.slice(0, at - 1) + value.slice(at), at - 1);
    this.caret = this.text.anchor(at - 1);
  }
}

function twoPeers(description = ''): { a: ChainMap; b: ChainMap; id: string } {
  const a = inMemoryMap({ title: 'werkgroep' });
  const id = a.addActor({ kind: 'service', label: 'Onthaal', description });
  const b = replicaOf(a);
  return { a, b, id };
}

const ELS = 'Els: trajectbegeleiding werk.';
const KARIM = 'Karim: contact via OCMW.';

describe('typing into one text field together', () => {
  it('keeps both people’s words intact when their keystrokes alternate, each at their own caret', () => {
    const { a, b, id } = twoPeers();
    connectMaps(a, b);
    const els = new Typist(a.liveText({ collection: 'actors', id, field: 'description' }), 0);
    const karim = new Typist(b.liveText({ collection: 'actors', id, field: 'description' }), 0);
    for (let i = 0; i < Math.max(ELS.length, KARIM.length); i++) {
      if (ELS[i]) els.type(ELS[i]!);
      if (KARIM[i]) karim.type(KARIM[i]!);
    }
    const result = a.getActor(id)!.description;
    expect(b.getActor(id)!.description).toBe(result);
    expect(result).toContain(ELS);
    expect(result).toContain(KARIM);
    expect(result).toHaveLength(ELS.length + KARIM.length);
  });

  it('keeps words intact when the keystrokes are concurrent (exchanged in bursts)', () => {
    const { a, b, id } = twoPeers('Intro.');
    const els = new Typist(a.liveText({ collection: 'actors', id, field: 'description' }), 6);
    const karim = new Typist(b.liveText({ collection: 'actors', id, field: 'description' }), 6);
    for (let i = 0; i < ELS.length; i += 3) {
      els.type(ELS.slice(i, i + 3));
      karim.type(KARIM.slice(i, i + 3));
      syncMaps(a, b);
    }
    const result = a.getActor(id)!.description;
    expect(b.getActor(id)!.description).toBe(result);
    expect(result.startsWith('Intro.')).toBe(true);
    expect(result).toContain(ELS);
    expect(result).toContain(KARIM);
  });

  it('moves a caret with a peer’s edit before it, and leaves it with an edit after it', () => {
    const { a, b, id } = twoPeers('abc def');
    connectMaps(a, b);
    const mine = new Typist(a.liveText({ collection: 'actors', id, field: 'description' }), 4);
    const theirs = new Typist(b.liveText({ collection: 'actors', id, field: 'description' }), 0);
    theirs.type('>> ');
    expect(mine.index).toBe(7);
    const later = new Typist(b.liveText({ collection: 'actors', id, field: 'description' }), 10);
    later.type('!');
    expect(mine.index).toBe(7);
    mine.backspace();
    expect(a.getActor(id)!.description).toBe('>> abcdef!');
  });

  it('applies a whole-value write as the smallest edit, so a peer’s typing elsewhere survives', () => {
    const { a, b, id } = twoPeers();
    new Typist(b.liveText({ collection: 'actors', id, field: 'label' }), 7).type(' stad');
    a.updateActor(id, { label: 'Lokaal Onthaal' });
    syncMaps(a, b);
    expect(a.getActor(id)!.label).toBe('Lokaal Onthaal stad');
    expect(b.getActor(id)!.label).toBe('Lokaal Onthaal stad');
  });

  it('writes nothing for a whole value equal to the stored text (restore of an unchanged element)', () => {
    const { a, id } = twoPeers('x');
    a.putActor(a.getActor(id)!); // stores the defaults the element was created without
    const before = docStateOf(a);
    a.putActor(a.getActor(id)!);
    a.updateActor(id, { label: 'Onthaal', description: 'x' });
    expect(docStateOf(a)).toEqual(before);
  });

  it('makes a typing burst one undo step that reverts only the owner’s characters', () => {
    const { a, b, id } = twoPeers();
    connectMaps(a, b);
    const undo = a.createUndoManager();
    new Typist(a.liveText({ collection: 'actors', id, field: 'label' }), 7).type(' stad');
    new Typist(b.liveText({ collection: 'actors', id, field: 'label' }), 0).type('Lokaal ');
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(a.getActor(id)!.label).toBe('Lokaal Onthaal');
    expect(b.getActor(id)!.label).toBe('Lokaal Onthaal');
  });

  it('reports typing as an update of the element, and reads the new text at once', () => {
    const { a, id } = twoPeers();
    a.read();
    const seen: string[] = [];
    a.onChange((changes, source) => {
      for (const c of changes) seen.push(`${c.type}:${'id' in c ? c.id : ''}:${source}`);
    });
    new Typist(a.liveText({ collection: 'actors', id, field: 'label' }), 0).type('X');
    expect(seen).toEqual([`update:${id}:local`]);
    expect(a.read().actors[0]!.label).toBe('XOnthaal');
  });

  it('tells the binding about every change of its field, and who made it', () => {
    const { a, b, id } = twoPeers();
    connectMaps(a, b);
    const field = a.liveText({ collection: 'actors', id, field: 'label' });
    const sources: string[] = [];
    field.subscribe((s) => sources.push(s));
    new Typist(b.liveText({ collection: 'actors', id, field: 'label' }), 0).type('Y');
    a.updateActor(id, { description: 'not this field' });
    a.updateActor(id, { label: 'Z' });
    b.deleteElements({ actors: [id] });
    expect(sources).toEqual(['remote', 'local', 'remote']);
    expect(field.read()).toBe('');
    expect(field.anchor(0)).toBeNull();
  });

  it('refuses anchors that are not relative positions of this field', () => {
    const { a, id } = twoPeers();
    const label = a.liveText({ collection: 'actors', id, field: 'label' });
    const description = a.liveText({ collection: 'actors', id, field: 'description' });
    for (const junk of [null, 3, 'x', {}, { item: { client: 'x', clock: 1 } }, { type: { client: -0.5 } }])
      expect(label.resolve(junk)).toBeNull();
    expect(label.resolve(description.anchor(0))).toBeNull();
    expect(label.resolve(label.anchor(3))).toBe(3);
  });

  it('gives every new element each declared text field, empty or not, so no keystroke creates one', () => {
    const map = inMemoryMap();
    const actor = map.addActor({ kind: 'targetGroup' });
    const peer = replicaOf(map);
    // Two people start typing into the empty needs field at once: both keep their words.
    new Typist(map.liveText({ collection: 'actors', id: actor, field: 'needs' }), 0).type('taal');
    new Typist(peer.liveText({ collection: 'actors', id: actor, field: 'needs' }), 0).type('werk');
    syncMaps(map, peer);
    expect(['taalwerk', 'werktaal']).toContain(map.getActor(actor)!.needs);
    expect(peer.getActor(actor)!.needs).toBe(map.getActor(actor)!.needs);
  });

  it('stores text well-formed, so a write that splits an emoji reads alike on every peer', () => {
    const { a, b, id } = twoPeers('x🙂y');
    connectMaps(a, b);
    const field = a.liveText({ collection: 'actors', id, field: 'description' });
    field.type('x\uD83Dy', 2);
    new Typist(b.liveText({ collection: 'actors', id, field: 'description' }), 2).type('z');
    expect(a.getActor(id)!.description).toBe('x\uFFFDzy');
    expect(b.getActor(id)!.description).toBe(a.getActor(id)!.description);
  });
});
