import type { Edge, Node } from '@xyflow/react';
import type { ActorKind, Link, Note, NoteKind } from '../../../shared/model/types';
import type { ElementDecoration, GhostEdge, GhostNode } from './CanvasDecorations';
import type { LabelSpot } from './labelPlacement';
import type { LaneRect } from './laneLayout';

/**
 * The React Flow nodes and edges the canvas draws, and their ids' prefixes. Only model fields go
 * into them from the model; UI state (selection, measured size, drag position) is layered on by the
 * canvas store and never flows back into the doc.
 */

export const NOTE_WIDTH = 200;
export const NOTE_HEIGHT = 96;
export const LANE_ID_PREFIX = 'lane:';
export const GHOST_ID_PREFIX = 'ghost:';

export type NoteCounts = Readonly<Record<NoteKind, number>>;

/**
 * What an actor's node carries besides its place: what React Flow and the minimap read. What the
 * card shows (label, notes, members…) is not here but in `ActorContent`, so editing it changes no
 * node.
 */
export interface ActorNodeData extends Record<string, unknown> {
  kind: ActorKind;
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
  /** A handover's owner as shown: the owning actor's name, or the owner's free text. */
  ownerName: string;
  /** Where its label sits (see labelPlacement): clear of every card. Identity-stable while unchanged. */
  labelSpot: LabelSpot;
  decoration: ElementDecoration | null;
}

export type ActorFlowNode = Node<ActorNodeData, 'actor'>;
export type NoteFlowNode = Node<NoteNodeData, 'note'>;
export type LaneFlowNode = Node<LaneNodeData, 'lane'>;
export type GhostFlowNode = Node<GhostNodeData, 'ghost'>;
export type FlowNode = ActorFlowNode | NoteFlowNode | LaneFlowNode | GhostFlowNode;
export type FlowEdge = Edge<LinkEdgeData> | Edge<{ ghost: GhostEdge }>;

export interface FlowGraph {
  nodes: FlowNode[];
  edges: FlowEdge[];
}
