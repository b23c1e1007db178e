import type { FlowEdge, FlowNode } from './flowTypes';
import type { Rect } from './placement';

/** Below this many links every edge stays drawn: culling would only cost work. */
export const EDGE_CULL_MIN_EDGES = 300;
/** The window edges are kept for: the viewport grown by this share of its size on every side. */
const MARGIN = 0.1;

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/**
 * True when `nodes` puts every node where `before` did, with the same size: what the culling reads.
 * A pointer check for each node that kept its object (a rename or a selection patches a few).
 */
function samePlaces(nodes: readonly FlowNode[], before: readonly FlowNode[] | null): boolean {
  if (nodes === before) return true;
  if (!before || nodes.length !== before.length) return false;
  for (let i = 0; i < nodes.length; i++) {
    const a = nodes[i]!;
    const b = before[i]!;
    if (a === b) continue;
    if (a.id !== b.id || a.position.x !== b.position.x || a.position.y !== b.position.y) return false;
    if (a.width !== b.width || a.height !== b.height) return false;
  }
  return true;
}

/**
 * Hides the links whose two cards are both off screen. React Flow's own culling keeps every edge
 * whose bounding box crosses the view, so on a big map most long links stay in the DOM (1,092 of
 * 2,000 while 88 actors were drawn) and painting them made a drag drop to a few frames a second.
 * Edges are kept for a window around the viewport (so a short pan needs no recount) and recounted
 * only when the viewport leaves that window; a selected edge always stays. The output array keeps
 * its identity while the kept edges do, so React Flow does not rebuild its edge lookup.
 */
export class EdgeCuller {
  private window: Rect | null = null;
  private lastInput: FlowEdge[] | null = null;
  private lastNodes: readonly FlowNode[] | null = null;
  private lastWindow: Rect | null = null;
  private lastOutput: FlowEdge[] = [];

  /** The window the kept edges were counted for: the viewport and a margin (null before the first viewport). */
  get currentWindow(): Rect | null {
    return this.window;
  }

  /** The visible canvas in flow coordinates; true when the kept edges must be recounted. */
  setViewport(view: Rect): boolean {
    if (this.window && contains(this.window, view)) return false;
    this.window = {
      x: view.x - view.width * MARGIN,
      y: view.y - view.height * MARGIN,
      width: view.width * (1 + 2 * MARGIN),
      height: view.height * (1 + 2 * MARGIN),
    };
    return true;
  }

  cull(edges: FlowEdge[], nodes: readonly FlowNode[]): FlowEdge[] {
    const window = this.window;
    if (edges.length < EDGE_CULL_MIN_EDGES || !window) return edges;
    if (edges === this.lastInput && window === this.lastWindow && samePlaces(nodes, this.lastNodes)) {
      this.lastNodes = nodes;
      return this.lastOutput;
    }
    const inView = new Set<string>();
    for (const n of nodes) {
      const rect = { ...n.position, width: n.width ?? 0, height: n.height ?? 0 };
      if (intersects(rect, window)) inView.add(n.id);
    }
    const kept = edges.filter((e) => e.selected || inView.has(e.source) || inView.has(e.target));
    const same = kept.length === this.lastOutput.length && kept.every((e, i) => e === this.lastOutput[i]);
    this.lastInput = edges;
    this.lastNodes = nodes;
    this.lastWindow = window;
    if (!same) this.lastOutput = kept;
    return this.lastOutput;
  }
}
