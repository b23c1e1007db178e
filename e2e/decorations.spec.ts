import type { ChainMapState } from '../shared/model/types';
import { expect, test } from './fixtures';
import { actor, addActor, createMap, newUser } from './helpers';

/** The canvas part of the e2e test hook (builds with `--mode e2e` only). */
interface CanvasHook {
  store: { getState(): ChainMapState };
  decorations: {
    setLayer(source: string, layer: object): void;
    clear(source: string): void;
  };
}

test('decorating an actor as added outlines it in green and draws a ghost at its place', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Versies vergelijken', starter: false, user: 'Ann' });
  await addActor(page, 'Dienst', 'Onthaalbureau');
  const node = actor(page, 'Onthaalbureau');

  await page.evaluate(() => {
    const hook = (window as unknown as { __ketenkaartCanvas: CanvasHook }).__ketenkaartCanvas;
    const target = hook.store.getState().actors.find((a) => a.label === 'Onthaalbureau')!;
    hook.decorations.setLayer('compare', {
      states: { [target.id]: 'added' },
      ghostNodes: [{ id: 'oud', kind: 'actor', label: 'Oud loket', position: target.position }],
    });
  });

  await expect(node).toHaveClass(/kk-deco--added/);
  await expect(node).toHaveCSS('outline-color', 'rgb(21, 128, 61)');
  const ghost = page.locator('.react-flow__node-ghost');
  await expect(ghost).toBeVisible();
  await expect(ghost).toHaveText('Oud loket');
  await expect(ghost).toHaveCSS('pointer-events', 'none');
  const [actorBox, ghostBox] = [await node.boundingBox(), await ghost.boundingBox()];
  expect(ghostBox!.x).toBeCloseTo(actorBox!.x, 0);
  expect(ghostBox!.y).toBeCloseTo(actorBox!.y, 0);
  await page.screenshot({ path: 'e2e/screenshots/editor-decorations.png' });

  await page.evaluate(() =>
    (window as unknown as { __ketenkaartCanvas: CanvasHook }).__ketenkaartCanvas.decorations.clear('compare'),
  );
  await expect(node).not.toHaveClass(/kk-deco--added/);
  await expect(ghost).toHaveCount(0);
  await context.close();
});
