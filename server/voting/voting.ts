import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authorizer } from '../access/Authorizer';
import type { Logger } from '../logger';
import { VoteFeed } from './VoteFeed';
import type { VoteStore } from './VoteStore';
import { createVoteApi } from './voteApi';

/** Ballots of timed votes nobody watches are turned into totals (and deleted) at least this often. */
const SWEEP_MS = 60_000;

export interface Voting {
  /** Handles `/api/maps/<id>/votes…`; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Dot voting on the server: the store, the live results feed and the HTTP routes, wired together.
 * `ownsStore`: close the store with the server.
 */
export function createVoting(options: {
  votes: VoteStore;
  ownsStore: boolean;
  authorizer: Pick<Authorizer, 'authorizeRequest'>;
  log: Logger;
}): Voting {
  const { votes, log } = options;
  const feed = new VoteFeed(votes, log);
  const handle = createVoteApi({ authorizer: options.authorizer, votes, feed, log });
  const sweep = setInterval(() => {
    votes
      .closeExpired(Date.now())
      .then((closed) => Promise.all(closed.map((mapId) => feed.publish(mapId))))
      .catch((err: unknown) => log.error({ err }, 'closing ended votes failed'));
  }, SWEEP_MS);
  sweep.unref();
  return {
    handle,
    async close() {
      clearInterval(sweep);
      feed.close();
      if (options.ownsStore) await votes.close();
    },
  };
}
