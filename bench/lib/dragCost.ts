import type { Page } from '@playwright/test';

/** How long the drag lasts; browser.bench.ts names it in its table rows. */
export const DRAG_MS = 1000;
/** An actor card on the canvas (React Flow's node class for the `actor` type). */
export const ACTOR_SELECTOR = '.react-flow__node-actor';

export interface DragCost {
  frames: number;
  longestFrameMs: number;
  moves: number;
  docBytes: number;
  docUpdates: number;
}

/**
 * Drags the first visible actor for DRAG_MS with the mouse, counting animation frames in the page and
 * the bytes of local doc updates (through the e2e hook) until the drag end's write has happened.
 */
export async function dragCost(page: Page): Promise<DragCost> {
  // A string, not a function: tsx's name-keeping helper (__name) does not exist in the page.
  await page.evaluate(`(() => {
    const bench = { frames: 0, longest: 0, bytes: 0, updates: 0, counting: 1 };
    window.__bench = bench;
    let last = performance.now();
    function tick(now) {
      if (!bench.counting) return;
      bench.frames++;
      bench.longest = Math.max(bench.longest, now - last);
      last = now;
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
    window.__ketenkaart.session.doc.on('update', function (update, _origin, _doc, tr) {
      if (!tr.local) return;
      bench.bytes += update.byteLength;
      bench.updates++;
    });
  })()`);
  // The actor nearest the pane's centre: DOM order says nothing about what panels cover.
  const box = await page.evaluate((selector) => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best: { x: number; y: number; width: number; height: number } | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const el of document.querySelectorAll(selector)) {
      const r = el.getBoundingClientRect();
      const distance = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = { x: r.left, y: r.top, width: r.width, height: r.height };
      }
    }
    return best;
  }, ACTOR_SELECTOR);
  if (!box) throw new Error('no actor to drag');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const started = performance.now();
  let moves = 0;
  while (performance.now() - started < DRAG_MS) {
    moves++;
    await page.mouse.move(x + (moves % 120), y + ((moves * 3) % 90));
  }
  await page.evaluate(() => {
    (window as unknown as { __bench: Record<string, number> }).__bench.counting = 0;
  });
  await page.mouse.up();
  await page.waitForFunction(
    () => (window as unknown as { __bench: { updates: number } }).__bench.updates > 0,
    null,
    {
      polling: 'raf',
    },
  );
  const result = await page.evaluate(
    () => (window as unknown as { __bench: Record<string, number> }).__bench,
  );
  return {
    frames: result.frames!,
    longestFrameMs: result.longest!,
    moves,
    docBytes: result.bytes!,
    docUpdates: result.updates!,
  };
}
