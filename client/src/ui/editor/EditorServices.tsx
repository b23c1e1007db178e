import type { ReactNode } from 'react';
import { type LiveTextServices, LiveTextServicesContext } from '../common/liveTextServices';
import { type Comments, CommentsContext } from './comments/useComments';

/** The editor's shared services for the views below it: live text fields and comments. */
export function EditorServices({
  fieldPresence,
  comments,
  children,
}: {
  fieldPresence: LiveTextServices;
  comments: Comments;
  children: ReactNode;
}) {
  return (
    <LiveTextServicesContext.Provider value={fieldPresence}>
      <CommentsContext.Provider value={comments}>{children}</CommentsContext.Provider>
    </LiveTextServicesContext.Provider>
  );
}
