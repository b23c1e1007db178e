import type { Actor, ChainMapState } from '../../../shared/model/types';
import type { FlowContext } from './flowContext';
import type { NoteCounts } from './flowTypes';
import { KeyedListeners } from './KeyedListeners';
import { sameJson } from './viewState';

/** What an actor's card shows of the map: the actor itself and what it reads of the rest. */
export interface ActorCard {
  readonly actor: Actor;
  readonly notes: NoteCounts;
  /** A samenwerkingsverband's member count (0 for other kinds). */
  readonly members: number;
  /** Its phase's label, for its accessible name (null outside the phases). */
  readonly phaseName: string | null;
}

const ZERO_NOTES: NoteCounts = { quickWin: 0, gap: 0, action: 0 };

function sameCard(a: ActorCard, b: ActorCard): boolean {
  return (
    a.members === b.members &&
    a.phaseName === b.phaseName &&
    a.notes.quickWin === b.notes.quickWin &&
    a.notes.gap === b.notes.gap &&
    a.notes.action === b.notes.action &&
    (a.actor === b.actor || sameJson(a.actor, b.actor))
  );
}

/**
 * Every actor card's content, with a subscription per actor: the card (`ActorNode`) reads what it
 * shows here, not from its React Flow node, so a remote edit of what a card shows (its label,
 * description, entry mark, kind-independent fields) changes no node: React Flow keeps its node
 * array (no `setNodes`, which re-adopts every node and runs every mounted node's selector) and only
 * that card re-renders. The node carries what React Flow itself needs (position, size, selection,
 * kind for the minimap). Invariant: after a `sync`, `get` answers the synced state's cards, each
 * kept as the same object while it shows the same, and every listener of an actor whose card
 * changed (or that left) has been called once, no other listener.
 */
export class ActorContent {
  private cards = new Map<string, ActorCard>();
  private readonly listeners = new KeyedListeners();
  /** The state last synced whole: a view-only rebuild (a peer's drag frame) passes it again. */
  private synced: ChainMapState | null = null;

  /** The actor's card; undefined for an id that is not an actor (yet, or any more). */
  get = (id: string): ActorCard | undefined => this.cards.get(id);

  subscribe(id: string, listener: () => void): () => void {
    return this.listeners.subscribe(id, listener);
  }

  /** Catches up with every actor of the state (after a full build of the graph). */
  syncAll(state: ChainMapState, ctx: FlowContext): void {
    // A snapshot's state is a new object after every change, and a card reads only the state.
    if (state === this.synced) return;
    this.synced = state;
    const next = new Map<string, ActorCard>();
    const changed: string[] = [];
    for (const actor of state.actors) {
      const card = this.keep(actor, ctx);
      next.set(actor.id, card);
      if (this.cards.get(actor.id) !== card) changed.push(actor.id);
    }
    for (const id of this.cards.keys()) if (!next.has(id)) changed.push(id);
    this.cards = next;
    this.tell(changed);
  }

  /**
   * Catches up with the named actors only (a patch: the other actors and what every card reads of
   * the map are unchanged). Ids that are not actors are skipped.
   */
  syncSome(ids: Iterable<string>, actorOf: (id: string) => Actor | undefined, ctx: FlowContext): void {
    const changed: string[] = [];
    for (const id of ids) {
      const actor = actorOf(id);
      if (!actor) continue;
      const card = this.keep(actor, ctx);
      if (this.cards.get(id) === card) continue;
      this.cards.set(id, card);
      changed.push(id);
    }
    this.tell(changed);
  }

  private keep(actor: Actor, ctx: FlowContext): ActorCard {
    const prev = this.cards.get(actor.id);
    // Built and compared every time: the counts and the phase's label change without the actor.
    const card: ActorCard = {
      actor,
      notes: ctx.noteCounts().actors.get(actor.id) ?? ZERO_NOTES,
      members: actor.kind === 'collaboration' ? (ctx.members().get(actor.id) ?? 0) : 0,
      phaseName: actor.phaseId ? (ctx.phaseLabels().get(actor.phaseId) ?? null) : null,
    };
    return prev && sameCard(prev, card) ? prev : card;
  }

  private tell(changed: readonly string[]): void {
    this.listeners.notify(changed);
  }
}
