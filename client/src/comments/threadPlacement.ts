import type { AnchorKind, ThreadView } from '../../../shared/model/conversation/conversationTypes';
import { ACTOR_HEIGHT, ACTOR_WIDTH, LANE_WIDTH, laneX } from '../../../shared/model/laneGeometry';
import type { ChainMapState, ElementCollection, Position } from '../../../shared/model/types';
import { laneBand } from '../canvas/laneLayout';

/** Where a thread is drawn and what it hangs on, for the canvas pins and the Reacties panel. */
export interface PlacedThread {
  readonly thread: ThreadView;
  /** Canvas point of its pin. */
  readonly at: Position;
  /** False when its element is gone: drawn at its last position, marked "element verwijderd". */
  readonly attached: boolean;
  /** The element's name, for "Bij …" ('' for notes and free points). */
  readonly name: string;
}

export const COLLECTION_OF_ANCHOR: Readonly<Record<Exclude<AnchorKind, 'free'>, ElementCollection>> = {
  actor: 'actors',
  link: 'links',
  note: 'notes',
  lane: 'phases',
};

export const ANCHOR_OF_COLLECTION: Readonly<Record<ElementCollection, Exclude<AnchorKind, 'free'>>> = {
  actors: 'actor',
  links: 'link',
  notes: 'note',
  phases: 'lane',
};

/** A pin sits on the top right corner of an actor card, clear of its name. */
const actorPin = (p: Position): Position => ({ x: p.x + ACTOR_WIDTH - 6, y: p.y - 6 });

/**
 * The canvas point for an element's threads, or null when the element is not on the map. An
 * anchored note is drawn as a badge of its actor or link, so its threads sit there.
 */
export function anchorPoint(
  kind: AnchorKind,
  id: string,
  state: ChainMapState,
): { at: Position; name: string } | null {
  switch (kind) {
    case 'free':
      return null;
    case 'actor': {
      const actor = state.actors.find((a) => a.id === id);
      return actor ? { at: actorPin(actor.position), name: actor.label } : null;
    }
    case 'link': {
      const link = state.links.find((l) => l.id === id);
      const source = link && state.actors.find((a) => a.id === link.source);
      const target = link && state.actors.find((a) => a.id === link.target);
      if (!link || !source || !target) return null;
      return {
        at: {
          x: (source.position.x + target.position.x + ACTOR_WIDTH) / 2,
          y: (source.position.y + target.position.y + ACTOR_HEIGHT) / 2,
        },
        name: link.label,
      };
    }
    case 'note': {
      const note = state.notes.find((n) => n.id === id);
      if (!note) return null;
      if (note.anchor) {
        const holder = anchorPoint(note.anchor.type, note.anchor.id, state);
        if (holder) return { at: { x: holder.at.x, y: holder.at.y + 22 }, name: '' };
      }
      return { at: { x: note.position.x + 180, y: note.position.y - 6 }, name: '' };
    }
    case 'lane': {
      const index = state.phases.findIndex((p) => p.id === id);
      if (index < 0) return null;
      const band = laneBand(state.actors.map((a) => a.position));
      return {
        at: { x: laneX(index) + LANE_WIDTH - 28, y: band.top + 14 },
        name: state.phases[index]!.label,
      };
    }
  }
}

/** Every thread with its pin point: at its element when the element stands, else where it was last seen. */
export function placeThreads(threads: readonly ThreadView[], state: ChainMapState): PlacedThread[] {
  return threads.map((thread) => {
    const { kind, id, at } = thread.anchor;
    if (kind === 'free') return { thread, at, attached: true, name: '' };
    const point = anchorPoint(kind, id, state);
    return point
      ? { thread, at: point.at, attached: true, name: point.name }
      : { thread, at, attached: false, name: '' };
  });
}

/**
 * `previous` itself when `next` places the same threads at the same points with the same names (a
 * model change that touched none of their elements), else `next`: the comment views re-render only
 * when a pin or its label changed, not on every edit of the map.
 */
export function samePlacementOr(
  previous: readonly PlacedThread[],
  next: readonly PlacedThread[],
): readonly PlacedThread[] {
  if (previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) {
    const a = previous[i]!;
    const b = next[i]!;
    if (a.thread !== b.thread || a.attached !== b.attached || a.name !== b.name) return next;
    if (a.at.x !== b.at.x || a.at.y !== b.at.y) return next;
  }
  return previous;
}
