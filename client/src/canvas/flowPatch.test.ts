import { describe, expect, it } from 'vitest';
import { connectMaps, inMemoryMap, replicaOf } from '../../../shared/model/replicas';
import { SeededRandom } from '../../../shared/seededRandom';
import { CanvasStore } from './CanvasStore';
import type { FlowGraph } from './flowTypes';
import { toFlow } from './toFlow';

/** `n` actors in lanes, 2n links, a second client editing "remotely"; `labels` gives some links a label. */
function mapWith(n: number, { labels = false, phases = true } = {}) {
  const model = inMemoryMap({ title: 'kaart' });
  const ids: string[] = [];
  const linkIds: string[] = [];
  model.transact(() => {
    if (phases) for (const label of ['Aankomst', 'Wonen', 'Werk']) model.addPhase(label);
    for (let i = 0; i < n; i++)
      ids.push(
        model.addActor({
          kind: i % 9 === 0 ? 'collaboration' : 'service',
          label: `a${i}`,
          position: { x: (i % 10) * 220, y: Math.floor(i / 10) * 140 },
        }),
      );
    for (let i = 0; i < 2 * n; i++)
      linkIds.push(
        model.addLink({
          kind: i % 11 === 0 ? 'membership' : 'handover',
          source: ids[i % n]!,
          target: ids[(i * 7 + 1) % n]!,
          ...(labels && i % 5 === 0 ? { label: `l${i}` } : {}),
        }),
      );
  });
  const remote = replicaOf(model);
  connectMaps(model, remote);
  return { model, remote, ids, linkIds, store: new CanvasStore(model, false) };
}

/** What a full build from scratch gives for the store's current state and view. */
function fresh(store: CanvasStore): FlowGraph {
  return toFlow(store.getState(), store.getView());
}

function changed(before: FlowGraph, after: FlowGraph): string[] {
  const prev = new Map<string, unknown>([...before.nodes, ...before.edges].map((e) => [e.id, e]));
  return [...after.nodes, ...after.edges].filter((e) => prev.get(e.id) !== e).map((e) => e.id);
}

describe('patching the graph from the change feed', () => {
  it('a remote edit of what one card shows builds no whole graph and changes no node or edge', () => {
    const { store, remote, ids } = mapWith(60);
    const builds = store.fullBuilds;
    const before = store.getGraph();
    remote.updateActor(ids[13]!, { municipality: 'Halle' });
    const after = store.getGraph();
    expect(store.fullBuilds).toBe(builds);
    expect(changed(before, after)).toEqual([]);
    expect(after.nodes).toBe(before.nodes);
    expect(after.edges).toBe(before.edges);
    expect(after).toEqual(fresh(store));
    expect(store.actorContent.get(ids[13]!)?.actor.municipality).toBe('Halle');
  });

  it('a renamed actor keeps React Flow’s node and edge arrays: no setNodes, no setEdges', () => {
    const { store, remote, ids } = mapWith(60);
    const builds = store.fullBuilds;
    const before = store.getGraph();
    const node = before.nodes.find((n) => n.id === ids[13]);
    remote.updateActor(ids[13]!, { label: 'hernoemd' });
    const after = store.getGraph();
    expect(store.fullBuilds).toBe(builds);
    // React Flow's StoreUpdater calls setNodes/setEdges only for a new array.
    expect(after.nodes).toBe(before.nodes);
    expect(after.edges).toBe(before.edges);
    expect(after.nodes.find((n) => n.id === ids[13])).toBe(node);
    expect(after).toEqual(fresh(store));
    expect(store.actorContent.get(ids[13]!)?.actor.label).toBe('hernoemd');
  });

  it('a renamed actor tells only that card’s content listeners; a move still changes its node', () => {
    const { store, remote, ids } = mapWith(60);
    const heard: string[] = [];
    for (const id of [ids[13]!, ids[14]!, ids[40]!]) store.actorContent.subscribe(id, () => heard.push(id));
    const card14 = store.actorContent.get(ids[14]!);
    remote.updateActor(ids[13]!, { label: 'hernoemd' });
    expect(heard).toEqual([ids[13]]);
    expect(store.actorContent.get(ids[14]!)).toBe(card14);
    const before = store.getGraph();
    remote.moveActors([{ id: ids[40]!, position: { x: 9, y: 9 } }]);
    expect(changed(before, store.getGraph())).toContain(ids[40]);
    expect(store.getGraph().nodes.find((n) => n.id === ids[40])?.position).toEqual({ x: 9, y: 9 });
    // A view-only rebuild (a peer's selection) tells no card.
    const count = heard.length;
    store.setPeerSelections(new Map([[ids[14]!, ['#f00']]]));
    expect(heard.length).toBe(count);
  });

  it('a renamed actor tells its links’ names, and only the listeners of that actor', () => {
    const { store, remote, ids } = mapWith(60);
    const heard: string[] = [];
    for (const id of [ids[13]!, ids[14]!, ids[40]!]) store.actorLabels.subscribe(id, () => heard.push(id));
    remote.updateActor(ids[13]!, { label: 'hernoemd' });
    expect(heard).toEqual([ids[13]]);
    expect(store.actorLabels.get(ids[13]!)).toBe('hernoemd');
    remote.updateActor(ids[40]!, { municipality: 'Halle' });
    expect(heard).toEqual([ids[13]]);
  });

  it('selecting a card rebuilds that card alone, not the whole graph', () => {
    const { store, ids, linkIds } = mapWith(60);
    const builds = store.fullBuilds;
    const before = store.getGraph();
    store.setSelected([ids[4]!]);
    expect(changed(before, store.getGraph())).toEqual([ids[4]]);
    store.onNodesChange([
      { type: 'select', id: ids[4]!, selected: false },
      { type: 'select', id: ids[8]!, selected: true },
    ]);
    store.setSelected([linkIds[3]!]);
    expect(store.fullBuilds).toBe(builds);
    expect(store.getGraph()).toEqual(fresh(store));
  });

  it('a remote move re-places the lanes and the moved card only', () => {
    const { store, remote, ids } = mapWith(60);
    const builds = store.fullBuilds;
    const before = store.getGraph();
    remote.moveActors([{ id: ids[20]!, position: { x: 400, y: 5000 } }]);
    const after = store.getGraph();
    expect(store.fullBuilds).toBe(builds);
    // The lanes grew to hold the card.
    expect(changed(before, after).filter((id) => !id.startsWith('lane:'))).toEqual([ids[20]]);
    expect(changed(before, after).some((id) => id.startsWith('lane:'))).toBe(true);
    expect(after).toEqual(fresh(store));
  });

  it('falls back to a whole build where labels are placed around every card', () => {
    const { store, remote, ids } = mapWith(30, { labels: true });
    const builds = store.fullBuilds;
    remote.moveActors([{ id: ids[2]!, position: { x: 10, y: 10 } }]);
    expect(store.fullBuilds).toBe(builds + 1);
    expect(store.getGraph()).toEqual(fresh(store));
  });

  for (const labels of [false, true])
    it(`equals a build from scratch after any seeded sequence of edits, selections and drags (labels: ${labels})`, () => {
      const { store, remote, model, ids, linkIds } = mapWith(40, { labels });
      const random = new SeededRandom(labels ? 11 : 7);
      const pick = <T>(list: readonly T[]) => list[random.int(list.length)]!;
      for (let step = 0; step < 300; step++) {
        const op = random.int(8);
        if (op === 0) remote.updateActor(pick(ids), { label: `r${step}` });
        else if (op === 1)
          remote.moveActors([{ id: pick(ids), position: { x: random.int(3000), y: random.int(3000) } }]);
        else if (op === 2) remote.updateLink(pick(linkIds), { warmth: random.int(2) ? 'warm' : 'cold' });
        else if (op === 3) store.setSelected(random.int(3) ? [pick(ids)] : [pick(linkIds), pick(ids)]);
        else if (op === 4) store.clearSelection();
        else if (op === 5) {
          const id = pick(ids);
          for (let f = 0; f < 3; f++)
            store.onNodesChange([
              { type: 'position', id, position: { x: 100 * f, y: step }, dragging: true },
            ]);
          store.onNodesChange([{ type: 'position', id, position: { x: 300, y: step }, dragging: false }]);
        } else if (op === 6)
          remote.updateActor(pick(ids), { kind: random.int(2) ? 'collaboration' : 'service' });
        else model.updateLink(pick(linkIds), { label: random.int(3) ? '' : `m${step}` });
        expect(store.getGraph(), `step ${step}, op ${op}`).toEqual(fresh(store));
        for (const actor of store.getState().actors)
          expect(store.actorLabels.get(actor.id), `step ${step}`).toBe(actor.label);
      }
    });
});
