import type { ChainMap } from '../../../shared/model/ChainMap';
import { changedIds, changesContent, hasChange } from '../../../shared/model/changeFeed';
import type { Actor, ChainMapChange, ChainMapState, Link, Note } from '../../../shared/model/types';
import { ElementIndex, type ElementLookup } from './ElementIndex';

/** The snapshot's actors, links and notes by id. */
export type StateLookup = ElementLookup<Actor, Link, Note>;

/** What a model change did to the snapshot. */
export type SnapshotUpdate = 'unchanged' | 'patched' | 'read';

/**
 * The model snapshot the editor reads: one `ChainMapState` kept up to date with the model, which the
 * canvas draws and the analysis, the action plan and the inspector read. Unchanged elements keep
 * their object identity from one snapshot to the next, so consumers can compare by identity.
 */
export class MapSnapshot implements StateLookup {
  private state: ChainMapState;
  /** How often a change needed a full model read (for tests and the profiler). */
  fullReads = 0;
  private readonly index = {
    actors: new ElementIndex<Actor>(),
    links: new ElementIndex<Link>(),
    notes: new ElementIndex<Note>(),
  };

  constructor(private readonly model: ChainMap) {
    this.state = model.read();
  }

  get = (): ChainMapState => this.state;

  actor(id: string): Actor | undefined {
    return this.index.actors.get(this.state.actors, id);
  }
  link(id: string): Link | undefined {
    return this.index.links.get(this.state.links, id);
  }
  note(id: string): Note | undefined {
    return this.index.notes.get(this.state.notes, id);
  }

  /**
   * Brings the snapshot up to date from the touched ids alone: a field edit or move of existing
   * elements re-reads only those elements, so unchanged ones keep their object identity and the
   * rebuild is a pointer check per element. Anything that can change other elements' validity
   * (an element appearing or vanishing, phases) falls back to one full, consistent `read()`.
   */
  apply(changes: readonly ChainMapChange[]): SnapshotUpdate {
    if (!changesContent(changes)) return 'unchanged';
    const patched = changedIds(changes, 'phases').size > 0 ? null : this.patchState(changes);
    if (patched) {
      this.state = patched;
      return 'patched';
    }
    this.state = this.model.read();
    this.fullReads++;
    return 'read';
  }

  private patchState(changes: readonly ChainMapChange[]): ChainMapState | null {
    let state = this.state;
    const change = {
      actors: changedIds(changes, 'actors'),
      links: changedIds(changes, 'links'),
      notes: changedIds(changes, 'notes'),
    };
    if (hasChange(changes, 'meta')) state = { ...state, meta: this.model.getMeta() };
    if (change.actors.size > 0) {
      const actors = patchList(state.actors, change.actors, this.index.actors, (id) =>
        this.model.getActor(id),
      );
      if (!actors) return null;
      state = { ...state, actors };
    }
    if (change.links.size > 0) {
      const links = patchList(state.links, change.links, this.index.links, (id) => this.model.getLink(id));
      if (!links) return null;
      state = { ...state, links };
    }
    if (change.notes.size > 0) {
      const notes = patchList(state.notes, change.notes, this.index.notes, (id) => this.model.getNote(id));
      if (!notes) return null;
      state = { ...state, notes };
    }
    return state;
  }
}

/**
 * Replaces the touched items in place (found through `index`, which carries over to the result);
 * null when one was added, removed or no longer valid.
 */
function patchList<T extends { id: string }>(
  list: readonly T[],
  ids: ReadonlySet<string>,
  index: ElementIndex<T>,
  get: (id: string) => T | undefined,
): T[] | null {
  const out = list.slice();
  for (const id of ids) {
    const slot = index.slot(list, id);
    const next = get(id);
    if (slot === undefined || !next) return null;
    out[slot] = next;
  }
  index.adopt(list, out);
  return out;
}
