import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addActor, chooseIdentity, createMap, newUser, shareMap } from './helpers';

/** The canvas's pan and zoom, read from React Flow's viewport transform. */
async function viewportOf(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  return page.locator('.react-flow__viewport').evaluate((el) => {
    const m = new DOMMatrixReadOnly(getComputedStyle(el).transform);
    return { x: m.e, y: m.f, zoom: m.a };
  });
}

/** The part of the map a page shows, in flow coordinates. */
async function visibleArea(page: Page) {
  const { x, y, zoom } = await viewportOf(page);
  const box = (await page.locator('.react-flow').boundingBox())!;
  return { x: -x / zoom, y: -y / zoom, width: box.width / zoom, height: box.height / zoom, zoom };
}

/**
 * Waits until `follower` shows the area `leader` shows: the same centre, the leader's area whole,
 * fitted (one side equal; canvases differ in size by the bars each role sees).
 */
async function expectSameView(follower: Page, leader: Page): Promise<void> {
  await expect
    .poll(async () => {
      const [f, l] = await Promise.all([visibleArea(follower), visibleArea(leader)]);
      const centred =
        Math.abs(f.x + f.width / 2 - (l.x + l.width / 2)) < 3 &&
        Math.abs(f.y + f.height / 2 - (l.y + l.height / 2)) < 3;
      const covers = f.width >= l.width - 2 && f.height >= l.height - 2;
      const fitted = Math.abs(f.width - l.width) < 2 || Math.abs(f.height - l.height) < 2;
      return centred && covers && fitted;
    })
    .toBe(true);
}

const zoomIn = (page: Page) => page.getByRole('button', { name: 'Inzoomen' }).click();

test('follow a facilitator, stop by panning, “Iedereen naar mij” with a “Niet nu”, and a projector in presentation mode that follows', async ({
  browser,
}) => {
  const ann = await newUser(browser);
  await ann.page.setViewportSize({ width: 1280, height: 720 });
  await createMap(ann.page, { title: 'Volgen', starter: true, user: 'Els' });
  await addActor(ann.page, 'Dienst', 'Onthaal');
  const { participateLink, editLink } = await shareMap(ann.page);

  const carla = await newUser(browser);
  await carla.page.setViewportSize({ width: 1280, height: 720 });
  await carla.page.goto(participateLink);
  await chooseIdentity(carla.page, 'Carla');

  // Carla follows Els by her avatar; Els zooms and pans, Carla sees the same.
  await carla.page.getByRole('button', { name: 'Els volgen' }).click();
  const banner = carla.page.getByRole('status').filter({ hasText: 'Je volgt Els' });
  await expect(banner).toBeVisible();
  await zoomIn(ann.page);
  await zoomIn(ann.page);
  await expectSameView(carla.page, ann.page);
  await carla.page.screenshot({ path: 'e2e/screenshots/follow-banner-1280.png' });
  await carla.page.setViewportSize({ width: 1920, height: 1080 });
  await expect(banner).toBeVisible();
  await carla.page.screenshot({ path: 'e2e/screenshots/follow-banner-1920.png' });
  await carla.page.setViewportSize({ width: 1280, height: 720 });
  await expectSameView(carla.page, ann.page);

  // Carla's own pan stops following.
  const pane = carla.page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await carla.page.mouse.move(box.x + 300, box.y + 400);
  await carla.page.mouse.down();
  await carla.page.mouse.move(box.x + 200, box.y + 300, { steps: 5 });
  await carla.page.mouse.up();
  await expect(banner).toHaveCount(0);
  const stopped = await viewportOf(carla.page);
  await zoomIn(ann.page);
  await expect.poll(async () => (await viewportOf(ann.page)).zoom).toBeGreaterThan(stopped.zoom + 0.05);
  expect((await viewportOf(carla.page)).zoom).toBeCloseTo(stopped.zoom, 2);

  // A partner with the edit link; Els asks everyone to follow. Carla declines, Bert follows.
  const bert = await newUser(browser);
  await bert.page.setViewportSize({ width: 1280, height: 720 });
  await bert.page.goto(editLink);
  await chooseIdentity(bert.page, 'Bert');
  await ann.page.getByRole('button', { name: 'Iedereen naar mij' }).click();
  const carlaRequest = carla.page.getByRole('alertdialog', { name: 'Verzoek om te volgen' });
  await expect(carlaRequest).toContainText('Els vraagt iedereen om mee te kijken.');
  await carlaRequest.getByRole('button', { name: 'Niet nu' }).click();
  await expect(carlaRequest).toHaveCount(0);
  await expect(carla.page.getByText('Je volgt Els')).toHaveCount(0);
  const bertRequest = bert.page.getByRole('alertdialog', { name: 'Verzoek om te volgen' });
  await bertRequest.getByRole('button', { name: 'Volgen' }).click();
  await expect(bert.page.getByRole('status').filter({ hasText: 'Je volgt Els' })).toBeVisible();
  await expectSameView(bert.page, ann.page);

  // A chain: Carla follows Bert, who follows Els: Carla sees Els's view.
  await carla.page.getByRole('button', { name: 'Bert volgen' }).click();
  await expect(carla.page.getByRole('status').filter({ hasText: 'Je volgt Bert' })).toContainText(
    'die Els volgt',
  );
  await zoomIn(ann.page);
  await expectSameView(carla.page, ann.page);

  // The projector: Bert presents (full screen, another canvas size) and keeps following Els.
  await bert.page.getByRole('button', { name: 'Presenteren' }).click();
  await bert.page.setViewportSize({ width: 1920, height: 1080 });
  await ann.page.getByRole('button', { name: 'Uitzoomen' }).click();
  await expect(bert.page.locator('.kk-editor.is-presenting')).toBeVisible();
  await expectSameView(bert.page, ann.page);
  // A larger canvas shows the same area at a larger zoom.
  expect((await viewportOf(bert.page)).zoom).toBeGreaterThan((await viewportOf(ann.page)).zoom);
  for (const user of [ann, bert, carla]) await user.context.close();
});
