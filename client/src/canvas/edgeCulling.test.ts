import { describe, expect, it } from 'vitest';
import { EDGE_CULL_MIN_EDGES, EdgeCuller } from './edgeCulling';
import type { FlowEdge, FlowNode } from './flowTypes';

const node = (id: string, x: number, y: number) =>
  ({ id, type: 'actor', position: { x, y }, width: 220, height: 84, data: {} }) as unknown as FlowNode;
const edge = (id: string, source: string, target: string, selected = false) =>
  ({ id, source, target, selected }) as FlowEdge;

function bigMap() {
  // Two clusters far apart, and links within each, plus one long link between them.
  const nodes = [node('a', 0, 0), node('b', 300, 0), node('far1', 50_000, 0), node('far2', 50_300, 0)];
  const edges: FlowEdge[] = [edge('long', 'a', 'far1')];
  for (let i = 0; i < EDGE_CULL_MIN_EDGES; i++)
    edges.push(edge(`near${i}`, 'a', 'b'), edge(`far${i}`, 'far1', 'far2'));
  return { nodes, edges };
}

describe('edge culling', () => {
  it('keeps links with a card in view and hides those whose two cards are both off screen', () => {
    const { nodes, edges } = bigMap();
    const culler = new EdgeCuller();
    expect(culler.setViewport({ x: -100, y: -100, width: 1000, height: 600 })).toBe(true);
    const kept = culler.cull(edges, nodes);
    expect(kept.some((e) => e.id === 'long')).toBe(true);
    expect(kept.some((e) => e.id.startsWith('far'))).toBe(false);
    expect(kept.filter((e) => e.id.startsWith('near'))).toHaveLength(EDGE_CULL_MIN_EDGES);
  });

  it('recounts only when the view leaves its window, and keeps the same array while nothing changed', () => {
    const { nodes, edges } = bigMap();
    const culler = new EdgeCuller();
    culler.setViewport({ x: 0, y: 0, width: 1000, height: 600 });
    const first = culler.cull(edges, nodes);
    expect(culler.setViewport({ x: 50, y: 30, width: 1000, height: 600 })).toBe(false);
    expect(culler.cull(edges, nodes)).toBe(first);
    expect(culler.setViewport({ x: 49_800, y: 0, width: 1000, height: 600 })).toBe(true);
    expect(culler.cull(edges, nodes).some((e) => e.id.startsWith('far'))).toBe(true);
  });

  it('a node rebuilt in place (renamed) keeps the kept array; a node moved into view recounts', () => {
    const { nodes, edges } = bigMap();
    const culler = new EdgeCuller();
    culler.setViewport({ x: -100, y: -100, width: 1000, height: 600 });
    const first = culler.cull(edges, nodes);
    const renamed = nodes.map((n) =>
      n.id === 'far1' ? ({ ...n, data: { renamed: true } } as unknown as FlowNode) : n,
    );
    expect(culler.cull(edges, renamed)).toBe(first);
    const moved = renamed.map((n) => (n.id === 'far2' ? node('far2', 400, 0) : n));
    expect(culler.cull(edges, moved).some((e) => e.id.startsWith('far'))).toBe(true);
  });

  it('keeps a selected link and leaves small maps alone', () => {
    const { nodes, edges } = bigMap();
    edges.push(edge('chosen', 'far1', 'far2', true));
    const culler = new EdgeCuller();
    culler.setViewport({ x: 0, y: 0, width: 1000, height: 600 });
    expect(culler.cull(edges, nodes).some((e) => e.id === 'chosen')).toBe(true);
    const small = edges.slice(0, 10);
    expect(culler.cull(small, nodes)).toBe(small);
  });
});
