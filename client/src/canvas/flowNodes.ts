import { ACTOR_HEIGHT, ACTOR_WIDTH } from '../../../shared/model/laneGeometry';
import type { Actor, ChainMapState, Note, Position } from '../../../shared/model/types';
import { actorNameId, roleDescription } from './accessibleNames';
import { decorationClass, type ElementDecoration } from './CanvasDecorations';
import {
  type ActorFlowNode,
  type ActorNodeData,
  type FlowNode,
  LANE_ID_PREFIX,
  type LaneFlowNode,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  type NoteFlowNode,
  type NoteNodeData,
} from './flowTypes';
import { laneBand, laneRects } from './laneLayout';
import { ACTOR_HANDLES } from './nodeHandles';
import { sameJson, sameStrings, type ViewState } from './viewState';

/**
 * The graph's nodes, one element at a time (lanes, actors' cards, free notes), for `toFlow` and
 * `patchFlow`: each returns the previous node object itself when nothing it shows changed.
 */

const NO_COLOURS: readonly string[] = [];
const ACTOR_SIZE = { width: ACTOR_WIDTH, height: ACTOR_HEIGHT };
const NOTE_SIZE = { width: NOTE_WIDTH, height: NOTE_HEIGHT };

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

/**
 * An actor's node: `prev` itself when nothing React Flow draws of it changed. Its accessible name is
 * rendered by the card (`ActorNode`, from `ActorContent`) and referenced with `aria-labelledby`, so
 * a rename or a note count keeps the node.
 */
export function actorNode(actor: Actor, view: ViewState, prev: FlowNode | undefined): ActorFlowNode {
  const data: ActorNodeData = {
    kind: actor.kind,
    readOnly: view.readOnly,
    peerColours: view.peerSelections.get(actor.id) ?? NO_COLOURS,
    decoration: view.decorations.get(actor.id) ?? null,
  };
  const role = roleDescription('actor');
  const same =
    prev?.type === 'actor' &&
    prev.domAttributes?.['aria-roledescription'] === role &&
    prev.data.kind === data.kind &&
    prev.data.readOnly === data.readOnly &&
    sameStrings(prev.data.peerColours, data.peerColours) &&
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
      domAttributes: { 'aria-roledescription': role, 'aria-labelledby': actorNameId(actor.id) },
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
    sameStrings(prev.data.peerColours, data.peerColours) &&
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
