import type { ReactNode } from 'react';
import { type LiveTextServices, LiveTextServicesContext } from '../common/liveTextServices';
import { type Comments, CommentsContext } from './comments/useComments';
import { type Voting, VotingContext } from './voting/useVoting';

/** The editor's shared services for the views below it: live text fields, comments and voting. */
export function EditorServices({
  fieldPresence,
  comments,
  voting,
  children,
}: {
  fieldPresence: LiveTextServices;
  comments: Comments;
  voting: Voting;
  children: ReactNode;
}) {
  return (
    <LiveTextServicesContext.Provider value={fieldPresence}>
      <CommentsContext.Provider value={comments}>
        <VotingContext.Provider value={voting}>{children}</VotingContext.Provider>
      </CommentsContext.Provider>
    </LiveTextServicesContext.Provider>
  );
}
