import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type {
  CommentAuthor,
  ThreadAnchor,
  ThreadView,
} from '../../../../../shared/model/conversation/conversationTypes';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import { ConversationStore } from '../../../comments/ConversationStore';
import type { PlacedThread } from '../../../comments/threadPlacement';
import { type Identity, loadAuthorId } from '../../../presence/identity';
import type { MapSession } from '../../../session/MapSession';
import { usePlacedThreads } from './usePlacedThreads';

/** What the comment views share: the threads placed on the map, who I am, and what is open. */
export interface Comments {
  readonly store: ConversationStore;
  readonly placed: readonly PlacedThread[];
  readonly me: CommentAuthor;
  /** False with a view link (and a renewed link): reading only. */
  readonly canComment: boolean;
  /** The thread shown in the canvas's thread card, if any. */
  readonly openId: string | null;
  open(id: string | null): void;
  /** Waiting for a click on the canvas to start a thread at a free point. */
  readonly placing: boolean;
  setPlacing(placing: boolean): void;
  /** A new thread being written: its anchor (the card shows the composer). */
  readonly draft: ThreadAnchor | null;
  setDraft(anchor: ThreadAnchor | null): void;
  /** Element id → its open threads' comment count, for the pins. */
  readonly openCount: number;
}

export const CommentsContext = createContext<Comments | null>(null);

export function useCommentsContext(): Comments {
  const value = useContext(CommentsContext);
  if (!value) throw new Error('useCommentsContext outside CommentsContext');
  return value;
}

const NO_THREADS: readonly ThreadView[] = [];

/** Builds the comments state of one open map. */
export function useComments(session: MapSession, store: CanvasStore, identity: Identity | null): Comments {
  const conversationStore = useMemo(
    () =>
      new ConversationStore(
        session.conversation.conversation,
        session.model,
        store.getState,
        store.subscribe,
        () => session.canComment,
      ),
    [session, store],
  );
  useEffect(() => () => conversationStore.destroy(), [conversationStore]);
  const threads =
    useSyncExternalStore(conversationStore.subscribe, conversationStore.getThreads) ?? NO_THREADS;
  const placed = usePlacedThreads(threads, store);
  const [openId, open] = useState<string | null>(null);
  const [placing, setPlacing] = useState(false);
  const [draft, setDraft] = useState<ThreadAnchor | null>(null);
  const authorId = useMemo(loadAuthorId, []);
  const me = useMemo(
    () => ({ id: authorId, name: identity?.name ?? '', colour: identity?.colour ?? '' }),
    [authorId, identity],
  );
  useSyncExternalStore(session.subscribe, session.getVersion);
  const canComment = session.canComment;
  return {
    store: conversationStore,
    placed,
    me,
    canComment,
    openId,
    open: (id) => {
      setDraft(null);
      open(id);
    },
    placing,
    setPlacing,
    draft,
    setDraft: (anchor) => {
      open(null);
      setDraft(anchor);
    },
    openCount: placed.filter((p) => !p.thread.resolved).length,
  };
}
