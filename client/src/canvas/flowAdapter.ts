import type { Connection, Edge, EdgeChange, Node, NodeChange, NodeHandle } from '@xyflow/react';
import { MarkerType, Position as RFPosition } from '@xyflow/react';
import { ACTOR_HEIGHT, ACTOR_WIDTH, phaseIdAt } from '../../../shared/model/laneGeometry';
import type {
  Actor,
  ChainMapState,
  Link,
  LinkKind,
  Note,
  NoteKind,
  Phase,
  Position,
  Warmth,
} from '../../../shared/model/types';
import { COMPARE_STROKES } from '../theme/compareColours';
import {
  type DecorationState,
  decorationClass,
  type ElementDecoration,
  type GhostEdge,
  type GhostNode,
  type Ghosts,
} from './CanvasDecorations';
import { type LaneRect, laneBand, laneRects } from './laneLayout';

/**
 * Model ↔ React Flow, as pure functions.
 *
 * Invariants:
 * - Only model fields go into nodes/edges from the model; UI state (selection, measured size,
 *   drag position) is layered on by the caller and never flows back into the doc.
 * - For an unchanged element the previous node/edge object is returned (identity-stable), so
 *   React Flow and memoised node components skip it.
 * - One batch of React Flow changes becomes at most one list of model commands, which the caller
 *   runs in one transaction (one undo step, one sync frame).
 */

export const NOTE_WIDTH = 200;
export const NOTE_HEIGHT = 96;
export const LANE_ID_PREFIX = 'lane:';
export const GHOST_ID_PREFIX = 'ghost:';
/** Edge length of the square connection handles (ui/editor/nodes/nodes.css `.react-flow__handle`). */
export const HANDLE_SIZE = 10;

export type NoteCounts = Readonly<Record<NoteKind, number>>;

export interface ActorNodeData extends Record<string, unknown> {
  actor: Actor;
  notes: NoteCounts;
  readOnly: boolean;
  /** Colours of peers who have this element selected. */
  peerColours: readonly string[];
  decoration: ElementDecoration | null;
}
export interface NoteNodeData extends Record<string, unknown> {
  note: Note;
  readOnly: boolean;
  peerColours: readonly string[];
  decoration: ElementDecoration | null;
}
export interface LaneNodeData extends Record<string, unknown> {
  lane: LaneRect;
}
export interface GhostNodeData extends Record<string, unknown> {
  ghost: GhostNode;
}
export interface LinkEdgeData extends Record<string, unknown> {
  link: Link;
  notes: number;
  decoration: ElementDecoration | null;
}

export type ActorFlowNode = Node<ActorNodeData, 'actor'>;
export type NoteFlowNode = Node<NoteNodeData, 'note'>;
export type LaneFlowNode = Node<LaneNodeData, 'lane'>;
export type GhostFlowNode = Node<GhostNodeData, 'ghost'>;
export type FlowNode = ActorFlowNode | NoteFlowNode | LaneFlowNode | GhostFlowNode;
export type FlowEdge = Edge<LinkEdgeData> | Edge<{ ghost: GhostEdge }>;

/** Per-element UI state the view keeps outside the doc. */
export interface ViewState {
  readOnly: boolean;
  selected: ReadonlySet<string>;
  /** Local in-progress drags and peers' live drags, by element id. */
  dragPositions: ReadonlyMap<string, Position>;
  draggingIds: ReadonlySet<string>;
  measured: ReadonlyMap<string, { width: number; height: number }>;
  peerSelections: ReadonlyMap<string, readonly string[]>;
  /** Resolved decorations by element id (see CanvasDecorations). */
  decorations: ReadonlyMap<string, ElementDecoration>;
  ghosts: Ghosts;
}

export const EMPTY_VIEW: ViewState = {
  readOnly: false,
  selected: new Set(),
  dragPositions: new Map(),
  draggingIds: new Set(),
  measured: new Map(),
  peerSelections: new Map(),
  decorations: new Map(),
  ghosts: { nodes: [], edges: [] },
};

const NO_COLOURS: readonly string[] = [];
const ZERO_NOTES: NoteCounts = { quickWin: 0, gap: 0, action: 0 };

export interface FlowGraph {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** Visual style of a link, shared by the canvas and the legend; colours are `var(--kk-link-*)` tokens. */
export interface LinkStyle {
  stroke: string;
  strokeWidth: number;
  dash: string | undefined;
  arrowStart: boolean;
  arrowEnd: boolean;
}

export function linkStyle(kind: LinkKind, warmth: Warmth | null): LinkStyle {
  switch (kind) {
    case 'handover':
      return warmth === 'warm'
        ? {
            stroke: 'var(--kk-link-warm)',
            strokeWidth: 3,
            dash: undefined,
            arrowStart: false,
            arrowEnd: true,
          }
        : { stroke: 'var(--kk-link-cold)', strokeWidth: 2, dash: '8 6', arrowStart: false, arrowEnd: true };
    case 'partnership':
      return {
        stroke: 'var(--kk-link-partnership)',
        strokeWidth: 2,
        dash: undefined,
        arrowStart: true,
        arrowEnd: true,
      };
    case 'membership':
      return {
        stroke: 'var(--kk-link-membership)',
        strokeWidth: 2,
        dash: '2 5',
        arrowStart: false,
        arrowEnd: true,
      };
    case 'information':
      return {
        stroke: 'var(--kk-link-information)',
        strokeWidth: 1.5,
        dash: '12 4 2 4',
        arrowStart: false,
        arrowEnd: true,
      };
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function sameCounts(a: NoteCounts, b: NoteCounts): boolean {
  return a === b || (a.quickWin === b.quickWin && a.gap === b.gap && a.action === b.action);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

/**
 * Static handle geometry (left target, right source, centred on the border), so React Flow can
 * draw edges to nodes it has not rendered (onlyRenderVisibleElements) and never has to measure.
 */
function sideHandles(width: number, height: number): NodeHandle[] {
  const y = height / 2 - HANDLE_SIZE / 2;
  return [
    {
      type: 'target',
      position: RFPosition.Left,
      x: -HANDLE_SIZE / 2,
      y,
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    },
    {
      type: 'source',
      position: RFPosition.Right,
      x: width - HANDLE_SIZE / 2,
      y,
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    },
  ];
}
const ACTOR_HANDLES = sideHandles(ACTOR_WIDTH, ACTOR_HEIGHT);
const ACTOR_SIZE = { width: ACTOR_WIDTH, height: ACTOR_HEIGHT };
const NOTE_SIZE = { width: NOTE_WIDTH, height: NOTE_HEIGHT };

function countNotes(notes: readonly Note[]): {
  actors: Map<string, Record<NoteKind, number>>;
  links: Map<string, number>;
} {
  const actors = new Map<string, Record<NoteKind, number>>();
  const links = new Map<string, number>();
  for (const note of notes) {
    // Badges count open work: a note marked done (klaar) drops off its actor's or link's badge.
    if (note.status === 'done') continue;
    if (note.anchor?.type === 'actor') {
      const counts = actors.get(note.anchor.id) ?? { quickWin: 0, gap: 0, action: 0 };
      counts[note.kind]++;
      actors.set(note.anchor.id, counts);
    } else if (note.anchor?.type === 'link') {
      links.set(note.anchor.id, (links.get(note.anchor.id) ?? 0) + 1);
    }
  }
  return { actors, links };
}

/**
 * Builds the React Flow graph. `previous` is the last result: any node or edge whose inputs are
 * unchanged is reused as the same object (compared by identity first, so an incrementally updated
 * state costs O(n) pointer checks), and an array whose items are all unchanged is `previous`'s array (when nothing changed,
 * `previous` itself is returned).
 */
export function toFlow(state: ChainMapState, view: ViewState, previous?: FlowGraph): FlowGraph {
  const prevNodes = new Map<string, FlowNode>();
  for (const n of previous?.nodes ?? []) prevNodes.set(n.id, n);
  const prevEdges = new Map<string, FlowEdge>();
  for (const e of previous?.edges ?? []) prevEdges.set(e.id, e);
  const noteCounts = countNotes(state.notes);

  const nodes: FlowNode[] = [];
  const positions: Position[] = [];
  for (const a of state.actors) positions.push(view.dragPositions.get(a.id) ?? a.position);
  const freeNotes = state.notes.filter((n) => n.anchor === null);
  for (const n of freeNotes) positions.push(view.dragPositions.get(n.id) ?? n.position);
  const band = laneBand(positions);

  for (const lane of laneRects(state.phases, band)) {
    const id = LANE_ID_PREFIX + lane.phase.id;
    const prev = prevNodes.get(id) as LaneFlowNode | undefined;
    if (prev && sameJson(prev.data.lane, lane)) {
      nodes.push(prev);
      continue;
    }
    nodes.push({
      id,
      type: 'lane',
      position: { x: lane.x, y: lane.y },
      width: lane.width,
      height: lane.height,
      measured: { width: lane.width, height: lane.height },
      data: { lane },
      draggable: false,
      selectable: false,
      connectable: false,
      deletable: false,
      focusable: false,
      zIndex: -1,
    });
  }

  for (const ghost of view.ghosts.nodes) {
    const id = GHOST_ID_PREFIX + ghost.id;
    const prev = prevNodes.get(id) as GhostFlowNode | undefined;
    if (prev && prev.data.ghost === ghost) {
      nodes.push(prev);
      continue;
    }
    nodes.push(ghostToNode(ghost));
  }

  for (const actor of state.actors) {
    const data: ActorNodeData = {
      actor,
      notes: noteCounts.actors.get(actor.id) ?? ZERO_NOTES,
      readOnly: view.readOnly,
      peerColours: view.peerSelections.get(actor.id) ?? NO_COLOURS,
      decoration: view.decorations.get(actor.id) ?? null,
    };
    const prev = prevNodes.get(actor.id);
    const same =
      prev?.type === 'actor' &&
      sameJson(prev.data.actor, actor) &&
      sameCounts(prev.data.notes, data.notes) &&
      prev.data.readOnly === data.readOnly &&
      sameList(prev.data.peerColours, data.peerColours) &&
      prev.data.decoration === data.decoration;
    const node = reuseOrBuild(
      same ? prev : undefined,
      view,
      actor.id,
      (position) => ({
        id: actor.id,
        type: 'actor',
        position,
        width: ACTOR_WIDTH,
        height: ACTOR_HEIGHT,
        handles: ACTOR_HANDLES,
        data,
        ariaLabel: actor.label,
        ...decorationProps(data.decoration),
      }),
      actor.position,
      ACTOR_SIZE,
    );
    nodes.push(node);
  }

  for (const note of freeNotes) {
    const data: NoteNodeData = {
      note,
      readOnly: view.readOnly,
      peerColours: view.peerSelections.get(note.id) ?? NO_COLOURS,
      decoration: view.decorations.get(note.id) ?? null,
    };
    const prev = prevNodes.get(note.id);
    const same =
      prev?.type === 'note' &&
      sameJson(prev.data.note, note) &&
      prev.data.readOnly === data.readOnly &&
      sameList(prev.data.peerColours, data.peerColours) &&
      prev.data.decoration === data.decoration;
    const node = reuseOrBuild(
      same ? prev : undefined,
      view,
      note.id,
      (position) => ({
        id: note.id,
        type: 'note',
        position,
        width: NOTE_WIDTH,
        height: NOTE_HEIGHT,
        data,
        ariaLabel: note.text,
        ...decorationProps(data.decoration),
      }),
      note.position,
      NOTE_SIZE,
    );
    nodes.push(node);
  }

  const edges: FlowEdge[] = [];
  for (const link of state.links) {
    const selected = view.selected.has(link.id);
    const data: LinkEdgeData = {
      link,
      notes: noteCounts.links.get(link.id) ?? 0,
      decoration: view.decorations.get(link.id) ?? null,
    };
    const prev = prevEdges.get(link.id);
    const prevData = prev?.data as LinkEdgeData | undefined;
    if (
      prev &&
      prevData?.link !== undefined &&
      prev.selected === selected &&
      prev.deletable === !view.readOnly &&
      prevData.notes === data.notes &&
      prevData.decoration === data.decoration &&
      sameJson(prevData.link, link)
    ) {
      edges.push(prev);
      continue;
    }
    edges.push(linkToEdge(link, data, selected, view.readOnly));
  }

  const liveIds = new Set(state.actors.map((a) => a.id));
  for (const ghost of view.ghosts.edges) {
    const id = GHOST_ID_PREFIX + ghost.id;
    const source = ghostEndpoint(ghost.source, view.ghosts, liveIds);
    const target = ghostEndpoint(ghost.target, view.ghosts, liveIds);
    if (!source || !target) continue;
    const prev = prevEdges.get(id);
    if (
      prev &&
      (prev.data as { ghost?: GhostEdge }).ghost === ghost &&
      prev.source === source &&
      prev.target === target
    ) {
      edges.push(prev);
      continue;
    }
    edges.push(ghostToEdge(ghost, source, target));
  }

  // Unchanged arrays keep their identity too: React Flow rebuilds its connection lookup (every
  // edge) whenever the edges array changes, and re-adopts every node when the nodes array does.
  const sameNodes = previous !== undefined && sameItems(nodes, previous.nodes);
  const sameEdges = previous !== undefined && sameItems(edges, previous.edges);
  if (sameNodes && sameEdges) return previous;
  return { nodes: sameNodes ? previous!.nodes : nodes, edges: sameEdges ? previous!.edges : edges };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A ghost edge's end: a ghost node (preferred: the element was removed) or a live actor. */
function ghostEndpoint(id: string, ghosts: Ghosts, liveIds: ReadonlySet<string>): string | null {
  if (ghosts.nodes.some((n) => n.id === id)) return GHOST_ID_PREFIX + id;
  return liveIds.has(id) ? id : null;
}

function decorationProps(decoration: ElementDecoration | null): { className?: string } {
  const className = decorationClass(decoration);
  return className ? { className } : {};
}

export function ghostToNode(ghost: GhostNode): GhostFlowNode {
  const width = ghost.width ?? (ghost.kind === 'actor' ? ACTOR_WIDTH : NOTE_WIDTH);
  const height = ghost.height ?? (ghost.kind === 'actor' ? ACTOR_HEIGHT : NOTE_HEIGHT);
  return {
    id: GHOST_ID_PREFIX + ghost.id,
    type: 'ghost',
    position: ghost.position,
    width,
    height,
    measured: { width, height },
    handles:
      ghost.kind === 'actor' && !ghost.width && !ghost.height ? ACTOR_HANDLES : sideHandles(width, height),
    data: { ghost },
    className: 'kk-ghost',
    style: { pointerEvents: 'none' },
    draggable: false,
    selectable: false,
    connectable: false,
    deletable: false,
    focusable: false,
    zIndex: 0,
  };
}

function ghostToEdge(ghost: GhostEdge, source: string, target: string): FlowEdge {
  return {
    id: GHOST_ID_PREFIX + ghost.id,
    source,
    target,
    type: 'default',
    data: { ghost },
    className: 'kk-ghost-edge',
    selectable: false,
    focusable: false,
    deletable: false,
    interactionWidth: 0,
    style: { stroke: 'var(--kk-deco-removed)', strokeWidth: 2, strokeDasharray: '6 4' },
    ...(ghost.label ? { label: ghost.label } : {}),
  };
}

function reuseOrBuild<T extends ActorFlowNode | NoteFlowNode>(
  prev: FlowNode | undefined,
  view: ViewState,
  id: string,
  build: (position: Position) => Omit<T, 'selected' | 'dragging' | 'measured' | 'draggable'>,
  modelPosition: Position,
  size: { width: number; height: number },
): T {
  const position = view.dragPositions.get(id) ?? modelPosition;
  const selected = view.selected.has(id);
  const dragging = view.draggingIds.has(id);
  // Until React Flow reports a size, the declared one stands in: it needs no measuring pass.
  const measured = view.measured.get(id) ?? size;
  if (
    prev &&
    prev.type !== 'lane' &&
    prev.selected === selected &&
    prev.dragging === dragging &&
    prev.position.x === position.x &&
    prev.position.y === position.y &&
    prev.measured?.width === measured.width &&
    prev.measured?.height === measured.height
  ) {
    return prev as T;
  }
  return {
    ...build(position),
    selected,
    dragging,
    draggable: !view.readOnly,
    connectable: !view.readOnly,
    deletable: !view.readOnly,
    measured: measured.width === size.width && measured.height === size.height ? size : measured,
  } as T;
}

const DECORATION_STROKES: Partial<Record<DecorationState, string>> = COMPARE_STROKES;

/** Compare states recolour a link; focus and highlight widen it (dim is CSS opacity). */
export function decoratedLinkStyle(style: LinkStyle, decoration: ElementDecoration | null): LinkStyle {
  const state = decoration?.state;
  if (!state || state === 'dim') return style;
  const stroke = DECORATION_STROKES[state] ?? style.stroke;
  return {
    ...style,
    stroke,
    strokeWidth: style.strokeWidth + 1.5,
    dash: state === 'removed' ? '6 4' : style.dash,
  };
}

export function linkToEdge(link: Link, data: LinkEdgeData, selected: boolean, readOnly: boolean): FlowEdge {
  const style = decoratedLinkStyle(linkStyle(link.kind, link.warmth), data.decoration);
  const marker = { type: MarkerType.ArrowClosed, color: style.stroke, width: 18, height: 18 };
  const label = [link.label, data.notes > 0 ? `● ${data.notes}` : ''].filter(Boolean).join('  ');
  const deco = decorationClass(data.decoration);
  return {
    id: link.id,
    source: link.source,
    target: link.target,
    type: 'default',
    data,
    selected,
    deletable: !readOnly,
    selectable: true,
    focusable: true,
    className: `kk-link kk-link--${link.kind}${link.kind === 'handover' ? ` kk-link--${link.warmth ?? 'cold'}` : ''}${deco ? ` ${deco}` : ''}`,
    style: {
      stroke: style.stroke,
      strokeWidth: selected ? style.strokeWidth + 1.5 : style.strokeWidth,
      strokeDasharray: style.dash,
    },
    ...(style.arrowEnd ? { markerEnd: marker } : {}),
    ...(style.arrowStart ? { markerStart: marker } : {}),
    ...(label ? { label, labelBgPadding: [6, 3] as [number, number], labelBgBorderRadius: 4 } : {}),
    ariaLabel: link.label || link.kind,
  };
}

// ── React Flow changes → model commands ────────────────────────────────────

export interface ModelCommands {
  moveActors: { id: string; position: Position; phaseId: string | null }[];
  moveNotes: { id: string; position: Position }[];
}

export interface ViewUpdates {
  select: Map<string, boolean>;
  dragPositions: Map<string, Position>;
  dragEnded: string[];
  measured: Map<string, { width: number; height: number }>;
}

export interface InterpretedNodeChanges {
  commands: ModelCommands;
  view: ViewUpdates;
}

/**
 * Sorts one batch of node changes into model commands (only final positions: a drag end or a
 * keyboard move) and view-only updates (selection, live drag, measured size). Removals are not
 * handled here: deletion goes through `onDelete`, which sees nodes and edges in one call.
 */
export function interpretNodeChanges(
  changes: readonly NodeChange<FlowNode>[],
  kinds: ReadonlyMap<string, 'actor' | 'note'>,
  phases: readonly Phase[],
): InterpretedNodeChanges {
  const commands: ModelCommands = { moveActors: [], moveNotes: [] };
  const view: ViewUpdates = {
    select: new Map(),
    dragPositions: new Map(),
    dragEnded: [],
    measured: new Map(),
  };
  for (const change of changes) {
    switch (change.type) {
      case 'select':
        if (kinds.has(change.id)) view.select.set(change.id, change.selected);
        break;
      case 'dimensions':
        if (change.dimensions) view.measured.set(change.id, change.dimensions);
        break;
      case 'position': {
        const kind = kinds.get(change.id);
        if (!kind) break;
        if (change.dragging) {
          if (change.position) view.dragPositions.set(change.id, change.position);
          break;
        }
        view.dragEnded.push(change.id);
        if (!change.position) break;
        const position = { x: Math.round(change.position.x), y: Math.round(change.position.y) };
        if (kind === 'actor') {
          commands.moveActors.push({ id: change.id, position, phaseId: phaseIdAt(position, phases) });
        } else {
          commands.moveNotes.push({ id: change.id, position });
        }
        break;
      }
      default:
        break;
    }
  }
  return { commands, view };
}

export function interpretEdgeChanges(changes: readonly EdgeChange<FlowEdge>[]): Map<string, boolean> {
  const select = new Map<string, boolean>();
  for (const change of changes) if (change.type === 'select') select.set(change.id, change.selected);
  return select;
}

/** A drawn connection becomes a link of the chosen kind, or null when it is not between two actors. */
export function connectionToLink(
  connection: Connection,
  actorIds: ReadonlySet<string>,
  choice: LinkChoice,
): { source: string; target: string; kind: LinkKind; warmth?: Warmth } | null {
  const { source, target } = connection;
  if (!source || !target || source === target) return null;
  if (!actorIds.has(source) || !actorIds.has(target)) return null;
  return choice.kind === 'handover'
    ? { source, target, kind: 'handover', warmth: choice.warmth }
    : { source, target, kind: choice.kind };
}

export type LinkChoice = { kind: 'handover'; warmth: Warmth } | { kind: Exclude<LinkKind, 'handover'> };

export const LINK_CHOICES: readonly LinkChoice[] = [
  { kind: 'handover', warmth: 'warm' },
  { kind: 'handover', warmth: 'cold' },
  { kind: 'partnership' },
  { kind: 'membership' },
  { kind: 'information' },
];

export function linkChoiceId(choice: LinkChoice): string {
  return choice.kind === 'handover' ? `handover-${choice.warmth}` : choice.kind;
}
