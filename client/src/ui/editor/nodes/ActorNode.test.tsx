import { type NodeProps, ReactFlowProvider } from '@xyflow/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../../../../shared/model/replicas';
import { actorNameId } from '../../../canvas/accessibleNames';
import { CanvasStore } from '../../../canvas/CanvasStore';
import type { ActorFlowNode } from '../../../canvas/flowTypes';
import { setLocale } from '../../../i18n/i18n';
import { ActorContentContext } from './ActorContentContext';
import { ActorNode } from './ActorNode';

function chain() {
  const model = inMemoryMap({ title: 'T' });
  const onthaal = model.addPhase('Onthaal');
  const a = model.addActor({
    kind: 'service',
    label: 'Burgerzaken',
    position: { x: 10, y: 100 },
    phaseId: onthaal,
  });
  const b = model.addActor({ kind: 'role', label: 'Toeleider', position: { x: 400, y: 100 } });
  model.addNote({ kind: 'gap', anchor: { type: 'actor', id: a } });
  const store = new CanvasStore(model, false);
  return { model, store, a, b };
}

/** The card React Flow would render for the actor's node, as it stands in the store's graph. */
function rendered(store: CanvasStore, id: string): string {
  const node = store.getGraph().nodes.find((n) => n.id === id) as ActorFlowNode;
  const props = {
    id,
    data: node.data,
    selected: false,
    type: 'actor',
  } as unknown as NodeProps<ActorFlowNode>;
  return renderToStaticMarkup(
    <ReactFlowProvider>
      <ActorContentContext.Provider value={store.actorContent}>
        <ActorNode {...props} />
      </ActorContentContext.Provider>
    </ReactFlowProvider>,
  );
}

afterEach(() => setLocale('nl'));

describe('an actor card', () => {
  it('shows a remote rename and names itself by it, from the same node object', () => {
    const { model, store, a } = chain();
    const node = store.getGraph().nodes.find((n) => n.id === a);
    expect(node?.domAttributes?.['aria-labelledby']).toBe(actorNameId(a));
    expect(rendered(store, a)).toContain('data-testid="actor-Burgerzaken"');
    model.updateActor(a, { label: 'Loket' });
    expect(store.getGraph().nodes.find((n) => n.id === a)).toBe(node);
    const html = rendered(store, a);
    expect(html).toContain('data-testid="actor-Loket"');
    expect(html).toContain('title="Loket"');
    expect(html).not.toContain('Burgerzaken');
    expect(html).toContain(
      `<span id="${actorNameId(a)}" hidden="">Loket, dienst, fase Onthaal, 1 knelpunt</span>`,
    );
    store.destroy();
  });

  it('renders its name in the app’s language, and its note badges from its content', () => {
    const { model, store, b } = chain();
    model.addNote({ kind: 'quickWin', anchor: { type: 'actor', id: b } });
    setLocale('en');
    const html = rendered(store, b);
    expect(html).toContain(
      `<span id="${actorNameId(b)}" hidden="">Toeleider, role, outside the phases, 1 quick win</span>`,
    );
    expect(html).toContain('kk-note-badge--quickWin');
    store.destroy();
  });
});
