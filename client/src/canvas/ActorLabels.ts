import type { Actor } from '../../../shared/model/types';
import { KeyedListeners } from './KeyedListeners';

/**
 * Every actor's label, with a subscription per actor: what a link's accessible name reads of its
 * two ends. The name is rendered by the link itself (`LinkEdge`), not carried on its React Flow
 * edge, so renaming an actor changes no edge object: React Flow keeps its edge array (no
 * `setEdges`, which rebuilds its connection lookup over every drawn link) and only the renamed
 * actor's drawn links re-render. Invariant: after `sync`, `get` answers the snapshot's labels, and
 * every listener of an actor whose label changed has been called once, no other listener.
 */
export class ActorLabels {
  private labels = new Map<string, string>();
  private readonly listeners = new KeyedListeners();
  private synced: readonly Actor[] | null = null;

  /** The actor's label; '' for an id that is not an actor (yet). */
  get = (id: string): string => this.labels.get(id) ?? '';

  subscribe(id: string, listener: () => void): () => void {
    return this.listeners.subscribe(id, listener);
  }

  /**
   * Catches up with the snapshot's actors (a pointer check when the array is the one last synced;
   * otherwise one pass, comparing each label), then tells the listeners of the changed ones.
   */
  sync(actors: readonly Actor[]): void {
    if (actors === this.synced) return;
    this.synced = actors;
    const next = new Map<string, string>();
    const changed: string[] = [];
    for (const actor of actors) {
      next.set(actor.id, actor.label);
      if (this.labels.get(actor.id) !== actor.label) changed.push(actor.id);
    }
    for (const id of this.labels.keys()) if (!next.has(id)) changed.push(id);
    this.labels = next;
    this.listeners.notify(changed);
  }
}
