import type { Actor, ChainMapState, Link, Note, Phase } from '../../../shared/model/types';
import { actorsByPhase } from '../a11y/chainOrder';

/**
 * The list view's content: every actor grouped by phase (lanes in order, then the actors without a
 * phase), each with its links in and out and its notes. Framework-free. Built from the same map
 * snapshot the canvas draws, so both always show the same map.
 *
 * A coordinator checks a big map row by row with it, and a peer's edit must not re-render a
 * thousand rows: `ActorListBuilder` keeps each row (and each group) object from one build to the
 * next while nothing it shows changed, so the view can skip it by identity.
 */

/** One link of an actor, seen from that actor. */
export interface ListLink {
  readonly link: Link;
  /** The actor at the other end. */
  readonly other: Actor;
  /** The handover's owner as a name: an actor id on the map becomes that actor's name. */
  readonly owner: string;
}

export interface ActorRow {
  readonly actor: Actor;
  readonly outgoing: readonly ListLink[];
  readonly incoming: readonly ListLink[];
  readonly notes: readonly Note[];
}

export interface PhaseGroup {
  /** Null: the actors without a phase. */
  readonly phase: Phase | null;
  readonly rows: readonly ActorRow[];
  /** Actors of this phase, the ones the filter hides included. */
  readonly total: number;
}

export interface ActorList {
  readonly groups: readonly PhaseGroup[];
  /** Actors shown (after the filter) and in all. */
  readonly shown: number;
  readonly total: number;
}

const sameItems = <T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean) =>
  a === b || (a.length === b.length && a.every((x, i) => same(x, b[i]!)));
const sameLink = (a: ListLink, b: ListLink) =>
  a.link === b.link && a.other === b.other && a.owner === b.owner;
const sameRow = (a: ActorRow, b: ActorRow) =>
  a.actor === b.actor &&
  sameItems(a.outgoing, b.outgoing, sameLink) &&
  sameItems(a.incoming, b.incoming, sameLink) &&
  sameItems(a.notes, b.notes, Object.is);

export class ActorListBuilder {
  private rows = new Map<string, ActorRow>();
  private groups = new Map<string, PhaseGroup>();
  private last: ActorList | null = null;

  /**
   * The list for `state`, with only the actors `visible` accepts (the canvas filter; all when
   * omitted). Linear in the map's size; rows and groups whose content is unchanged are the
   * previous build's objects.
   */
  build(state: ChainMapState, visible: (actor: Actor) => boolean = () => true): ActorList {
    const actors = new Map(state.actors.map((a) => [a.id, a]));
    const outgoing = new Map<string, ListLink[]>();
    const incoming = new Map<string, ListLink[]>();
    const push = (index: Map<string, ListLink[]>, id: string, item: ListLink) => {
      const list = index.get(id);
      if (list) list.push(item);
      else index.set(id, [item]);
    };
    for (const link of state.links) {
      const source = actors.get(link.source);
      const target = actors.get(link.target);
      if (!source || !target) continue;
      const owner = link.owner ? (actors.get(link.owner)?.label ?? link.owner) : '';
      push(outgoing, source.id, { link, other: target, owner });
      push(incoming, target.id, { link, other: source, owner });
    }
    const notes = new Map<string, Note[]>();
    for (const note of state.notes) {
      if (note.anchor?.type !== 'actor') continue;
      const list = notes.get(note.anchor.id);
      if (list) list.push(note);
      else notes.set(note.anchor.id, [note]);
    }

    const nextRows = new Map<string, ActorRow>();
    const nextGroups = new Map<string, PhaseGroup>();
    const groups: PhaseGroup[] = [];
    let shown = 0;
    for (const { phase, actors: members } of actorsByPhase(state)) {
      const rows: ActorRow[] = [];
      for (const actor of members) {
        if (!visible(actor)) continue;
        const fresh: ActorRow = {
          actor,
          outgoing: outgoing.get(actor.id) ?? [],
          incoming: incoming.get(actor.id) ?? [],
          notes: notes.get(actor.id) ?? [],
        };
        const previous = this.rows.get(actor.id);
        const row = previous && sameRow(previous, fresh) ? previous : fresh;
        nextRows.set(actor.id, row);
        rows.push(row);
      }
      shown += rows.length;
      const key = phase?.id ?? '';
      const previous = this.groups.get(key);
      const group =
        previous &&
        previous.phase === phase &&
        previous.total === members.length &&
        sameItems(previous.rows, rows, Object.is)
          ? previous
          : { phase, rows, total: members.length };
      nextGroups.set(key, group);
      groups.push(group);
    }
    this.rows = nextRows;
    this.groups = nextGroups;
    const last = this.last;
    const list: ActorList =
      last && last.shown === shown && sameItems(last.groups, groups, Object.is)
        ? last
        : { groups, shown, total: state.actors.length };
    this.last = list;
    return list;
  }
}
