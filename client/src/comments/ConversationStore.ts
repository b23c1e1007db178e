import type { ChainMap } from '../../../shared/model/ChainMap';
import type { Conversation } from '../../../shared/model/conversation/Conversation';
import type { AnchorKind, ThreadView } from '../../../shared/model/conversation/conversationTypes';
import type { ChainMapState, Position } from '../../../shared/model/types';
import { ANCHOR_OF_COLLECTION, anchorPoint } from './threadPlacement';

/**
 * The conversation as the editor reads it: a snapshot of its threads (recomputed once per change of
 * the conversation doc) for React's `useSyncExternalStore`, and the rule that keeps a thread where
 * its element was: when this device deletes an element that has threads, their anchors take the
 * element's last position, so everyone sees them stay there ("element verwijderd"). The anchor
 * keeps the element's id, so undoing the delete re-attaches them. Framework-free.
 */
export class ConversationStore {
  private threads: readonly ThreadView[];
  private readonly listeners = new Set<() => void>();
  /** Last seen pin point of each element that has threads (`kind:id`). */
  private readonly lastSeen = new Map<string, Position>();
  private readonly disposers: (() => void)[] = [];

  constructor(
    readonly conversation: Conversation,
    model: ChainMap,
    private readonly state: () => ChainMapState,
    /** Tells when `state` changed (the canvas store's snapshot, patched after each model change). */
    subscribeState: (listener: () => void) => () => void,
    /** Whether this device may write the conversation (not with a view link). */
    private readonly writable: () => boolean,
  ) {
    this.threads = conversation.threads();
    this.disposers.push(
      conversation.onChange(() => {
        this.threads = conversation.threads();
        this.remember();
        for (const listener of this.listeners) listener();
      }),
      model.onChange((changes, source) => {
        if (source === 'local' || source === 'undo') this.keepPositionsOf(changes);
      }),
      subscribeState(() => this.remember()),
    );
    this.remember();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getThreads = (): readonly ThreadView[] => this.threads;

  /** Records the current pin point of every element that has threads (before it may be deleted). */
  private remember(): void {
    const state = this.state();
    for (const { anchor } of this.threads) {
      if (anchor.kind === 'free') continue;
      const point = anchorPoint(anchor.kind, anchor.id, state);
      if (point) this.lastSeen.set(`${anchor.kind}:${anchor.id}`, point.at);
    }
  }

  private keepPositionsOf(changes: Parameters<Parameters<ChainMap['onChange']>[0]>[0]): void {
    if (!this.writable()) return;
    for (const change of changes) {
      if (change.type !== 'remove') continue;
      const kind: AnchorKind = ANCHOR_OF_COLLECTION[change.collection];
      const at = this.lastSeen.get(`${kind}:${change.id}`);
      if (at) this.conversation.keepPosition(kind, change.id, at);
    }
  }

  destroy(): void {
    for (const dispose of this.disposers) dispose();
    this.listeners.clear();
  }
}
