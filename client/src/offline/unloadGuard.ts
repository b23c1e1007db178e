/**
 * Closing a tab must not lose an edit the user saw on screen.
 *
 * - Every doc update is already queued for IndexedDB in the turn it happens (DocPersistence).
 * - `pagehide` (the page is really going away): commit a half-typed field first by blurring it (the
 *   inline label editor and list fields commit on blur), then issue the queued write at once.
 * - `visibilitychange` to hidden (tab switched, window minimised, or a mobile browser about to kill
 *   the page): issue the queued write at once, without touching focus.
 * - `beforeunload`: ask the user to stay only while a write is still uncommitted. The listener is
 *   attached only then, so an idle page stays eligible for the back/forward cache. Chromium shows
 *   its own text; it needs `preventDefault()` (Chrome 119+) or a non-empty `returnValue` (older),
 *   and only asks if the user has interacted with the page.
 */
export interface Flushable {
  readonly pending: number;
  flush(): void;
  onPendingChange(listener: (pending: number) => void): () => void;
}

type Target = Pick<Window, 'addEventListener' | 'removeEventListener'>;

export interface UnloadEnvironment {
  window: Target;
  document: Target & {
    readonly visibilityState: DocumentVisibilityState;
    readonly activeElement: Element | null;
  };
}

export function guardUnload(
  persistence: Flushable,
  env: UnloadEnvironment = { window: globalThis.window, document: globalThis.document },
): () => void {
  const onPageHide = () => {
    const active = env.document.activeElement as (Element & { blur?: () => void }) | null;
    if (active && isTextField(active)) active.blur?.();
    persistence.flush();
  };
  const onVisibilityChange = () => {
    if (env.document.visibilityState === 'hidden') persistence.flush();
  };
  const onBeforeUnload = (event: Event) => {
    persistence.flush();
    if (persistence.pending === 0) return;
    event.preventDefault();
    (event as BeforeUnloadEvent).returnValue = 'pending';
  };
  let prompting = false;
  const setPrompting = (on: boolean) => {
    if (on === prompting) return;
    prompting = on;
    if (on) env.window.addEventListener('beforeunload', onBeforeUnload);
    else env.window.removeEventListener('beforeunload', onBeforeUnload);
  };
  env.window.addEventListener('pagehide', onPageHide);
  env.document.addEventListener('visibilitychange', onVisibilityChange);
  setPrompting(persistence.pending > 0);
  const offPending = persistence.onPendingChange((pending) => setPrompting(pending > 0));
  return () => {
    offPending();
    setPrompting(false);
    env.window.removeEventListener('pagehide', onPageHide);
    env.document.removeEventListener('visibilitychange', onVisibilityChange);
  };
}

function isTextField(el: Element): boolean {
  return (
    el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || (el as HTMLElement).isContentEditable === true
  );
}
