import type { Connection, Edge, EdgeChange, Node, NodeChange } from '@xyflow/react';
import { MarkerType } from '@xyflow/react';
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

export type NoteCounts = Readonly<Record<NoteKind, number>>;

export interface ActorNodeData extends Record<string, unknown> {
  actor: Actor;
  notes: NoteCounts;
  readOnly: boolean;
  /** Colours of peers who have this element selected. */
  peerColours: readonly string[];
}
export interface NoteNodeData extends Record<string, unknown> {
  note: Note;
  readOnly: boolean;
  peerColours: readonly string[];
}
export interface LaneNodeData extends Record<string, unknown> {
  lane: LaneRect;
}
export interface LinkEdgeData extends Record<string, unknown> {
  link: Link;
  notes: number;
}

export type ActorFlowNode = Node<ActorNodeData, 'actor'>;
export type NoteFlowNode = Node<NoteNodeData, 'note'>;
export type LaneFlowNode = Node<LaneNodeData, 'lane'>;
export type FlowNode = ActorFlowNode | NoteFlowNode | LaneFlowNode;
export type FlowEdge = Edge<LinkEdgeData>;

/** Per-element UI state the view keeps outside the doc. */
export interface ViewState {
  readOnly: boolean;
  selected: ReadonlySet<string>;
  /** Local in-progress drags and peers' live drags, by element id. */
  dragPositions: ReadonlyMap<string, Position>;
  draggingIds: ReadonlySet<string>;
  measured: ReadonlyMap<string, { width: number; height: number }>;
  peerSelections: ReadonlyMap<string, readonly string[]>;
}

export const EMPTY_VIEW: ViewState = {
  readOnly: false,
  selected: new Set(),
  dragPositions: new Map(),
  draggingIds: new Set(),
  measured: new Map(),
  peerSelections: new Map(),
};

const NO_COLOURS: readonly string[] = [];
const ZERO_NOTES: NoteCounts = { quickWin: 0, gap: 0, action: 0 };

export interface FlowGraph {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** Visual style of a link, shared by the canvas and the legend. */
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
        ? { stroke: '#c2410c', strokeWidth: 3, dash: undefined, arrowStart: false, arrowEnd: true }
        : { stroke: '#0369a1', strokeWidth: 2, dash: '8 6', arrowStart: false, arrowEnd: true };
    case 'partnership':
      return { stroke: '#15803d', strokeWidth: 2, dash: undefined, arrowStart: true, arrowEnd: true };
    case 'membership':
      return { stroke: '#7e22ce', strokeWidth: 2, dash: '2 5', arrowStart: false, arrowEnd: true };
    case 'information':
      return { stroke: '#64748b', strokeWidth: 1.5, dash: '12 4 2 4', arrowStart: false, arrowEnd: true };
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function countNotes(notes: readonly Note[]): {
  actors: Map<string, Record<NoteKind, number>>;
  links: Map<string, number>;
} {
  const actors = new Map<string, Record<NoteKind, number>>();
  const links = new Map<string, number>();
  for (const note of notes) {
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
 * unchanged is reused as the same object.
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
      data: { lane },
      draggable: false,
      selectable: false,
      connectable: false,
      deletable: false,
      focusable: false,
      zIndex: -1,
    });
  }

  for (const actor of state.actors) {
    const data: ActorNodeData = {
      actor,
      notes: noteCounts.actors.get(actor.id) ?? ZERO_NOTES,
      readOnly: view.readOnly,
      peerColours: view.peerSelections.get(actor.id) ?? NO_COLOURS,
    };
    nodes.push(
      reuseOrBuild(
        prevNodes.get(actor.id),
        view,
        actor.id,
        data,
        (position) => ({
          id: actor.id,
          type: 'actor',
          position,
          width: ACTOR_WIDTH,
          height: ACTOR_HEIGHT,
          data,
          ariaLabel: actor.label,
        }),
        actor.position,
      ),
    );
  }

  for (const note of freeNotes) {
    const data: NoteNodeData = {
      note,
      readOnly: view.readOnly,
      peerColours: view.peerSelections.get(note.id) ?? NO_COLOURS,
    };
    nodes.push(
      reuseOrBuild(
        prevNodes.get(note.id),
        view,
        note.id,
        data,
        (position) => ({
          id: note.id,
          type: 'note',
          position,
          width: NOTE_WIDTH,
          height: NOTE_HEIGHT,
          data,
          ariaLabel: note.text,
        }),
        note.position,
      ),
    );
  }

  const edges: FlowEdge[] = [];
  for (const link of state.links) {
    const selected = view.selected.has(link.id);
    const data: LinkEdgeData = { link, notes: noteCounts.links.get(link.id) ?? 0 };
    const prev = prevEdges.get(link.id);
    if (
      prev &&
      prev.selected === selected &&
      sameJson(prev.data, data) &&
      prev.deletable === !view.readOnly
    ) {
      edges.push(prev);
      continue;
    }
    edges.push(linkToEdge(link, data, selected, view.readOnly));
  }
  return { nodes, edges };
}

function reuseOrBuild<T extends ActorFlowNode | NoteFlowNode>(
  prev: FlowNode | undefined,
  view: ViewState,
  id: string,
  data: T['data'],
  build: (position: Position) => Omit<T, 'selected' | 'dragging' | 'measured' | 'draggable'>,
  modelPosition: Position,
): T {
  const position = view.dragPositions.get(id) ?? modelPosition;
  const selected = view.selected.has(id);
  const dragging = view.draggingIds.has(id);
  const measured = view.measured.get(id);
  if (
    prev &&
    prev.type !== 'lane' &&
    prev.selected === selected &&
    prev.dragging === dragging &&
    prev.position.x === position.x &&
    prev.position.y === position.y &&
    prev.measured?.width === measured?.width &&
    prev.measured?.height === measured?.height &&
    sameJson(prev.data, data)
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
    ...(measured ? { measured } : {}),
  } as T;
}

export function linkToEdge(link: Link, data: LinkEdgeData, selected: boolean, readOnly: boolean): FlowEdge {
  const style = linkStyle(link.kind, link.warmth);
  const marker = { type: MarkerType.ArrowClosed, color: style.stroke, width: 18, height: 18 };
  const label = [link.label, data.notes > 0 ? `● ${data.notes}` : ''].filter(Boolean).join('  ');
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
    className: `kk-link kk-link--${link.kind}${link.kind === 'handover' ? ` kk-link--${link.warmth ?? 'cold'}` : ''}`,
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
