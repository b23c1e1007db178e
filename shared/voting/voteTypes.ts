import { NOTE_KINDS, type NoteKind } from '../model/types';

/**
 * Dot voting ("Stemmen"): the values the server publishes and the client sends. Individual ballots
 * never appear here: what every key holder reads (`PublicVote`) carries the vote's settings and, when
 * visible, totals per item only. A participant's own dots (`OwnBallot`) are answered to the holder of
 * its voter token alone.
 */

export const DEFAULT_DOTS_PER_PERSON = 3;
export const MAX_DOTS_PER_PERSON = 20;
/** Items a vote covers at most (every quick-win and knelpunt of a large map fits). */
export const MAX_VOTE_ITEMS = 500;
/** The longest timed vote: a workshop day. */
export const MAX_VOTE_DURATION_MS = 12 * 60 * 60 * 1000;
/** The kinds a vote covers unless the facilitator chooses: the quick-wins and the knelpunten. */
export const DEFAULT_VOTE_KINDS: readonly NoteKind[] = ['quickWin', 'gap'];

/**
 * A voter token: random, made by the browser and kept in its `localStorage` (one per browser and map),
 * so a reload or a second tab votes as the same participant. The server stores only a hash of it.
 */
export const VOTER_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

/** What a facilitator chooses when starting a vote. */
export interface VoteSettings {
  /** Note kinds the vote covers (shown to participants; the items are chosen from them). */
  readonly kinds: readonly NoteKind[];
  /** The ids of the notes that can get dots, fixed when the vote starts. */
  readonly items: readonly string[];
  readonly dotsPerPerson: number;
  /** At most one dot per item and person. */
  readonly maxOnePerItem: boolean;
  /** Totals hidden from everyone until the facilitator reveals them ("Onthullen"). */
  readonly hidden: boolean;
  /** Voting ends by itself this long after the start; null: when the facilitator stops it. */
  readonly durationMs: number | null;
}

/** The vote as every key holder of the map sees it. */
export interface PublicVote {
  readonly voteId: string;
  readonly kinds: readonly NoteKind[];
  readonly items: readonly string[];
  readonly dotsPerPerson: number;
  readonly maxOnePerItem: boolean;
  readonly hidden: boolean;
  /** Server clock, ms since the epoch. */
  readonly startedAt: number;
  readonly endsAt: number | null;
  readonly closedAt: number | null;
  readonly revealed: boolean;
  /**
   * Dots per item id (items without dots omitted); null while the results are hidden and not
   * revealed. Hidden totals are never sent, not merely not shown.
   */
  readonly totals: Readonly<Record<string, number>> | null;
}

/** The state of a map's voting: its current (or last) vote, or none. */
export interface VoteState {
  readonly vote: PublicVote | null;
  /** The server's clock when this state was read, ms since the epoch. */
  readonly serverNow: number;
}

/** A participant's own dots per item id (items without dots omitted). */
export type OwnBallot = Readonly<Record<string, number>>;

export function isVoteOpen(vote: PublicVote, now: number): boolean {
  return vote.closedAt === null && (vote.endsAt === null || now < vote.endsAt);
}

export function dotsUsed(ballot: OwnBallot): number {
  let used = 0;
  for (const n of Object.values(ballot)) used += n;
  return used;
}

export const isNoteKind = (value: unknown): value is NoteKind =>
  typeof value === 'string' && (NOTE_KINDS as readonly string[]).includes(value);
