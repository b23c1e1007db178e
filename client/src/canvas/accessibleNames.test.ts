import { afterEach, describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../../shared/model/replicas';
import { setLocale } from '../i18n/i18n';
import { actorAccessibleName, actorNameId, linkAccessibleName, linkNameId } from './accessibleNames';
import { CanvasStore } from './CanvasStore';
import { toFlow } from './toFlow';
import { EMPTY_VIEW } from './viewState';

function chain() {
  const model = inMemoryMap({ title: 'T' });
  const onthaal = model.addPhase('Onthaal');
  const a = model.addActor({
    kind: 'service',
    label: 'Burgerzaken',
    position: { x: 10, y: 100 },
    phaseId: onthaal,
  });
  const b = model.addActor({ kind: 'role', label: 'Toeleider', position: { x: 400, y: 100 }, phaseId: null });
  const warm = model.addLink({ kind: 'handover', warmth: 'warm', source: a, target: b });
  const info = model.addLink({ kind: 'information', source: b, target: a });
  model.updateLink(warm, { owner: a });
  model.addNote({ kind: 'gap', anchor: { type: 'actor', id: a } });
  model.addNote({ kind: 'gap', anchor: { type: 'actor', id: a } });
  model.addNote({ kind: 'quickWin', anchor: { type: 'actor', id: a } });
  return { model, a, b, warm, info };
}

/** A card's name as its card renders it (`ActorNode`), from its content in the app's language. */
function cardName(store: CanvasStore, id: string): string {
  const card = store.actorContent.get(id)!;
  return actorAccessibleName(card.actor, card.phaseName, card.notes);
}

afterEach(() => setLocale('nl'));

describe('what a screen reader hears on the canvas', () => {
  it('names a link by its kind and both ends in Dutch, with its owner, never by our kind id', () => {
    const { model, a, b, warm, info } = chain();
    const state = model.read();
    const link = (id: string) => state.links.find((l) => l.id === id)!;
    expect(linkAccessibleName(link(warm), 'Burgerzaken', 'Toeleider', 'Burgerzaken')).toBe(
      'Warme overdracht van Burgerzaken naar Toeleider. Eigenaar: Burgerzaken',
    );
    expect(linkAccessibleName(link(info), 'Toeleider', 'Burgerzaken', '')).toBe(
      'Informatiedeling van Toeleider naar Burgerzaken',
    );
    // The edge carries no name of its own (it reads its ends' labels): it points to the one its
    // link renders, and React Flow's English "Edge from … to …" is off.
    const edges = new Map(toFlow(state, EMPTY_VIEW).edges.map((e) => [e.id, e]));
    expect(edges.get(warm)?.ariaLabel).toBeNull();
    expect(edges.get(warm)?.domAttributes).toEqual({
      'aria-roledescription': 'verbinding',
      'aria-labelledby': linkNameId(warm),
    });
    expect(edges.get(warm)?.data).toMatchObject({ ownerName: 'Burgerzaken' });
    expect([edges.get(warm)?.source, edges.get(warm)?.target]).toEqual([a, b]);
  });

  it('describes a card with its kind, phase and open notes', () => {
    const { model, a, b } = chain();
    const store = new CanvasStore(model, false);
    expect(cardName(store, a)).toBe('Burgerzaken, dienst, fase Onthaal, 1 quick-win, 2 knelpunten');
    expect(cardName(store, b)).toBe('Toeleider, rol, buiten de fasen');
    // The node carries no name of its own: it points to the one its card renders.
    const node = store.getGraph().nodes.find((n) => n.id === a);
    expect(node?.ariaLabel).toBeUndefined();
    expect(node?.domAttributes).toEqual({
      'aria-roledescription': 'actor',
      'aria-labelledby': actorNameId(a),
    });
    store.destroy();
  });

  it('speaks English when the app does', () => {
    setLocale('en');
    const { model, warm } = chain();
    const link = model.read().links.find((l) => l.id === warm)!;
    expect(linkAccessibleName(link, 'Burgerzaken', 'Toeleider', 'Burgerzaken')).toBe(
      'Warm handover from Burgerzaken to Toeleider. Owner: Burgerzaken',
    );
  });

  it('re-names every card and link the canvas draws when the language switches, and back', () => {
    const { model, a, b, warm } = chain();
    const store = new CanvasStore(model, false);
    const names = () => {
      const { nodes, edges } = store.getGraph();
      const byId = new Map([...nodes, ...edges].map((e) => [e.id, e]));
      const role = (id: string) => byId.get(id)?.domAttributes?.['aria-roledescription'];
      return [cardName(store, a), cardName(store, b), role(a), role(warm)];
    };
    const dutch = names();
    expect(dutch).toEqual([
      'Burgerzaken, dienst, fase Onthaal, 1 quick-win, 2 knelpunten',
      'Toeleider, rol, buiten de fasen',
      'actor',
      'verbinding',
    ]);
    const lanes = store.getGraph().nodes.filter((n) => n.type === 'lane');

    setLocale('en');
    expect(names()).toEqual([
      'Burgerzaken, service, phase Onthaal, 1 quick win, 2 gaps',
      'Toeleider, role, outside the phases',
      'actor',
      'link',
    ]);
    // Only the names changed: what carries no spoken text keeps its object.
    const lanesNow = store.getGraph().nodes.filter((n) => n.type === 'lane');
    expect(lanesNow.length).toBe(lanes.length);
    for (const [i, lane] of lanesNow.entries()) expect(lane).toBe(lanes[i]);

    setLocale('nl');
    expect(names()).toEqual(dutch);
    store.destroy();
  });

  it('re-names the cards of a phase that is renamed', () => {
    const { model, a } = chain();
    const store = new CanvasStore(model, false);
    const phase = model.read().phases[0]!.id;
    model.renamePhase(phase, 'Eerste contact');
    expect(cardName(store, a)).toBe('Burgerzaken, dienst, fase Eerste contact, 1 quick-win, 2 knelpunten');
    store.destroy();
  });
});
