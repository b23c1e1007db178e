import type { Connection, EdgeChange, NodeChange } from '@xyflow/react';
import type { ChainMap } from '../../../shared/model/ChainMap';
import type {
  ActorKind,
  ChainMapChange,
  ChainMapState,
  NoteAnchor,
  NoteKind,
  Position,
} from '../../../shared/model/types';
import { onLocaleChange } from '../i18n/i18n';
import { perfMark } from '../persistence/perfMark';
import { ActorContent } from './ActorContent';
import { ActorLabels } from './ActorLabels';
import { CanvasDecorations } from './CanvasDecorations';
import { CanvasGraph } from './CanvasGraph';
import { addActorNear, addNoteAt, deleteFlowElements } from './canvasCommands';
import { type ClipboardContent, copySelection, pasteInto } from './clipboard';
import { dragFrameNodes } from './dragFrame';
import { ElementIndex } from './ElementIndex';
import type { FlowPatch } from './flowPatch';
import type { FlowEdge, FlowGraph, FlowNode } from './flowTypes';
import { frameIds } from './frameIds';
import { interpretEdgeChanges, interpretNodeChanges } from './interpretChanges';
import { LiveDrags } from './LiveDrags';
import { connectionToLink, type LinkChoice } from './linkChoice';
import { MapSnapshot } from './MapSnapshot';
import type { Rect } from './placement';
import {
  aliveSelection,
  canvasSelection,
  EMPTY_VIEW,
  nodeKinds,
  type Selection,
  sameMap,
  sameStrings,
  splitSelection,
  type ViewState,
} from './viewState';

export type { Selection };

/**
 * The canvas' state outside React: the map snapshot (`MapSnapshot`, also read by the analysis, the
 * action plan and the inspector), the view-only state (selection, live drags, measured sizes,
 * peers' selections) and the React Flow graph derived from both. Every user action maps to exactly
 * one model transaction; the commands themselves are in `canvasCommands.ts`, the drag fast path in
 * `dragFrame.ts`, the graph in `CanvasGraph.ts`.
 */
export class CanvasStore {
  /** The map snapshot the editor reads. */
  readonly snapshot: MapSnapshot;
  /** Every actor's label, per actor: what the links' accessible names read (see `ActorLabels`). */
  readonly actorLabels = new ActorLabels();
  /** What each card shows, per actor (see `ActorContent`): a content edit changes no node. */
  readonly actorContent = new ActorContent();
  /** The React Flow graph, full and as drawn. */
  private readonly graph: CanvasGraph;
  private view: ViewState;
  private readonly drags = new LiveDrags();
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribeModel: () => void;
  private readonly unsubscribeDecorations: () => void;
  private readonly unsubscribeLocale: () => void;
  private kinds: Map<string, 'actor' | 'note'> | null = null;
  private clipboard: ClipboardContent | null = null;
  private readonly selectionListeners = new Set<(ids: readonly string[]) => void>();

  constructor(
    readonly model: ChainMap,
    readOnly: boolean,
    /** Visual states, marks and ghosts that other features lay over the canvas. */
    readonly decorations: CanvasDecorations = new CanvasDecorations(),
  ) {
    perfMark('canvas-read-start');
    this.snapshot = new MapSnapshot(model);
    this.actorLabels.sync(this.state.actors);
    perfMark('canvas-read');
    this.view = {
      ...EMPTY_VIEW,
      readOnly,
      decorations: decorations.all(),
      ghosts: decorations.ghosts(),
    };
    this.graph = new CanvasGraph(this.state, this.view, this.actorContent);
    perfMark('canvas-flow');
    this.unsubscribeModel = model.onChange((changes) => this.applyModelChange(changes));
    this.unsubscribeDecorations = decorations.subscribe(() => {
      this.view = { ...this.view, decorations: decorations.all(), ghosts: decorations.ghosts() };
      this.rebuild();
    });
    // The accessible names are built in the app's language: a switch re-names every node and edge
    // (toFlow compares each name, so only the names and role descriptions change).
    this.unsubscribeLocale = onLocaleChange(() => this.rebuild());
  }

  /** A model change: the snapshot catches up, then the graph (a full read also prunes the selection). */
  private applyModelChange(changes: readonly ChainMapChange[]): void {
    const update = this.snapshot.apply(changes);
    if (update === 'unchanged') return;
    this.actorLabels.sync(this.state.actors);
    if (update === 'patched') {
      const patch = this.graph.modelPatch(changes, this.snapshot);
      if (patch && this.patch(patch, patch.sameEnds)) return;
    } else {
      // Drop selection of elements that no longer exist (deleted here or by a peer).
      const selected = aliveSelection(this.state, this.view.selected);
      if (selected.length !== this.view.selected.size) this.setSelected(selected, false);
    }
    this.kinds = null;
    this.rebuild();
  }

  private get state(): ChainMapState {
    return this.snapshot.get();
  }

  /** How often a change needed a full model read (for tests and the profiler). */
  get fullReads(): number {
    return this.snapshot.fullReads;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Our live drag positions on every drag frame (null when the drag ends), so presence can
   * broadcast them; they never reach the doc before the drag ends.
   */
  subscribeLocalDrag(listener: (positions: ReadonlyMap<string, Position> | null) => void): () => void {
    return this.drags.subscribe(listener);
  }

  /** Our selection whenever it changes, so presence can show it to peers. */
  subscribeSelection(listener: (ids: readonly string[]) => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  getGraph = (): FlowGraph => this.graph.drawn;
  /** The map snapshot's current state. */
  getState = (): ChainMapState => this.snapshot.get();
  getView = (): ViewState => this.view;

  private pointerHeld = false;
  /** The pointer is pressed on the canvas: a drag may be about to start. */
  setPointerHeld(held: boolean): void {
    this.pointerHeld = held;
    // Released: the side panels catch up with what the drag selected.
    if (!this.isDragging() && this.shownSelection !== this.view.selected) this.notify();
  }

  private shownSelection: ReadonlySet<string> = EMPTY_VIEW.selected;
  /**
   * The selection the side panels (inspector) show: the live one, except while a drag may be under
   * way (pointer held, or a card of ours dragged), when the one from before the pointer went down
   * stays. React Flow selects a card as its drag starts; mounting the inspector for it in that
   * frame made the drag's first move one long task on a big map. Stable between changes (a
   * `useSyncExternalStore` snapshot).
   */
  getShownSelection = (): ReadonlySet<string> => {
    if (!this.isDragging()) this.shownSelection = this.view.selected;
    return this.shownSelection;
  };
  /** True while a node of ours is dragged or the pointer is held on the canvas (long computations wait). */
  isDragging = (): boolean => this.pointerHeld || this.drags.local.size > 0;

  get readOnly(): boolean {
    return this.view.readOnly;
  }

  /** The view's drag state from the live drags (ours and peers'), before any build reads it. */
  private refreshDrags(): void {
    this.view = this.drags.applyTo(this.view);
  }

  /** How often the whole graph was built (for tests and the profiler); patches do not count. */
  get fullBuilds(): number {
    return this.graph.fullBuilds;
  }

  private rebuild(): void {
    this.refreshDrags();
    this.graph.rebuild(this.state, this.view);
    this.notify();
  }

  /** Rebuilds only what `patch` names (see `CanvasGraph.patch`); false, with nothing changed, when it cannot. */
  private patch(patch: FlowPatch, sameEnds = true): boolean {
    this.refreshDrags();
    if (!this.graph.patch(this.state, this.snapshot, this.view, patch, sameEnds)) return false;
    this.notify();
    return true;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** The visible part of the canvas, in flow coordinates, whenever the viewport changes (see `CanvasGraph`). */
  setViewport(view: Rect): void {
    if (this.graph.setViewport(view)) this.notify();
  }

  /** The window links are cut to (see `clipCurve`): the culling window, on a map big enough to cull. */
  getLinkWindow = (): Rect | null => this.graph.linkWindow;

  // ── selection ────────────────────────────────────────────────────────────

  selection(): Selection {
    return splitSelection(this.state, this.view.selected);
  }

  setSelected(ids: Iterable<string>, rebuild = true): void {
    const before = this.view.selected;
    this.view = { ...this.view, selected: new Set(ids) };
    const selected = [...this.view.selected];
    for (const listener of this.selectionListeners) listener(selected);
    if (rebuild && !this.patchSelection(before)) this.rebuild();
  }

  /** Rebuilds the nodes and edges whose selection differs from `before`'s. */
  private patchSelection(before: ReadonlySet<string>): boolean {
    const changed = new Set<string>();
    for (const id of before) if (!this.view.selected.has(id)) changed.add(id);
    for (const id of this.view.selected) if (!before.has(id)) changed.add(id);
    return this.patch({ nodes: changed, edgesOf: [], links: changed, lanes: false });
  }

  /** A no-op when nothing changed: presence republishes on every peer's cursor move. */
  setPeerSelections(selections: ReadonlyMap<string, readonly string[]>): void {
    if (sameMap(selections, this.view.peerSelections, sameStrings)) return;
    this.view = { ...this.view, peerSelections: selections };
    this.rebuild();
  }

  setPeerDrags(drags: ReadonlyMap<string, Position>): void {
    if (!this.drags.setPeers(drags)) return;
    this.rebuild();
  }

  // ── React Flow callbacks ─────────────────────────────────────────────────

  onNodesChange = (changes: NodeChange<FlowNode>[]): void => {
    if (this.applyDragFrame(changes)) return;
    const before = this.view.selected;
    const { commands, view } = interpretNodeChanges(changes, this.ensureKinds(), this.state.phases);
    let selected: Set<string> | null = null;
    if (view.select.size > 0) {
      selected = canvasSelection(this.state, this.view.selected);
      for (const [id, on] of view.select) on ? selected.add(id) : selected.delete(id);
    }
    if (view.measured.size > 0) {
      const measured = new Map(this.view.measured);
      for (const [id, size] of view.measured) measured.set(id, size);
      this.view = { ...this.view, measured };
    }
    const dragChanged = view.dragPositions.size > 0 || view.dragEnded.length > 0;
    for (const [id, p] of view.dragPositions) this.drags.local.set(id, p);
    for (const id of view.dragEnded) this.drags.local.delete(id);
    if (dragChanged) this.drags.emit();
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
    // A click's batch is only select changes: patch the cards whose selection changed.
    const onlySelection = view.measured.size === 0 && !dragChanged;
    if (!onlySelection || !this.patchSelection(before)) this.rebuild();
  };

  /** How often a drag frame took the fast path (for tests and the profiler). */
  dragFrames = 0;
  private readonly nodeIndex = new ElementIndex<FlowNode>();

  /** A live drag frame takes the fast path (see `dragFrameNodes`); false for any other batch. */
  private applyDragFrame(changes: readonly NodeChange<FlowNode>[]): boolean {
    if (changes.length === 0) return false;
    const starting = changes.filter((c) => c.type === 'position' && !this.drags.local.has(c.id));
    const nodes = dragFrameNodes(
      this.graph.drawn.nodes,
      changes,
      this.ensureKinds(),
      this.nodeIndex,
      this.drags.local,
    );
    if (!nodes) return false;
    this.dragFrames++;
    this.drags.emit();
    this.graph.moveNodes(nodes);
    // A card starts moving: its links are rebuilt once as moving (see MOVING_LINK_CLASS).
    if (starting.length > 0 && this.patch(this.startingDragPatch(starting))) return true;
    this.notify();
    return true;
  }

  private startingDragPatch(changes: readonly NodeChange<FlowNode>[]): FlowPatch {
    const ids = changes.map((c) => (c.type === 'position' ? c.id : '')).filter(Boolean);
    return { nodes: new Set(), edgesOf: ids, links: new Set(), lanes: false };
  }

  private ensureKinds(): ReadonlyMap<string, 'actor' | 'note'> {
    this.kinds ??= nodeKinds(this.state);
    return this.kinds;
  }

  onEdgesChange = (changes: EdgeChange<FlowEdge>[]): void => {
    const select = interpretEdgeChanges(changes);
    if (select.size === 0) return;
    const selected = canvasSelection(this.state, this.view.selected);
    for (const [id, on] of select) on ? selected.add(id) : selected.delete(id);
    this.setSelected(selected);
  };

  /** A click on the empty canvas or Escape: nothing selected, whatever React Flow knows of. */
  clearSelection = (): void => {
    if (this.view.selected.size > 0) this.setSelected([]);
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
    deleteFlowElements(this.model, this.state, nodes, edges);
  };

  deleteSelection(): void {
    if (this.view.readOnly) return;
    const sel = this.selection();
    if (sel.actors.length + sel.links.length + sel.notes.length === 0) return;
    this.model.deleteElements(sel);
  }

  // ── commands from the palette, inspector and keyboard ─────────────────────

  /** Adds an actor near `center` (flow coordinates), on a free spot inside `view`, and selects it. */
  addActor(kind: ActorKind, center: Position, label: string, view: Rect | null = null): string | null {
    if (this.view.readOnly) return null;
    const id = addActorNear(this.model, this.state, kind, center, label, view);
    this.setSelected([id]);
    return id;
  }

  addNote(kind: NoteKind, center: Position, anchor: NoteAnchor, view: Rect | null = null): string | null {
    if (this.view.readOnly) return null;
    const id = addNoteAt(this.model, this.state, kind, center, anchor, view);
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
    return frameIds(ids, this.state, this.graph.drawn.nodes, this.view.ghosts);
  }

  destroy(): void {
    this.unsubscribeModel();
    this.unsubscribeDecorations();
    this.unsubscribeLocale();
    this.listeners.clear();
    this.drags.destroy();
    this.selectionListeners.clear();
  }
}
