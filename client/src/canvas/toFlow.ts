import { ACTOR_HEIGHT, ACTOR_WIDTH } from '../../../shared/model/laneGeometry';
import type { Actor, ChainMapState, Link, Note, NoteKind, Position } from '../../../shared/model/types';
import { actorAccessibleName, linkAccessibleName, roleDescription } from './accessibleNames';
import { decorationClass, type ElementDecoration, type GhostEdge } from './CanvasDecorations';
import { memberCounts } from './collaborationMembers';
import {
  type ActorFlowNode,
  type ActorNodeData,
  type FlowEdge,
  type FlowGraph,
  type FlowNode,
  GHOST_ID_PREFIX,
  type GhostFlowNode,
  LANE_ID_PREFIX,
  type LaneFlowNode,
  type LinkEdgeData,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  type NoteCounts,
  type NoteFlowNode,
  type NoteNodeData,
} from './flowTypes';
import { ghostEndpoint, ghostToEdge, ghostToNode } from './ghostElements';
import { MIDDLE_SPOT } from './labelPlacement';
import { laneBand, laneRects } from './laneLayout';
import { type LabelObstacles, labelObstacles, labelSpot, showsLabel } from './linkLabels';
import { isMoving, linkToEdge } from './linkToEdge';
import { ACTOR_HANDLES } from './nodeHandles';
import type { ViewState } from './viewState';

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

const NO_COLOURS: readonly string[] = [];
const ZERO_NOTES: NoteCounts = { quickWin: 0, gap: 0, action: 0 };

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function sameCounts(a: NoteCounts, b: NoteCounts): boolean {
  return a === b || (a.quickWin === b.quickWin && a.gap === b.gap && a.action === b.action);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}
const ACTOR_SIZE = { width: ACTOR_WIDTH, height: ACTOR_HEIGHT };
const NOTE_SIZE = { width: NOTE_WIDTH, height: NOTE_HEIGHT };

function countNotes(notes: readonly Note[]): NoteCountsByElement {
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
 * What an element's node or edge reads besides the element itself, derived from the whole state.
 * Each part is computed on first use, so a build that needs none of it (a patch of a few
 * elements, or a big map without link labels) never walks the map for it.
 */
export interface FlowContext {
  noteCounts(): NoteCountsByElement;
  members(): Map<string, number>;
  actorLabels(): Map<string, string>;
  phaseLabels(): Map<string, string>;
  /** The label obstacles; labels placed so far are added to it, in link order. */
  cards(): LabelObstacles;
}

interface NoteCountsByElement {
  actors: Map<string, Record<NoteKind, number>>;
  links: Map<string, number>;
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

export function flowContext(state: ChainMapState, view: ViewState): FlowContext {
  return {
    noteCounts: once(() => countNotes(state.notes)),
    members: once(() => memberCounts(state)),
    actorLabels: once(() => new Map(state.actors.map((a) => [a.id, a.label]))),
    phaseLabels: once(() => new Map(state.phases.map((p) => [p.id, p.label]))),
    cards: once(() => labelObstacles(state, view)),
  };
}

/** Where the lanes stand: their band follows every actor and free note (live drags included). */
export function laneNodes(
  state: ChainMapState,
  view: ViewState,
  prev: (id: string) => FlowNode | undefined,
): FlowNode[] {
  const positions: Position[] = [];
  for (const a of state.actors) positions.push(view.dragPositions.get(a.id) ?? a.position);
  for (const n of state.notes)
    if (n.anchor === null) positions.push(view.dragPositions.get(n.id) ?? n.position);
  const band = laneBand(positions);
  const nodes: FlowNode[] = [];
  for (const lane of laneRects(state.phases, band)) {
    const id = LANE_ID_PREFIX + lane.phase.id;
    const previous = prev(id) as LaneFlowNode | undefined;
    if (previous && sameJson(previous.data.lane, lane)) {
      nodes.push(previous);
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
  return nodes;
}

/** An actor's card: `prev` itself when nothing it shows changed. */
export function actorNode(
  actor: Actor,
  view: ViewState,
  ctx: FlowContext,
  prev: FlowNode | undefined,
): ActorFlowNode {
  const data: ActorNodeData = {
    actor,
    notes: ctx.noteCounts().actors.get(actor.id) ?? ZERO_NOTES,
    members: actor.kind === 'collaboration' ? (ctx.members().get(actor.id) ?? 0) : 0,
    readOnly: view.readOnly,
    peerColours: view.peerSelections.get(actor.id) ?? NO_COLOURS,
    decoration: view.decorations.get(actor.id) ?? null,
  };
  // Named on every build and compared, like a link's name: the name also reads the phase's label
  // and the app's language, which change without the actor changing.
  const ariaLabel = actorAccessibleName(
    actor,
    actor.phaseId ? (ctx.phaseLabels().get(actor.phaseId) ?? null) : null,
    data.notes,
  );
  const role = roleDescription('actor');
  const same =
    prev?.type === 'actor' &&
    prev.ariaLabel === ariaLabel &&
    prev.domAttributes?.['aria-roledescription'] === role &&
    sameJson(prev.data.actor, actor) &&
    sameCounts(prev.data.notes, data.notes) &&
    prev.data.members === data.members &&
    prev.data.readOnly === data.readOnly &&
    sameList(prev.data.peerColours, data.peerColours) &&
    prev.data.decoration === data.decoration;
  return reuseOrBuild(
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
      ariaLabel,
      domAttributes: { 'aria-roledescription': role },
      ...decorationProps(data.decoration),
    }),
    actor.position,
    ACTOR_SIZE,
  );
}

/** A free note's node: `prev` itself when nothing it shows changed. */
export function noteNode(note: Note, view: ViewState, prev: FlowNode | undefined): NoteFlowNode {
  const data: NoteNodeData = {
    note,
    readOnly: view.readOnly,
    peerColours: view.peerSelections.get(note.id) ?? NO_COLOURS,
    decoration: view.decorations.get(note.id) ?? null,
  };
  const role = roleDescription('note');
  const same =
    prev?.type === 'note' &&
    prev.domAttributes?.['aria-roledescription'] === role &&
    sameJson(prev.data.note, note) &&
    prev.data.readOnly === data.readOnly &&
    sameList(prev.data.peerColours, data.peerColours) &&
    prev.data.decoration === data.decoration;
  return reuseOrBuild(
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
      domAttributes: { 'aria-roledescription': role },
      ...decorationProps(data.decoration),
    }),
    note.position,
    NOTE_SIZE,
  );
}

/** A handover's owner as shown: the owning actor's name, or the owner's free text. */
function ownerNameOf(link: Link, ctx: FlowContext): string {
  return link.kind === 'handover' && link.owner ? (ctx.actorLabels().get(link.owner) ?? link.owner) : '';
}

/**
 * A link's edge: `prev` itself when nothing it shows changed. `keepSpot`: the label stays where
 * `prev` had it (a patch, which never runs where a spot could move: see `modelPatch`).
 */
export function linkEdge(
  link: Link,
  view: ViewState,
  ctx: FlowContext,
  prev: FlowEdge | undefined,
  keepSpot = false,
): FlowEdge {
  const selected = view.selected.has(link.id);
  const moving = view.draggingIds.has(link.source) || view.draggingIds.has(link.target);
  const notes = ctx.noteCounts().links.get(link.id) ?? 0;
  const ownerName = ownerNameOf(link, ctx);
  const prevData = prev?.data as LinkEdgeData | undefined;
  const data: LinkEdgeData = {
    link,
    notes,
    ownerName,
    labelSpot: !showsLabel(link, notes, ownerName)
      ? MIDDLE_SPOT
      : keepSpot && prevData
        ? prevData.labelSpot
        : labelSpot(link, notes, ownerName, ctx.cards(), prevData?.labelSpot),
    decoration: view.decorations.get(link.id) ?? null,
  };
  // The accessible name reads both ends' labels and the app's language: a renamed actor renames
  // its links, a language switch renames them all.
  const labels = ctx.actorLabels();
  const name = linkAccessibleName(
    link,
    labels.get(link.source) ?? '',
    labels.get(link.target) ?? '',
    ownerName,
  );
  if (
    prev &&
    prevData?.link !== undefined &&
    prev.ariaLabel === name &&
    prev.domAttributes?.['aria-roledescription'] === roleDescription('link') &&
    prev.selected === selected &&
    isMoving(prev) === moving &&
    prev.deletable === !view.readOnly &&
    prevData.notes === data.notes &&
    prevData.ownerName === data.ownerName &&
    prevData.labelSpot === data.labelSpot &&
    prevData.decoration === data.decoration &&
    sameJson(prevData.link, link)
  ) {
    return prev;
  }
  return linkToEdge(link, data, selected, view.readOnly, name, moving);
}

/** Id → node or edge of a graph, for identity reuse. */
export function byId<T extends { id: string }>(items: readonly T[] | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items ?? []) map.set(item.id, item);
  return map;
}

/**
 * Builds the React Flow graph. `previous` is the last result: any node or edge whose inputs are
 * unchanged is reused as the same object (compared by identity first, so an incrementally updated
 * state costs O(n) pointer checks), and an array whose items are all unchanged is `previous`'s array (when nothing changed,
 * `previous` itself is returned). `patchFlow` (flowPatch.ts) does the same for a few changed
 * elements without visiting the others.
 */
export function toFlow(state: ChainMapState, view: ViewState, previous?: FlowGraph): FlowGraph {
  const prevNodes = byId(previous?.nodes);
  const prevEdges = byId(previous?.edges);
  const ctx = flowContext(state, view);

  const nodes: FlowNode[] = laneNodes(state, view, (id) => prevNodes.get(id));

  for (const ghost of view.ghosts.nodes) {
    const id = GHOST_ID_PREFIX + ghost.id;
    const prev = prevNodes.get(id) as GhostFlowNode | undefined;
    if (prev && prev.data.ghost === ghost) {
      nodes.push(prev);
      continue;
    }
    nodes.push(ghostToNode(ghost));
  }

  for (const actor of state.actors) nodes.push(actorNode(actor, view, ctx, prevNodes.get(actor.id)));
  for (const note of state.notes)
    if (note.anchor === null) nodes.push(noteNode(note, view, prevNodes.get(note.id)));

  const edges: FlowEdge[] = [];
  for (const link of state.links) edges.push(linkEdge(link, view, ctx, prevEdges.get(link.id)));

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

function decorationProps(decoration: ElementDecoration | null): { className?: string } {
  const className = decorationClass(decoration);
  return className ? { className } : {};
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
