import type { ActorKind, ChainMapState, NoteKind, NoteStatus, RegieLevel } from '../../../shared/model/types';
import type { DecorationLayer, DecorationState } from '../canvas/CanvasDecorations';
import { normalise } from '../plan/actionPlan';

/**
 * "Filters en weergave": which elements to bring forward on the canvas. Elements that do not match
 * are dimmed; nothing is hidden or written to the map. Framework-free.
 */
export interface CanvasFilter {
  /** An actor kind or a note kind (quick-win, knelpunt, actie). */
  readonly kind: ActorKind | NoteKind | null;
  readonly phaseId: string | null;
  readonly regie: RegieLevel | null;
  /** Notes with this status; actors and links that carry such a note. */
  readonly status: NoteStatus | null;
  /** Actor name (or note text) contains this. */
  readonly search: string;
}

export const EMPTY_CANVAS_FILTER: CanvasFilter = {
  kind: null,
  phaseId: null,
  regie: null,
  status: null,
  search: '',
};

const NOTE_KIND_SET = new Set<string>(['quickWin', 'gap', 'action']);

export function isFilterActive(f: CanvasFilter): boolean {
  return (
    f.kind !== null || f.phaseId !== null || f.regie !== null || f.status !== null || f.search.trim() !== ''
  );
}

/**
 * The decoration layer for a filter: non-matching actors, links and note cards are dimmed; matching
 * actors are highlighted when searching by name (so the hit stands out). Links match when both of
 * their actors match (and, for a regie filter, the link itself has that regie or none).
 * An inactive filter gives an empty layer.
 */
export function filterLayer(state: ChainMapState, f: CanvasFilter): DecorationLayer {
  if (!isFilterActive(f)) return {};
  const search = normalise(f.search);
  const noteKind = f.kind !== null && NOTE_KIND_SET.has(f.kind) ? (f.kind as NoteKind) : null;
  const actorKind = f.kind !== null && noteKind === null ? (f.kind as ActorKind) : null;

  // Anchored notes: which actors/links carry a note matching the note criteria.
  const carriers = new Set<string>();
  const noteCriteria = noteKind !== null || f.status !== null;
  if (noteCriteria) {
    for (const n of state.notes) {
      if (!n.anchor) continue;
      if (noteKind !== null && n.kind !== noteKind) continue;
      if (f.status !== null && n.status !== f.status) continue;
      carriers.add(n.anchor.id);
    }
  }

  const states = new Map<string, DecorationState>();
  const matchingActors = new Set<string>();
  for (const a of state.actors) {
    const ok =
      (actorKind === null || a.kind === actorKind) &&
      (f.phaseId === null || a.phaseId === f.phaseId) &&
      (f.regie === null || a.regie === f.regie) &&
      (!noteCriteria || carriers.has(a.id)) &&
      (search === '' || normalise(a.label).includes(search));
    if (ok) {
      matchingActors.add(a.id);
      if (search !== '') states.set(a.id, 'highlight');
    } else states.set(a.id, 'dim');
  }
  for (const l of state.links) {
    const endsMatch = matchingActors.has(l.source) && matchingActors.has(l.target);
    const regieOk = f.regie === null || l.regie === null || l.regie === f.regie;
    const carries = noteCriteria && carriers.has(l.id);
    if (!((endsMatch && regieOk) || carries)) states.set(l.id, 'dim');
  }
  for (const n of state.notes) {
    if (n.anchor) continue; // drawn as a badge on its actor or link
    const ok =
      actorKind === null &&
      (noteKind === null || n.kind === noteKind) &&
      (f.phaseId === null || n.phaseId === f.phaseId) &&
      (f.regie === null || n.regie === f.regie) &&
      (f.status === null || n.status === f.status) &&
      (search === '' || normalise(n.text).includes(search));
    if (!ok) states.set(n.id, 'dim');
  }
  return { states };
}

/**
 * The actors a filter leaves on the canvas (not dimmed), in map order; empty for a filter that
 * matches none (and for no filter: check `isFilterActive` first).
 */
export function filterMatches(state: ChainMapState, f: CanvasFilter): string[] {
  const states = filterLayer(state, f).states as ReadonlyMap<string, DecorationState> | undefined;
  if (!states) return [];
  return state.actors.filter((a) => states.get(a.id) !== 'dim').map((a) => a.id);
}
