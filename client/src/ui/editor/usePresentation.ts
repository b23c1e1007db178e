import { useCallback, useEffect, useRef, useState } from 'react';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * Presentation mode ("Presenteren"): the map alone, full screen (the Fullscreen API, where the
 * browser allows it; the mode works in the window too). P starts it, Escape leaves it; leaving full
 * screen by the browser's own means (its Escape, F11) leaves the mode as well.
 */
export function usePresentation(): { presenting: boolean; start: () => void; stop: () => void } {
  const [presenting, setPresenting] = useState(false);
  const wentFullscreen = useRef(false);
  const start = useCallback(() => {
    setPresenting(true);
    const root = document.documentElement;
    if (!document.fullscreenElement && root.requestFullscreen) {
      root.requestFullscreen().then(
        () => {
          wentFullscreen.current = true;
        },
        () => {
          // Refused (no user gesture, a policy, an iframe): present in the window.
        },
      );
    }
  }, []);
  const stop = useCallback(() => {
    setPresenting(false);
    if (wentFullscreen.current && document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    wentFullscreen.current = false;
  }, []);

  useEffect(() => {
    const onFullscreenChange = () => {
      if (!document.fullscreenElement && wentFullscreen.current) {
        wentFullscreen.current = false;
        setPresenting(false);
      }
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || document.querySelector('[aria-modal="true"]')) return;
      if (e.key === 'Escape' && presenting) {
        e.preventDefault();
        stop();
      } else if ((e.key === 'p' || e.key === 'P') && !e.ctrlKey && !e.metaKey && !e.altKey && !presenting) {
        e.preventDefault();
        start();
      }
    };
    document.addEventListener('fullscreenchange', onFullscreenChange);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [presenting, start, stop]);
  return { presenting, start, stop };
}
