import type { Finding } from '../../../shared/analysis';
import type { ChainMapState } from '../../../shared/model/types';
import type { DecorationLayer, DecorationState } from '../canvas/CanvasDecorations';

/**
 * A finding on the canvas: all of its elements highlighted, and the one to look at first (its first
 * actor, else its first link, else its first note) to focus. A note anchored to an actor or link
 * is drawn as a badge there, so its anchor stands in for it. Framework-free.
 */
export function findingLayer(
  finding: Finding,
  state: ChainMapState,
): { layer: DecorationLayer; focusIds: string[] } {
  const { actors, links, notes } = finding.elementIds;
  const anchorOf = new Map(state.notes.map((n) => [n.id, n.anchor?.id ?? n.id]));
  const noteIds = notes.map((id) => anchorOf.get(id) ?? id);
  const states = new Map<string, DecorationState>();
  for (const id of [...actors, ...links, ...noteIds]) states.set(id, 'highlight');
  const first = actors[0] ?? links[0] ?? noteIds[0];
  return { layer: { states }, focusIds: first ? [first] : [] };
}
