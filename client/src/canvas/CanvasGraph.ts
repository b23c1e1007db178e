import type { ChainMapChange, ChainMapState } from '../../../shared/model/types';
import type { ActorContent } from './ActorContent';
import { EDGE_CULL_MIN_EDGES, EdgeCuller } from './edgeCulling';
import { flowContext } from './flowContext';
import { type FlowPatch, GraphIndex, modelPatch, patchFlow } from './flowPatch';
import type { FlowEdge, FlowGraph, FlowNode } from './flowTypes';
import type { StateLookup } from './MapSnapshot';
import type { Rect } from './placement';
import { toFlow } from './toFlow';
import type { ViewState } from './viewState';

/**
 * The React Flow graph of a canvas: every node and edge as `toFlow` built them (`full`, the previous
 * graph for identity reuse, with the index `patchFlow` works from) and what React Flow draws
 * (`drawn`: the full graph with the links off screen culled, see `EdgeCuller`). Each method that
 * changes it returns whether the subscribers must be told; telling them is the caller's.
 */
export class CanvasGraph {
  private drawnGraph: FlowGraph;
  private fullGraph: FlowGraph;
  private readonly culler = new EdgeCuller();
  private readonly index = new GraphIndex();
  private window: Rect | null = null;
  /** How often the whole graph was built (for tests and the profiler); patches do not count. */
  fullBuilds = 0;

  constructor(
    state: ChainMapState,
    view: ViewState,
    /** What the cards show, kept with the graph: synced after every build and applied patch. */
    private readonly content: ActorContent,
  ) {
    this.fullGraph = toFlow(state, view);
    this.drawnGraph = this.fullGraph;
    content.syncAll(state, flowContext(state, view));
  }

  /** What React Flow draws; a new object after every change (see `publish`). */
  get drawn(): FlowGraph {
    return this.drawnGraph;
  }

  get full(): FlowGraph {
    return this.fullGraph;
  }

  /** The window links are cut to (see `clipCurve`): the culling window, on a map big enough to cull. */
  get linkWindow(): Rect | null {
    return this.window;
  }

  rebuild(state: ChainMapState, view: ViewState): void {
    this.fullBuilds++;
    this.fullGraph = toFlow(state, view, this.fullGraph);
    this.content.syncAll(state, flowContext(state, view));
    this.publish();
  }

  /** The patch for a model change that only touched existing elements, or null (see `modelPatch`). */
  modelPatch(
    changes: readonly ChainMapChange[],
    find: StateLookup,
  ): (FlowPatch & { sameEnds: boolean }) | null {
    return modelPatch(changes, find, this.fullGraph, this.index, (id) => this.content.get(id)?.actor);
  }

  /**
   * Rebuilds only what `patch` names (see `patchFlow`): what a model change or a selection touched,
   * so a remote edit on a big map costs its own cards and links, not a pass over the map. False,
   * with nothing changed, when the patch cannot be applied (the caller then rebuilds everything).
   */
  patch(
    state: ChainMapState,
    find: StateLookup,
    view: ViewState,
    patch: FlowPatch,
    sameEnds = true,
  ): boolean {
    const previous = this.fullGraph;
    const next = patchFlow(state, find, view, previous, this.index, patch);
    if (!next) return false;
    this.index.adopt(previous, next, sameEnds);
    this.fullGraph = next;
    this.content.syncSome(patch.nodes, (id) => find.actor(id), flowContext(state, view));
    this.publish();
    return true;
  }

  /**
   * A drag frame's nodes (see `dragFrameNodes`): the same ids at the same places, so the edges, the
   * culled edges and the index stay as they are.
   */
  moveNodes(nodes: FlowNode[]): void {
    const previous = this.fullGraph;
    this.fullGraph = { nodes, edges: previous.edges };
    this.drawnGraph = { nodes, edges: this.drawnGraph.edges };
    this.index.adopt(previous, this.fullGraph, true);
  }

  /**
   * The visible part of the canvas, in flow coordinates, whenever the viewport changes: links whose
   * two cards are both far off screen are left out of the graph (recounted only when the view
   * leaves the window they were counted for). True when what is drawn changed.
   */
  setViewport(view: Rect): boolean {
    if (!this.culler.setViewport(view)) return false;
    const edges = this.culler.cull(this.fullGraph.edges, this.drawnGraph.nodes);
    const linkWindow = this.linkWindowFor(this.fullGraph.edges);
    if (edges === this.drawnGraph.edges && linkWindow === this.window) return false;
    this.window = linkWindow;
    this.drawnGraph = { nodes: this.drawnGraph.nodes, edges };
    return true;
  }

  /** Culls the links off screen into a new drawn graph (a new object: see `drawn`). */
  private publish(): void {
    // A new snapshot object even when no node changed (the inspector and title read the state
    // through it); unchanged arrays keep their identity, so React Flow skips them.
    this.drawnGraph = {
      nodes: this.fullGraph.nodes,
      edges: this.culler.cull(this.fullGraph.edges, this.fullGraph.nodes),
    };
    this.window = this.linkWindowFor(this.fullGraph.edges);
  }

  private linkWindowFor(edges: readonly FlowEdge[]): Rect | null {
    return edges.length >= EDGE_CULL_MIN_EDGES ? this.culler.currentWindow : null;
  }
}
