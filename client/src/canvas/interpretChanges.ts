import type { EdgeChange, NodeChange } from '@xyflow/react';
import { phaseIdAt } from '../../../shared/model/laneGeometry';
import type { Phase, Position } from '../../../shared/model/types';
import type { FlowEdge, FlowNode } from './flowTypes';

/** React Flow changes → model commands and view-only updates. */

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
