import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { chooseIdentity, createMap, newUser, shareMap } from './helpers';

const TITLE = 'Ketenaanpak nieuwe inwoners Halle-Vilvoorde';

/**
 * The top bar at a laptop's width and a projector's, with the workshop running (the timer with its
 * controls, "Iedereen naar mij", the Werkvorm band below): the title stays readable (an ellipsis
 * at worst, the whole title on hover), and no control sticks out of the bar or is cut; nor of the
 * view bar below it (Kaart, Lijst, Actieplan and the map's tools).
 */
async function expectTopBarFits(page: Page, minTitleWidth: number): Promise<void> {
  const bar = page.locator('header.kk-topbar');
  const title = bar.getByRole('heading', { level: 1 });
  const titleBox = (await title.boundingBox())!;
  expect(titleBox.width).toBeGreaterThanOrEqual(minTitleWidth);
  await expect(bar.locator('.kk-topbar__title')).toHaveAttribute('title', new RegExp(`^${TITLE}`));
  await expectControlsWhole(page, bar);
  await expectControlsWhole(page, page.locator('.kk-viewbar'));
}

/** No control of `bar` sticks out of the window or has its label clipped or wrapped. */
async function expectControlsWhole(page: Page, bar: Locator): Promise<void> {
  const viewport = page.viewportSize()!;
  const controls = bar.locator('button, a, [role="timer"]');
  for (let i = 0; i < (await controls.count()); i++) {
    const control = controls.nth(i);
    if (!(await control.isVisible())) continue;
    const box = (await control.boundingBox())!;
    const name = (await control.getAttribute('aria-label')) ?? (await control.textContent());
    expect(box.x, `${name} starts inside the window`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${name} ends inside the window`).toBeLessThanOrEqual(viewport.width);
    // Its own text fits it (nothing squeezed into a clipped or wrapped label).
    const clipped = await control.evaluate(
      (el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().height > 48,
    );
    expect(clipped, `${name} is not squeezed`).toBe(false);
  }
}

test('the top bar keeps the title readable and every control whole at 1280×720 and 1920×1080 while the timer and the Werkvorm run', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const els = await newUser(browser);
  await els.page.setViewportSize({ width: 1280, height: 720 });
  await createMap(els.page, { title: TITLE, municipality: 'Halle', starter: true, user: 'Els' });
  // Before the workshop starts the view bar holds the most tools ("Werkvorm starten" among them).
  await expect(els.page.getByRole('button', { name: 'Werkvorm starten' })).toBeVisible();
  await expectControlsWhole(els.page, els.page.locator('.kk-viewbar'));
  // English labels are longer ("Keyboard shortcuts", "Arrange automatically").
  await els.page.getByRole('button', { name: 'English' }).click();
  await expect(els.page.getByRole('button', { name: 'Start the method' })).toBeVisible();
  await expectControlsWhole(els.page, els.page.locator('.kk-viewbar'));
  await expectControlsWhole(els.page, els.page.locator('header.kk-topbar'));
  await els.page.screenshot({ path: 'e2e/screenshots/viewbar-en-1280.png' });
  await els.page.getByRole('button', { name: 'Nederlands' }).click();
  const { participateLink } = await shareMap(els.page);
  const carla = await newUser(browser);
  await carla.page.setViewportSize({ width: 1280, height: 720 });
  await carla.page.goto(participateLink);
  await chooseIdentity(carla.page, 'Carla');

  await els.page.getByRole('button', { name: 'Werkvorm starten' }).click();
  await els.page.getByRole('button', { name: 'Timer 20 min' }).click();
  await expect(els.page.getByRole('timer', { name: 'Resterende tijd' })).toHaveText(/^(20:00|19:[0-5]\d)$/);
  await expect(carla.page.getByRole('timer', { name: 'Resterende tijd' })).toBeVisible();

  for (const { page, who } of [
    { page: els.page, who: 'facilitator' },
    { page: carla.page, who: 'participant' },
  ]) {
    await expectTopBarFits(page, 112);
    await page.screenshot({ path: `e2e/screenshots/topbar-${who}-1280.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    // A projector's width shows the whole title.
    await expectTopBarFits(page, 200);
    const whole = await page
      .locator('header.kk-topbar h1')
      .evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(whole).toBe(true);
    await page.screenshot({ path: `e2e/screenshots/topbar-${who}-1920.png` });
  }
});
