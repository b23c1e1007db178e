import type { Connection, EdgeChange, NodeChange } from '@xyflow/react';
import type { ChainMap } from '../../../shared/model/ChainMap';
import { ACTOR_HEIGHT, ACTOR_WIDTH, phaseIdAt } from '../../../shared/model/laneGeometry';
import type {
  ActorKind,
  ChainMapChange,
  ChainMapState,
  NoteKind,
  Position,
} from '../../../shared/model/types';
import { perfMark } from '../persistence/perfMark';
import { CanvasDecorations } from './CanvasDecorations';
import { type ClipboardContent, copySelection, pasteInto } from './clipboard';
import {
  connectionToLink,
  EMPTY_VIEW,
  type FlowEdge,
  type FlowGraph,
  type FlowNode,
  GHOST_ID_PREFIX,
  interpretEdgeChanges,
  interpretNodeChanges,
  type LinkChoice,
  toFlow,
  type ViewState,
} from './flowAdapter';

export interface Selection {
  actors: string[];
  links: string[];
  notes: string[];
}

/**
 * The canvas' state outside React: the model snapshot, the view-only state (selection, live drags,
 * measured sizes, peers' selections) and the React Flow graph derived from both.
 * Every user action maps to exactly one model transaction.
 */
export class CanvasStore {
  private state: ChainMapState;
  private graph: FlowGraph;
  private view: ViewState;
  private localDrags = new Map<string, Position>();
  private peerDrags = new Map<string, Position>();
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribeModel: () => void;
  private readonly unsubscribeDecorations: () => void;
  private kinds: Map<string, 'actor' | 'note'> | null = null;
  private clipboard: ClipboardContent | null = null;
  private readonly dragListeners = new Set<(positions: ReadonlyMap<string, Position> | null) => void>();
  private readonly selectionListeners = new Set<(ids: readonly string[]) => void>();

  constructor(
    readonly model: ChainMap,
    readOnly: boolean,
    /** Visual states, marks and ghosts that other features lay over the canvas. */
    readonly decorations: CanvasDecorations = new CanvasDecorations(),
  ) {
    perfMark('canvas-read-start');
    this.state = model.read();
    perfMark('canvas-read');
    this.view = {
      ...EMPTY_VIEW,
      readOnly,
      decorations: decorations.all(),
      ghosts: decorations.ghosts(),
    };
    this.graph = toFlow(this.state, this.view);
    perfMark('canvas-flow');
    this.unsubscribeModel = model.onChange((change) => this.applyModelChange(change));
    this.unsubscribeDecorations = decorations.subscribe(() => {
      this.view = { ...this.view, decorations: decorations.all(), ghosts: decorations.ghosts() };
      this.rebuild();
    });
  }

  /**
   * Brings the snapshot up to date from the touched ids alone: a field edit or move of existing
   * elements re-reads only those elements, so unchanged ones keep their object identity and the
   * rebuild is a pointer check per element. Anything that can change other elements' validity
   * (an element appearing or vanishing, phases) falls back to one full, consistent `read()`.
   */
  private applyModelChange(change: ChainMapChange): void {
    const touchesCanvas =
      change.meta ||
      change.phases.size > 0 ||
      change.actors.size > 0 ||
      change.links.size > 0 ||
      change.notes.size > 0;
    if (!touchesCanvas) return;
    const patched = change.phases.size > 0 ? null : this.patchState(change);
    if (patched) {
      this.state = patched;
    } else {
      this.state = this.model.read();
      this.fullReads++;
      // Drop selection of elements that no longer exist (deleted here or by a peer).
      const alive = new Set([
        ...this.state.actors.map((a) => a.id),
        ...this.state.links.map((l) => l.id),
        ...this.state.notes.map((n) => n.id),
      ]);
      const selected = [...this.view.selected].filter((id) => alive.has(id));
      if (selected.length !== this.view.selected.size) this.setSelected(selected, false);
    }
    this.kinds = null;
    this.rebuild();
  }

  private patchState(change: ChainMapChange): ChainMapState | null {
    let state = this.state;
    if (change.meta) state = { ...state, meta: this.model.getMeta() };
    if (change.actors.size > 0) {
      const actors = patchList(state.actors, change.actors, (id) => this.model.getActor(id));
      if (!actors) return null;
      state = { ...state, actors };
    }
    if (change.links.size > 0) {
      const links = patchList(state.links, change.links, (id) => this.model.getLink(id));
      if (!links) return null;
      state = { ...state, links };
    }
    if (change.notes.size > 0) {
      const notes = patchList(state.notes, change.notes, (id) => this.model.getNote(id));
      if (!notes) return null;
      state = { ...state, notes };
    }
    return state;
  }

  /** How often a change needed a full model read (for tests and the profiler). */
  fullReads = 0;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Our live drag positions on every drag frame (null when the drag ends), so presence can
   * broadcast them; they never reach the doc before the drag ends.
   */
  subscribeLocalDrag(listener: (positions: ReadonlyMap<string, Position> | null) => void): () => void {
    this.dragListeners.add(listener);
    return () => this.dragListeners.delete(listener);
  }

  /** Our selection whenever it changes, so presence can show it to peers. */
  subscribeSelection(listener: (ids: readonly string[]) => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  private emitLocalDrag(positions: ReadonlyMap<string, Position> | null): void {
    for (const listener of this.dragListeners) listener(positions);
  }

  getGraph = (): FlowGraph => this.graph;
  getState = (): ChainMapState => this.state;
  getView = (): ViewState => this.view;

  get readOnly(): boolean {
    return this.view.readOnly;
  }

  private rebuild(): void {
    if (this.peerDrags.size > 0 || this.localDrags.size > 0 || this.view.dragPositions.size > 0) {
      const dragPositions = new Map(this.peerDrags);
      for (const [id, p] of this.localDrags) dragPositions.set(id, p);
      this.view = { ...this.view, dragPositions, draggingIds: new Set(this.localDrags.keys()) };
    }
    const graph = toFlow(this.state, this.view, this.graph);
    // A new snapshot object even when no node changed (the inspector and title read the state
    // through it); unchanged arrays keep their identity, so React Flow skips them.
    this.graph = graph === this.graph ? { nodes: graph.nodes, edges: graph.edges } : graph;
    for (const listener of this.listeners) listener();
  }

  // ── selection ────────────────────────────────────────────────────────────

  selection(): Selection {
    const sel: Selection = { actors: [], links: [], notes: [] };
    const actors = new Set(this.state.actors.map((a) => a.id));
    const links = new Set(this.state.links.map((l) => l.id));
    for (const id of this.view.selected) {
      if (actors.has(id)) sel.actors.push(id);
      else if (links.has(id)) sel.links.push(id);
      else sel.notes.push(id);
    }
    return sel;
  }

  setSelected(ids: Iterable<string>, rebuild = true): void {
    this.view = { ...this.view, selected: new Set(ids) };
    const selected = [...this.view.selected];
    for (const listener of this.selectionListeners) listener(selected);
    if (rebuild) this.rebuild();
  }

  /** A no-op when nothing changed: presence republishes on every peer's cursor move. */
  setPeerSelections(selections: ReadonlyMap<string, readonly string[]>): void {
    if (sameMap(selections, this.view.peerSelections, sameStrings)) return;
    this.view = { ...this.view, peerSelections: selections };
    this.rebuild();
  }

  setPeerDrags(drags: ReadonlyMap<string, Position>): void {
    if (sameMap(drags, this.peerDrags, samePosition)) return;
    this.peerDrags = new Map(drags);
    this.rebuild();
  }

  // ── React Flow callbacks ─────────────────────────────────────────────────

  onNodesChange = (changes: NodeChange<FlowNode>[]): void => {
    if (this.applyDragFrame(changes)) return;
    const { commands, view } = interpretNodeChanges(changes, this.ensureKinds(), this.state.phases);
    let selected: Set<string> | null = null;
    if (view.select.size > 0) {
      selected = new Set(this.view.selected);
      for (const [id, on] of view.select) on ? selected.add(id) : selected.delete(id);
    }
    if (view.measured.size > 0) {
      const measured = new Map(this.view.measured);
      for (const [id, size] of view.measured) measured.set(id, size);
      this.view = { ...this.view, measured };
    }
    const dragChanged = view.dragPositions.size > 0 || view.dragEnded.length > 0;
    for (const [id, p] of view.dragPositions) this.localDrags.set(id, p);
    for (const id of view.dragEnded) this.localDrags.delete(id);
    if (dragChanged) this.emitLocalDrag(this.localDrags.size > 0 ? this.localDrags : null);
    if (selected) this.setSelected(selected, false);
    if (!this.view.readOnly && (commands.moveActors.length > 0 || commands.moveNotes.length > 0)) {
      // One transaction: the whole drag (all selected nodes) is one undo step and one sync frame.
      // The rebuild from the model's change event then shows the committed positions.
      this.model.transact(() => {
        if (commands.moveActors.length > 0) this.model.moveActors(commands.moveActors);
        if (commands.moveNotes.length > 0) this.model.moveNotes(commands.moveNotes);
      });
      return;
    }
    this.rebuild();
  };

  /** How often a drag frame took the fast path (for tests and the profiler). */
  dragFrames = 0;
  private nodeIndex: Map<string, number> | null = null;
  private nodeIndexOf: FlowNode[] | null = null;

  /**
   * A live drag frame: only position changes with `dragging` of nodes we know. It touches nothing
   * but the dragged nodes: their objects are replaced in a copy of the nodes array (edges, lanes,
   * state, decorations and every other node keep their identity), so a frame costs O(dragged) plus
   * one array copy instead of a full `toFlow` over the map. Lanes keep their band until the drag
   * ends (the drag end's model change rebuilds everything). Returns false for any other batch.
   */
  private applyDragFrame(changes: readonly NodeChange<FlowNode>[]): boolean {
    if (changes.length === 0) return false;
    const kinds = this.ensureKinds();
    for (const change of changes) {
      if (change.type !== 'position' || !change.dragging || !change.position) return false;
      if (!kinds.has(change.id)) return false;
    }
    if (this.nodeIndexOf !== this.graph.nodes) {
      this.nodeIndex = new Map(this.graph.nodes.map((n, i) => [n.id, i]));
      this.nodeIndexOf = this.graph.nodes;
    }
    const index = this.nodeIndex!;
    const nodes = this.graph.nodes.slice();
    for (const change of changes) {
      if (change.type !== 'position' || !change.position) return false;
      const position = change.position;
      const at = index.get(change.id);
      const prev = at === undefined ? undefined : nodes[at];
      if (at === undefined || !prev) return false;
      this.localDrags.set(change.id, position);
      if (prev.dragging && prev.position.x === position.x && prev.position.y === position.y) continue;
      nodes[at] = { ...prev, position, dragging: true } as FlowNode;
    }
    this.dragFrames++;
    this.emitLocalDrag(this.localDrags);
    this.graph = { nodes, edges: this.graph.edges };
    this.nodeIndexOf = nodes;
    for (const listener of this.listeners) listener();
    return true;
  }

  private ensureKinds(): ReadonlyMap<string, 'actor' | 'note'> {
    if (!this.kinds) {
      this.kinds = new Map();
      for (const a of this.state.actors) this.kinds.set(a.id, 'actor');
      for (const n of this.state.notes) this.kinds.set(n.id, 'note');
    }
    return this.kinds;
  }

  onEdgesChange = (changes: EdgeChange<FlowEdge>[]): void => {
    const select = interpretEdgeChanges(changes);
    if (select.size === 0) return;
    const selected = new Set(this.view.selected);
    for (const [id, on] of select) on ? selected.add(id) : selected.delete(id);
    this.setSelected(selected);
  };

  onConnect = (connection: Connection, choice: LinkChoice): string | null => {
    if (this.view.readOnly) return null;
    const input = connectionToLink(connection, new Set(this.state.actors.map((a) => a.id)), choice);
    if (!input) return null;
    const id = this.model.addLink(input);
    this.setSelected([id]);
    return id;
  };

  /** React Flow's onDelete: nodes and their edges arrive together, so this is one transaction. */
  onDelete = ({ nodes, edges }: { nodes: FlowNode[]; edges: FlowEdge[] }): void => {
    if (this.view.readOnly) return;
    const actorIds = new Set(this.state.actors.map((a) => a.id));
    this.model.deleteElements({
      actors: nodes.filter((n) => actorIds.has(n.id)).map((n) => n.id),
      notes: nodes.filter((n) => n.type === 'note').map((n) => n.id),
      links: edges.map((e) => e.id),
    });
  };

  deleteSelection(): void {
    if (this.view.readOnly) return;
    const sel = this.selection();
    if (sel.actors.length + sel.links.length + sel.notes.length === 0) return;
    this.model.deleteElements(sel);
  }

  // ── commands from the palette, inspector and keyboard ─────────────────────

  /** Adds an actor centred on `center` (flow coordinates) and selects it. */
  addActor(kind: ActorKind, center: Position, label: string): string | null {
    if (this.view.readOnly) return null;
    const position = freeSpot(
      { x: Math.round(center.x - ACTOR_WIDTH / 2), y: Math.round(center.y - ACTOR_HEIGHT / 2) },
      this.state.actors.map((a) => a.position),
    );
    const id = this.model.addActor({
      kind,
      label,
      position,
      phaseId: phaseIdAt(position, this.state.phases),
    });
    this.setSelected([id]);
    return id;
  }

  addNote(
    kind: NoteKind,
    center: Position,
    anchor: { type: 'actor' | 'link'; id: string } | null,
  ): string | null {
    if (this.view.readOnly) return null;
    const position = { x: Math.round(center.x - 100), y: Math.round(center.y - 48) };
    const id = this.model.addNote({ kind, position, anchor });
    this.setSelected([id]);
    return id;
  }

  copy(): ClipboardContent | null {
    const content = copySelection(this.state, this.selection());
    if (content) this.clipboard = content;
    return content;
  }

  /** Pastes (from `content` or the last copy) offset from the original; selects the pasted elements. */
  paste(content: ClipboardContent | null = this.clipboard): string[] {
    if (this.view.readOnly || !content) return [];
    const ids = pasteInto(this.model, content, this.state.phases);
    // Pasting again shifts further, like every drawing tool.
    this.clipboard = { ...content, offset: content.offset + 1 };
    this.setSelected(ids);
    return ids;
  }

  /** Element ids → the node ids to frame: a link frames its two actors. */
  frameIds(ids: readonly string[]): string[] {
    const links = new Map(this.state.links.map((l) => [l.id, l]));
    const out = new Set<string>();
    for (const id of ids) {
      const link = links.get(id);
      if (link) {
        out.add(link.source);
        out.add(link.target);
      } else if (this.graph.nodes.some((n) => n.id === id)) out.add(id);
      else if (this.view.ghosts.nodes.some((g) => g.id === id)) out.add(GHOST_ID_PREFIX + id);
    }
    return [...out];
  }

  destroy(): void {
    this.unsubscribeModel();
    this.unsubscribeDecorations();
    this.listeners.clear();
    this.dragListeners.clear();
    this.selectionListeners.clear();
  }
}

function sameMap<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>, same: (x: V, y: V) => boolean) {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [key, value] of a) {
    const other = b.get(key);
    if (other === undefined || !same(value, other)) return false;
  }
  return true;
}

const sameStrings = (a: readonly string[], b: readonly string[]) =>
  a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
const samePosition = (a: Position, b: Position) => a.x === b.x && a.y === b.y;

/** Replaces the touched items in place; null when one was added, removed or no longer valid. */
function patchList<T extends { id: string }>(
  list: readonly T[],
  ids: ReadonlySet<string>,
  get: (id: string) => T | undefined,
): T[] | null {
  let found = 0;
  let invalid = false;
  const out = list.map((item) => {
    if (!ids.has(item.id)) return item;
    found++;
    const next = get(item.id);
    if (!next) invalid = true;
    return next ?? item;
  });
  return invalid || found !== ids.size ? null : out;
}

/** The first spot at or below `start` where a new actor does not cover an existing one. */
export function freeSpot(start: Position, taken: readonly Position[]): Position {
  const overlaps = (p: Position) =>
    taken.some((t) => Math.abs(t.x - p.x) < ACTOR_WIDTH && Math.abs(t.y - p.y) < ACTOR_HEIGHT + 8);
  let p = start;
  for (let i = 0; i < 50 && overlaps(p); i++) p = { x: start.x, y: start.y + (i + 1) * (ACTOR_HEIGHT + 24) };
  return p;
}
