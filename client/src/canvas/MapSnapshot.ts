import type { ChainMap } from '../../../shared/model/ChainMap';
import { changedIds, changesContent, hasChange } from '../../../shared/model/changeFeed';
import type { ChainMapChange, ChainMapState } from '../../../shared/model/types';

/** What a model change did to the snapshot. */
export type SnapshotUpdate = 'unchanged' | 'patched' | 'read';

/**
 * The model snapshot the editor reads: one `ChainMapState` kept up to date with the model, which the
 * canvas draws and the analysis, the action plan and the inspector read. Unchanged elements keep
 * their object identity from one snapshot to the next, so consumers can compare by identity.
 */
export class MapSnapshot {
  private state: ChainMapState;
  /** How often a change needed a full model read (for tests and the profiler). */
  fullReads = 0;

  constructor(private readonly model: ChainMap) {
    this.state = model.read();
  }

  get = (): ChainMapState => this.state;

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
      const actors = patchList(state.actors, change.actors, (id) => this.model.getActor(id));
      if (!actors) return null;
      state = { ...state, actors };
    }
    if (change.links.size > 0) {
      const links = patchList(state.links, change.links, (id) => this.model.getLink(id));
      if (!links) return null;
      state = { ...state, links };
    }
    if (change.notes.size > 0) {
      const notes = patchList(state.notes, change.notes, (id) => this.model.getNote(id));
      if (!notes) return null;
      state = { ...state, notes };
    }
    return state;
  }
}

/** Replaces the touched items in place; null when one was added, removed or no longer valid. */
function patchList<T extends { id: string }>(
  list: readonly T[],
  ids: ReadonlySet<string>,
  get: (id: string) => T | undefined,
): T[] | null {
  let found = 0;
  let invalid = false;
  const out = list.map((item) => {
    if (!ids.has(item.id)) return item;
    found++;
    const next = get(item.id);
    if (!next) invalid = true;
    return next ?? item;
  });
  return invalid || found !== ids.size ? null : out;
}
