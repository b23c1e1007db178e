/**
 * Where each element of a list sits, by id: built once per list, and carried over to a list that
 * replaced items in place (`adopt`: the same ids in the same slots), so looking up the few elements
 * a remote edit touched costs no pass over a big map.
 */
export class ElementIndex<T extends { id: string }> {
  private of: readonly T[] | null = null;
  private slots = new Map<string, number>();

  slot(list: readonly T[], id: string): number | undefined {
    if (this.of !== list) {
      this.slots = new Map(list.map((item, i) => [item.id, i]));
      this.of = list;
    }
    return this.slots.get(id);
  }

  get(list: readonly T[], id: string): T | undefined {
    const slot = this.slot(list, id);
    return slot === undefined ? undefined : list[slot];
  }

  /** `next` holds `previous`'s ids in the same slots: the index carries over without a rebuild. */
  adopt(previous: readonly T[], next: readonly T[]): void {
    if (this.of === previous) this.of = next;
  }
}

/** The current snapshot's elements by id (see `MapSnapshot`). */
export interface ElementLookup<A, L, N> {
  actor(id: string): A | undefined;
  link(id: string): L | undefined;
  note(id: string): N | undefined;
}
