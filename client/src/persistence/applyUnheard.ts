import type * as Y from 'yjs';

/** A listener of a Y.Doc's `update` event. */
export type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc, tr: Y.Transaction) => void;

/**
 * Runs `apply`, which applies one update to `doc` (one transaction, e.g. y-websocket's sync step 2
 * handler), with `listeners` detached from the doc's `update` event for that one transaction. When
 * no other `update` listener is left, Yjs does not encode the transaction's changes for the event
 * at all (for a big map's first sync step 2, 28–120 ms; see docs/performance.md). Returns the transaction
 * (null when `apply` began none, or ran inside a transaction already open, with nothing detached).
 *
 * Invariant: `listeners` hear every other transaction. Observers of the update's transaction (the
 * model's change feed, a migration on the first sync) write in transactions of their own, which Yjs
 * cleans up after the update's, within the same `apply` call; each cleanup begins with
 * `beforeObserverCalls`, before its `update` event, and the listeners are back from the first such
 * cleanup of any other transaction, or else once all cleanups are done (`afterAllTransactions`).
 * That is before `apply` goes on: y-websocket's handler marks the provider synced (its `sync`
 * listeners may write, e.g. the migration on a first sync) only after Yjs has applied the update.
 * Whatever happens, they are back when `apply` returns or throws.
 * Nothing in the app writes in `beforeTransaction` (the only moment a write would join the update's
 * own transaction unheard): the undo manager's listener there only ends a capture.
 */
export function applyUnheard(
  doc: Y.Doc,
  listeners: readonly UpdateListener[],
  apply: () => void,
): Y.Transaction | null {
  if (doc._transaction !== null) {
    apply();
    return null;
  }
  // Only listeners registered now are detached (and so re-attached).
  const registered = doc._observers.get('update');
  const detached = listeners.filter((listener) => registered?.has(listener));
  let own: Y.Transaction | null = null;
  let away = true;
  const reattach = () => {
    if (!away) return;
    away = false;
    for (const listener of detached) doc.on('update', listener);
  };
  const onBegin = (tr: Y.Transaction) => {
    own ??= tr;
  };
  const onCleanup = (tr: Y.Transaction) => {
    if (tr !== own) reattach();
  };
  for (const listener of detached) doc.off('update', listener);
  doc.on('beforeTransaction', onBegin);
  doc.on('beforeObserverCalls', onCleanup);
  doc.on('afterAllTransactions', reattach);
  try {
    apply();
  } finally {
    doc.off('beforeTransaction', onBegin);
    doc.off('beforeObserverCalls', onCleanup);
    doc.off('afterAllTransactions', reattach);
    reattach();
  }
  return own;
}
