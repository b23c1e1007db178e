import { afterEach, describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../../shared/model/replicas';
import { setLocale } from '../i18n/i18n';
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

afterEach(() => setLocale('nl'));

describe('what a screen reader hears on the canvas', () => {
  it('names a link by its kind and both ends in Dutch, with its owner, never by our kind id', () => {
    const { model, warm, info } = chain();
    const edges = new Map(toFlow(model.read(), EMPTY_VIEW).edges.map((e) => [e.id, e]));
    expect(edges.get(warm)?.ariaLabel).toBe(
      'Warme overdracht van Burgerzaken naar Toeleider. Eigenaar: Burgerzaken',
    );
    expect(edges.get(info)?.ariaLabel).toBe('Informatiedeling van Toeleider naar Burgerzaken');
    expect(edges.get(warm)?.domAttributes).toMatchObject({ 'aria-roledescription': 'verbinding' });
  });

  it('describes a card with its kind, phase and open notes', () => {
    const { model, a, b } = chain();
    const nodes = new Map(toFlow(model.read(), EMPTY_VIEW).nodes.map((n) => [n.id, n]));
    expect(nodes.get(a)?.ariaLabel).toBe('Burgerzaken, dienst, fase Onthaal, 1 quick-win, 2 knelpunten');
    expect(nodes.get(b)?.ariaLabel).toBe('Toeleider, rol, buiten de fasen');
    expect(nodes.get(a)?.domAttributes).toMatchObject({ 'aria-roledescription': 'actor' });
  });

  it('speaks English when the app does', () => {
    setLocale('en');
    const { model, warm } = chain();
    const edge = toFlow(model.read(), EMPTY_VIEW).edges.find((e) => e.id === warm);
    expect(edge?.ariaLabel).toBe('Warm handover from Burgerzaken to Toeleider. Owner: Burgerzaken');
  });
});
