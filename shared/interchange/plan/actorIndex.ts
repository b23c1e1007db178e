import type { Actor, ActorKind } from '../../model/types';
import { normaliseName } from '../normaliseName';

export type NameMatch =
  | { readonly kind: 'none' }
  | { readonly kind: 'one'; readonly id: string }
  | { readonly kind: 'ambiguous'; readonly count: number };

/**
 * Actors findable by id, KBO number and normalised name: the existing map's, and those an import
 * adds as it goes (so connections can name actors of the same file).
 */
export class ActorIndex {
  private readonly byId = new Map<string, Actor>();
  private readonly byKbo = new Map<string, string>();
  private readonly kboById = new Map<string, string>();
  private readonly byName = new Map<string, Set<string>>();
  /** Ids added by the import itself (not on the map before). */
  private readonly fromFile = new Set<string>();

  constructor(actors: readonly Actor[] = []) {
    for (const a of actors) this.add(a);
  }

  add(actor: Actor, fromFile = false): void {
    this.byId.set(actor.id, actor);
    if (fromFile) this.fromFile.add(actor.id);
    const kbo = actor.kbo;
    if (kbo !== '') {
      if (!this.byKbo.has(kbo)) this.byKbo.set(kbo, actor.id);
      this.kboById.set(actor.id, kbo);
    }
    this.addName(actor.label, actor.id);
  }

  /** Makes the actor findable under another name too (its new label after an update). */
  addName(name: string, id: string): void {
    const key = normaliseName(name);
    const set = this.byName.get(key);
    if (set) set.add(id);
    else this.byName.set(key, new Set([id]));
  }

  get(id: string): Actor | undefined {
    return this.byId.get(id);
  }

  /** The map's actor with this KBO number (actors the import adds are matched by identity instead). */
  byKboNumber(kbo: string): string | undefined {
    const id = this.byKbo.get(kbo);
    return id !== undefined && !this.fromFile.has(id) ? id : undefined;
  }

  /**
   * The actor called `name` (`existingOnly`: among the map's own actors). Two actors with one name are told apart by kind when the caller knows
   * it, and an actor whose KBO number differs from `kbo` is another organisation with the same name.
   */
  byLabel(
    name: string,
    opts: { kind?: ActorKind | null; kbo?: string | null; existingOnly?: boolean } = {},
  ): NameMatch {
    let ids = [...(this.byName.get(normaliseName(name)) ?? [])];
    if (opts.existingOnly) ids = ids.filter((id) => !this.fromFile.has(id));
    if (opts.kbo) {
      ids = ids.filter((id) => {
        const other = this.kboById.get(id) ?? null;
        return other === null || other === opts.kbo;
      });
    }
    if (ids.length > 1 && opts.kind) {
      const sameKind = ids.filter((id) => this.byId.get(id)!.kind === opts.kind);
      if (sameKind.length > 0) ids = sameKind;
    }
    if (ids.length === 0) return { kind: 'none' };
    if (ids.length === 1) return { kind: 'one', id: ids[0]! };
    return { kind: 'ambiguous', count: ids.length };
  }
}
