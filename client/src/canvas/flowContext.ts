import type { ChainMapState, Note, NoteKind } from '../../../shared/model/types';
import { memberCounts } from './collaborationMembers';
import { type LabelObstacles, labelObstacles } from './linkLabels';
import type { ViewState } from './viewState';

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
