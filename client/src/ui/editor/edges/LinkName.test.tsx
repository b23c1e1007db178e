import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../../../../shared/model/replicas';
import { linkNameId } from '../../../canvas/accessibleNames';
import { CanvasStore } from '../../../canvas/CanvasStore';
import { setLocale } from '../../../i18n/i18n';
import { ActorLabelsContext } from './ActorLabelsContext';
import { LinkName } from './LinkName';

function chain() {
  const model = inMemoryMap({ title: 'T' });
  const a = model.addActor({ kind: 'service', label: 'Burgerzaken', position: { x: 10, y: 100 } });
  const b = model.addActor({ kind: 'role', label: 'Toeleider', position: { x: 400, y: 100 } });
  const warm = model.addLink({ kind: 'handover', warmth: 'warm', source: a, target: b });
  model.updateLink(warm, { owner: a });
  const store = new CanvasStore(model, false);
  return { model, store, a, b, warm };
}

/** The name element a link renders, as its edge's `aria-labelledby` finds it. */
function rendered(store: CanvasStore, linkId: string): string {
  const link = store.getState().links.find((l) => l.id === linkId)!;
  const edge = store.getGraph().edges.find((e) => e.id === linkId)!;
  const ownerName = (edge.data as { ownerName: string }).ownerName;
  return renderToStaticMarkup(
    <ActorLabelsContext.Provider value={store.actorLabels}>
      <g>
        <LinkName link={link} ownerName={ownerName} />
      </g>
    </ActorLabelsContext.Provider>,
  );
}

afterEach(() => setLocale('nl'));

describe('a link’s accessible name', () => {
  it('is rendered under the id its edge points to, hidden, from both ends’ labels and its owner', () => {
    const { store, warm } = chain();
    const edge = store.getGraph().edges.find((e) => e.id === warm)!;
    expect(edge.domAttributes?.['aria-labelledby']).toBe(linkNameId(warm));
    expect(rendered(store, warm)).toBe(
      `<g><text id="${linkNameId(warm)}" display="none">Warme overdracht van Burgerzaken naar Toeleider. Eigenaar: Burgerzaken</text></g>`,
    );
    store.destroy();
  });

  it('follows a renamed end without a new edge, and speaks English when the app does', () => {
    const { model, store, b, warm } = chain();
    const edges = store.getGraph().edges;
    model.updateActor(b, { label: 'Loket' });
    expect(store.getGraph().edges).toBe(edges);
    expect(rendered(store, warm)).toContain(
      '>Warme overdracht van Burgerzaken naar Loket. Eigenaar: Burgerzaken<',
    );
    setLocale('en');
    expect(rendered(store, warm)).toContain('>Warm handover from Burgerzaken to Loket. Owner: Burgerzaken<');
    store.destroy();
  });
});
