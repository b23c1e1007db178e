import type { OwnBallot, PublicVote } from '../../shared/voting/voteTypes';

/**
 * Storage of dot votes, behind an interface with a contract suite (`voteStoreContract.ts`) as the
 * map store has. One vote per map at a time: starting one replaces the previous one with everything
 * of it.
 *
 * What is stored (docs/API.md, "Stemmen"): the vote's settings; while it is open, each participant's
 * dots per item under a hash of (vote id, voter token), never the token; once it closes, totals per
 * item only, the ballots deleted in the same transaction. Every method that changes ballots runs in
 * one transaction, so concurrent dots never exceed a budget and totals always equal the ballots.
 */
/** A vote as stored: what every key holder reads (`PublicVote`) without the totals, which are kept apart. */
export type StoredVote = Omit<PublicVote, 'totals'>;

export interface VoteWithTotals {
  readonly vote: StoredVote;
  /** Dots per item (items without dots omitted): summed ballots while open, stored totals once closed. */
  readonly totals: Readonly<Record<string, number>>;
}

/** Why a dot was not placed or removed; nothing changed. */
export type DotRefusal =
  | 'no_vote'
  | 'closed'
  | 'unknown_item'
  | 'over_budget'
  | 'one_per_item'
  | 'too_many_voters';

export type DotOutcome =
  | { readonly ok: true; readonly ballot: OwnBallot }
  | { readonly ok: false; readonly reason: DotRefusal };

export interface DotChange {
  readonly mapId: string;
  /** The vote the participant saw: a dot for an earlier vote is refused as closed. */
  readonly voteId: string;
  /** Hash of (vote id, voter token): the only trace of the participant. */
  readonly voter: Uint8Array;
  readonly itemId: string;
  /**
   * The participant's dots on the item after the change (0 takes them all back). A target, not a
   * step: the same request sent twice (a browser retries a POST whose keep-alive connection closed)
   * counts once.
   */
  readonly dots: number;
  readonly now: number;
  /** Distinct voters a vote takes at most (a hostile link holder can mint tokens). */
  readonly maxVoters: number;
}

export interface VoteStore {
  /** The map's current or last vote with its totals; an open vote past its end is closed first. */
  current(mapId: string, now: number): Promise<VoteWithTotals | null>;
  /** Starts a vote, replacing the previous one (its ballots and totals are deleted). */
  start(mapId: string, vote: StoredVote): Promise<void>;
  /** Closes the open vote: totals stored, ballots deleted. False when there is no open vote. */
  stop(mapId: string, now: number): Promise<boolean>;
  /** Makes hidden totals visible. False when there is no vote. */
  reveal(mapId: string): Promise<boolean>;
  /** Deletes the map's vote and everything of it. False when there was none. */
  clear(mapId: string): Promise<boolean>;
  changeDot(change: DotChange): Promise<DotOutcome>;
  /** A voter's own dots in the map's open vote ({} when none or closed). */
  ballot(mapId: string, voteId: string, voter: Uint8Array): Promise<OwnBallot>;
  /** Closes every open vote whose end has passed; returns their map ids. */
  closeExpired(now: number): Promise<string[]>;
  /** A number that changes whenever the map's vote does (for feeds of several server processes). */
  revision(mapId: string): Promise<string>;
  close(): Promise<void>;
}
