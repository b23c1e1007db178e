import type { ActorKind, Position } from '../../../shared/model/types';

/**
 * Canvas decorations: visual states, marks and ghosts that features (filters, analysis, version
 * compare) lay over the canvas without touching the doc. Framework-free.
 *
 * Invariants:
 * - Each source (e.g. 'filter', 'analysis', 'compare') owns one layer; setting or clearing a source
 *   never changes another source's layer.
 * - An element's resolved state is the highest-ranked state any layer gives it, in the order of
 *   `STATE_PRECEDENCE` (focus beats removed beats added … beats dim), regardless of which source set
 *   it or when. Marks are the union over all layers. Ghosts are the concatenation of all layers'
 *   ghosts (a ghost id set by two sources: the later-set source wins).
 * - Listeners receive only the ids whose resolved decoration changed; the resolved object of an
 *   unchanged element keeps its identity, so the canvas rebuilds only touched nodes and edges.
 */

export type DecorationState = 'focus' | 'highlight' | 'dim' | 'added' | 'changed' | 'removed';
export type DecorationMark = 'routeBreak';

/** Highest first. */
export const STATE_PRECEDENCE: readonly DecorationState[] = [
  'focus',
  'removed',
  'added',
  'changed',
  'highlight',
  'dim',
];

/** A removed actor or note drawn at its old place; not part of the model, not interactive. */
export interface GhostNode {
  readonly id: string;
  readonly kind: 'actor' | 'note';
  readonly label: string;
  readonly position: Position;
  readonly actorKind?: ActorKind;
  readonly width?: number;
  readonly height?: number;
}

/** A removed link; `source`/`target` are ids of live actors or of ghost nodes in any layer. */
export interface GhostEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly label?: string;
}

type IdRecord<T> = ReadonlyMap<string, T> | Readonly<Record<string, T>>;

export interface DecorationLayer {
  readonly states?: IdRecord<DecorationState>;
  readonly marks?: IdRecord<readonly DecorationMark[]>;
  readonly ghostNodes?: readonly GhostNode[];
  readonly ghostEdges?: readonly GhostEdge[];
}

/** The resolved decoration of one element. Frozen; identity-stable while unchanged. */
export interface ElementDecoration {
  readonly state: DecorationState | null;
  readonly marks: readonly DecorationMark[];
}

export interface DecorationChange {
  /** Element ids whose resolved decoration changed. */
  readonly ids: ReadonlySet<string>;
  /** True when the set of ghosts changed. */
  readonly ghosts: boolean;
}

export interface FocusRequest {
  readonly ids: readonly string[];
  readonly padding: number;
  readonly duration: number;
  /** How far the canvas may zoom in to frame them (default 1.2). */
  readonly maxZoom?: number;
}

interface StoredLayer {
  states: Map<string, DecorationState>;
  marks: Map<string, readonly DecorationMark[]>;
  ghostNodes: readonly GhostNode[];
  ghostEdges: readonly GhostEdge[];
}

export interface Ghosts {
  readonly nodes: readonly GhostNode[];
  readonly edges: readonly GhostEdge[];
}

const NO_GHOSTS: Ghosts = { nodes: [], edges: [] };
const RANK = new Map(STATE_PRECEDENCE.map((s, i) => [s, i]));

function toMap<T>(record: IdRecord<T> | undefined): Map<string, T> {
  if (!record) return new Map();
  if (record instanceof Map) return new Map(record);
  return new Map(Object.entries(record as Record<string, T>));
}

export class CanvasDecorations {
  private readonly layers = new Map<string, StoredLayer>();
  private readonly resolved = new Map<string, ElementDecoration>();
  private ghostCache: Ghosts = NO_GHOSTS;
  private readonly listeners = new Set<(change: DecorationChange) => void>();
  private readonly focusListeners = new Set<(request: FocusRequest) => void>();

  /** Replaces the layer of `source` (an empty layer is the same as `clear(source)`). */
  setLayer(source: string, layer: DecorationLayer): void {
    const previous = this.layers.get(source);
    const next: StoredLayer = {
      states: toMap(layer.states),
      marks: toMap(layer.marks),
      ghostNodes: layer.ghostNodes ?? [],
      ghostEdges: layer.ghostEdges ?? [],
    };
    const empty =
      next.states.size === 0 &&
      next.marks.size === 0 &&
      next.ghostNodes.length === 0 &&
      next.ghostEdges.length === 0;
    if (empty) this.layers.delete(source);
    else this.layers.set(source, next);
    this.afterLayerChange(previous, empty ? undefined : next);
  }

  /** Sets one element's state in the layer of `source`, keeping the rest of that layer. */
  setState(source: string, id: string, state: DecorationState | null): void {
    const layer = this.layers.get(source);
    const states = new Map(layer?.states);
    if (state === null) states.delete(id);
    else states.set(id, state);
    this.setLayer(source, { ...layer, states });
  }

  /** Removes the layer of `source`; the other sources' decorations stay. */
  clear(source: string): void {
    const previous = this.layers.get(source);
    if (!previous) return;
    this.layers.delete(source);
    this.afterLayerChange(previous, undefined);
  }

  clearAll(): void {
    for (const source of [...this.layers.keys()]) this.clear(source);
  }

  sources(): string[] {
    return [...this.layers.keys()];
  }

  /** The resolved decoration of an element, or undefined when no layer decorates it. */
  get(id: string): ElementDecoration | undefined {
    return this.resolved.get(id);
  }

  /** All resolved decorations (read-only view; do not keep across changes). */
  all(): ReadonlyMap<string, ElementDecoration> {
    return this.resolved;
  }

  ghosts(): Ghosts {
    return this.ghostCache;
  }

  subscribe(listener: (change: DecorationChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Marks `ids` as 'focus' in the layer of `source` (replacing that layer's earlier focus) and asks
   * the canvas to pan/zoom to them. Selects nothing and writes nothing to the doc. An empty list
   * clears the focus of that source without moving the viewport.
   */
  focusElements(
    ids: readonly string[],
    options: { source?: string; padding?: number; duration?: number } = {},
  ): void {
    const source = options.source ?? 'focus';
    this.setLayer(source, { ...this.layers.get(source), states: new Map(ids.map((id) => [id, 'focus'])) });
    if (ids.length === 0) return;
    const request: FocusRequest = {
      ids: [...ids],
      padding: options.padding ?? 0.3,
      duration: options.duration ?? 300,
    };
    for (const listener of this.focusListeners) listener(request);
  }

  /** Asks the canvas to pan/zoom to `ids` without marking them (a search bringing its match into view). */
  frameElements(ids: readonly string[], options: { padding?: number; duration?: number } = {}): void {
    if (ids.length === 0) return;
    const request: FocusRequest = {
      ids: [...ids],
      padding: options.padding ?? 0.3,
      duration: options.duration ?? 300,
    };
    for (const listener of this.focusListeners) listener(request);
  }

  /** The canvas listens here to move its viewport. */
  onFocusRequest(listener: (request: FocusRequest) => void): () => void {
    this.focusListeners.add(listener);
    return () => this.focusListeners.delete(listener);
  }

  private afterLayerChange(previous: StoredLayer | undefined, next: StoredLayer | undefined): void {
    const touched = new Set<string>();
    for (const layer of [previous, next]) {
      if (!layer) continue;
      for (const id of layer.states.keys()) touched.add(id);
      for (const id of layer.marks.keys()) touched.add(id);
    }
    const changed = new Set<string>();
    for (const id of touched) {
      const before = this.resolved.get(id);
      const after = this.resolve(id);
      if (sameDecoration(before, after)) continue;
      if (after) this.resolved.set(id, after);
      else this.resolved.delete(id);
      changed.add(id);
    }
    const ghostsChanged =
      (previous?.ghostNodes.length ?? 0) + (previous?.ghostEdges.length ?? 0) > 0 ||
      (next?.ghostNodes.length ?? 0) + (next?.ghostEdges.length ?? 0) > 0;
    if (ghostsChanged) this.ghostCache = this.collectGhosts();
    if (changed.size === 0 && !ghostsChanged) return;
    const change: DecorationChange = { ids: changed, ghosts: ghostsChanged };
    for (const listener of this.listeners) listener(change);
  }

  private resolve(id: string): ElementDecoration | undefined {
    let state: DecorationState | null = null;
    const marks: DecorationMark[] = [];
    for (const layer of this.layers.values()) {
      const s = layer.states.get(id);
      if (s && (state === null || RANK.get(s)! < RANK.get(state)!)) state = s;
      const m = layer.marks.get(id);
      if (m) for (const mark of m) if (!marks.includes(mark)) marks.push(mark);
    }
    if (state === null && marks.length === 0) return undefined;
    return Object.freeze({ state, marks: Object.freeze(marks.sort()) });
  }

  private collectGhosts(): Ghosts {
    const nodes = new Map<string, GhostNode>();
    const edges = new Map<string, GhostEdge>();
    for (const layer of this.layers.values()) {
      for (const n of layer.ghostNodes) nodes.set(n.id, n);
      for (const e of layer.ghostEdges) edges.set(e.id, e);
    }
    if (nodes.size === 0 && edges.size === 0) return NO_GHOSTS;
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  }
}

function sameDecoration(a: ElementDecoration | undefined, b: ElementDecoration | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.state === b.state && a.marks.length === b.marks.length && a.marks.every((m, i) => m === b.marks[i])
  );
}

/** CSS classes for a resolved decoration, shared by nodes and edges. */
export function decorationClass(decoration: ElementDecoration | undefined | null): string {
  if (!decoration) return '';
  const classes: string[] = [];
  if (decoration.state) classes.push('kk-deco', `kk-deco--${decoration.state}`);
  for (const mark of decoration.marks) classes.push(`kk-mark--${mark}`);
  return classes.join(' ');
}
