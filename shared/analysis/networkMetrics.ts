import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import type { ChainGraph } from './chainGraph';

/**
 * Network metrics per actor, for the inspector and optional node sizing.
 *
 * These describe the organisation network, not newcomer routes: who works with whom, whatever the
 * kind or direction of the link. So they are computed on an undirected simple view (one edge per
 * pair of linked actors); otherwise a pair with three links, or the direction a handover was
 * drawn in, would change how central an organisation looks.
 */
export interface ActorMetrics {
  /** Number of other actors this actor is linked to. */
  readonly degree: number;
  /** Share of shortest paths between other actors that pass through this one (Brandes, normalised 0..1). */
  readonly betweenness: number;
  /** degree / the map's highest degree: 0..1, for node size. 0 when nobody has a link. */
  readonly degreeScaled: number;
  /** betweenness / the map's highest betweenness: 0..1, for node size. */
  readonly betweennessScaled: number;
}

export function networkMetrics(cg: ChainGraph): Map<string, ActorMetrics> {
  const simple = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  cg.graph.forEachNode((id) => {
    simple.addNode(id);
  });
  cg.graph.forEachEdge((_edge, _attributes, source, target) => {
    simple.mergeEdge(source, target);
  });
  const betweenness = betweennessCentrality(simple, { normalized: true });
  let maxDegree = 0;
  let maxBetweenness = 0;
  simple.forEachNode((id) => {
    maxDegree = Math.max(maxDegree, simple.degree(id));
    maxBetweenness = Math.max(maxBetweenness, betweenness[id] ?? 0);
  });
  const out = new Map<string, ActorMetrics>();
  simple.forEachNode((id) => {
    const degree = simple.degree(id);
    const b = betweenness[id] ?? 0;
    out.set(id, {
      degree,
      betweenness: b,
      degreeScaled: maxDegree > 0 ? degree / maxDegree : 0,
      betweennessScaled: maxBetweenness > 0 ? b / maxBetweenness : 0,
    });
  });
  return out;
}
