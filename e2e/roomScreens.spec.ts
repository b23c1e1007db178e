import { expect, test } from './fixtures';
import { actor, chooseIdentity } from './helpers';

/**
 * The room view at a projector's size and at full HD: the editor with a demo map and presentation
 * mode, saved under the git-ignored e2e/screenshots/<SCREENSHOT_SET>/ to be looked at. No control of
 * the editor is cut off at 1280×720, and the side panels never scroll sideways.
 */
const SET = process.env.SCREENSHOT_SET ?? 'latest';
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

for (const size of SIZES) {
  test(`editor and presentation mode at ${size.width}×${size.height}: nothing cut off, nothing scrolls sideways`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: size });
    const page = await context.newPage();
    const shot = (name: string) =>
      page.screenshot({ path: `e2e/screenshots/${SET}/${name}-${size.width}x${size.height}.png` });
    await page.goto('/');
    await page
      .getByRole('button', { name: /als nieuwe kaart openen/ })
      .first()
      .click();
    await page.waitForURL(/#\/kaart\//);
    await chooseIdentity(page, 'Ann');
    // The map opens fitted, its first lane whole.
    const firstLane = await page.locator('.react-flow__node-lane').first().boundingBox();
    const canvas = await page.locator('.kk-canvas').boundingBox();
    expect(firstLane!.x).toBeGreaterThanOrEqual(canvas!.x);
    expect(firstLane!.y).toBeGreaterThanOrEqual(canvas!.y);
    // The collaboration stands in the last lane, off screen at 1280×720: a search brings it into view.
    await page.getByLabel('Actor zoeken op naam').fill('welzijn');
    await expect(
      page.getByRole('status').filter({ hasText: 'Filter actief: 1 actor zichtbaar' }),
    ).toBeVisible();
    await expect(actor(page, 'Lokaal welzijnsoverleg')).toBeInViewport();
    await actor(page, 'Lokaal welzijnsoverleg').click();
    await expect(page.getByRole('region', { name: /Leden/ })).toBeVisible();

    // Every button and field of the panels lies inside the window, and no panel scrolls sideways.
    const report = await page.evaluate(() => {
      const panels = [...document.querySelectorAll<HTMLElement>('.kk-sidebar, .kk-sidepanel__body')];
      const sideways = panels.filter((p) => p.scrollWidth > p.clientWidth + 1).map((p) => p.className);
      const cut = [
        ...document.querySelectorAll<HTMLElement>(
          '.kk-topbar button, .kk-viewbar button, .kk-sidebar button, .kk-sidebar select, .kk-sidebar input, .kk-sidepanel__tabs button',
        ),
      ]
        .filter((el) => el.offsetParent !== null)
        .filter((el) => {
          const r = el.getBoundingClientRect();
          const panel = el
            .closest('.kk-sidebar, .kk-sidepanel, .kk-topbar, .kk-viewbar')!
            .getBoundingClientRect();
          return r.left < panel.left - 1 || r.right > panel.right + 1 || r.right > window.innerWidth;
        })
        .map((el) => el.textContent || el.getAttribute('aria-label'));
      const filters = document.querySelector('#kk-filter-title')!.closest('section')!;
      const lastFilter = [...filters.querySelectorAll('select')].at(-1)!.getBoundingClientRect();
      return { sideways, cut, filtersInView: lastFilter.bottom <= window.innerHeight };
    });
    await shot('room-editor');
    expect(report.sideways).toEqual([]);
    expect(report.cut).toEqual([]);
    expect(report.filtersInView).toBe(true);

    await page.getByRole('button', { name: 'Presenteren' }).click();
    await expect(page.getByRole('button', { name: 'Presentatie verlaten' })).toBeVisible();
    await page.mouse.move(1, 1);
    await expect(page.locator('.react-flow__viewport')).toHaveAttribute('style', /scale/);
    await page.waitForFunction(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))),
    );
    await shot('room-present');
    await context.close();
  });
}
