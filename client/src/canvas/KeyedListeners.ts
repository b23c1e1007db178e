/**
 * Listeners kept per key (an actor's id), so a change to one key calls only that key's listeners:
 * what lets one card or one link re-render alone (`ActorContent`, `ActorLabels`, read through
 * `useSyncExternalStore`). A key's set is dropped with its last listener, so keys of deleted actors
 * leave nothing behind.
 */
export class KeyedListeners {
  private readonly byKey = new Map<string, Set<() => void>>();

  /** Adds `listener` for `key`; the returned function removes it. */
  subscribe(key: string, listener: () => void): () => void {
    let set = this.byKey.get(key);
    if (!set) {
      set = new Set();
      this.byKey.set(key, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byKey.get(key) === set) this.byKey.delete(key);
    };
  }

  /**
   * Calls the listeners of each key, each key once in the order given. A copy of each set is called,
   * so a listener that subscribes or unsubscribes while it runs changes only later notifications.
   */
  notify(keys: Iterable<string>): void {
    for (const key of keys) for (const listener of [...(this.byKey.get(key) ?? [])]) listener();
  }
}
