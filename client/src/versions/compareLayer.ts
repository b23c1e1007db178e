import type { ContentDiff, VersionContent } from '../../../shared/versions';
import type { DecorationLayer, DecorationState, GhostEdge, GhostNode } from '../canvas/CanvasDecorations';

/** The decoration source of compare mode; it owns one layer and clearing it restores the normal view. */
export const COMPARE_SOURCE = 'compare';

/**
 * What changed since a version, as a canvas layer (framework-free):
 * - actors and links: added → 'added' (green), changed (moved included) → 'changed' (amber);
 * - removed actors → red ghosts at their old place; removed links → ghost edges between their old
 *   ends (a live actor, or the ghost of a removed one);
 * - free-standing notes are canvas cards: added → 'added', changed → 'changed', removed → ghost card;
 * - a note anchored to an actor or link is drawn as a badge there, so its anchor stands in for it:
 *   the anchor turns 'changed' unless it has a state of its own (an added anchor stays green);
 * - phases (lanes) carry no decoration: their changes are in the summary.
 * `current` is the content the diff was computed against (the map now).
 */
export function compareLayer(diff: ContentDiff, current: VersionContent): DecorationLayer {
  const states = new Map<string, DecorationState>();
  for (const a of diff.actors.added) states.set(a.id, 'added');
  for (const c of diff.actors.changed) states.set(c.id, 'changed');
  for (const l of diff.links.added) states.set(l.id, 'added');
  for (const c of diff.links.changed) states.set(c.id, 'changed');

  const liveActors = new Set(current.actors.map((a) => a.id));
  const liveLinks = new Set(current.links.map((l) => l.id));
  const markAnchor = (id: string) => {
    if ((liveActors.has(id) || liveLinks.has(id)) && !states.has(id)) states.set(id, 'changed');
  };
  for (const n of diff.notes.added) {
    if (n.anchor === null) states.set(n.id, 'added');
    else markAnchor(n.anchor.id);
  }
  for (const c of diff.notes.changed) {
    if (c.after.anchor === null) states.set(c.id, 'changed');
    else markAnchor(c.after.anchor.id);
    // A note taken off an element changed that element's badge too.
    if (c.before.anchor !== null && c.before.anchor.id !== c.after.anchor?.id) markAnchor(c.before.anchor.id);
  }

  const ghostNodes: GhostNode[] = diff.actors.removed.map((a) => ({
    id: a.id,
    kind: 'actor',
    label: a.label,
    position: a.position,
    actorKind: a.kind,
  }));
  for (const n of diff.notes.removed) {
    if (n.anchor === null) {
      ghostNodes.push({ id: n.id, kind: 'note', label: n.text, position: n.position });
    } else markAnchor(n.anchor.id);
  }
  const ghostEdges: GhostEdge[] = diff.links.removed.map((l) => ({
    id: l.id,
    source: l.source,
    target: l.target,
    ...(l.label ? { label: l.label } : {}),
  }));
  return { states, ghostNodes, ghostEdges };
}
