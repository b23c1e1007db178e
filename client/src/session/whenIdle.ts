/** The browser's idle callback, or a zero timeout where it is missing (Node); returns a cancel. */
export type IdleScheduler = (run: () => void, timeoutMs: number) => () => void;

/**
 * Runs `run` once the browser is idle (after the frames already due are painted), at the latest
 * after `timeoutMs`.
 */
export const whenIdle: IdleScheduler = (run, timeoutMs) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 0);
  return () => clearTimeout(handle);
};
