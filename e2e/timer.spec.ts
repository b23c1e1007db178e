import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { chooseIdentity, createMap, newUser, shareMap } from './helpers';

/** The time left on screen, in seconds ("9:58" → 598). */
async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.getByRole('timer', { name: 'Resterende tijd' }).textContent()) ?? '';
  const parts = text.trim().split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

test('the timer shows the same time left on two devices whose clocks differ by minutes: start, pause, +1 minute, resume, stop, and a soft signal at zero', async ({
  browser,
}) => {
  const ann = await newUser(browser);
  await ann.page.setViewportSize({ width: 1280, height: 720 });
  await createMap(ann.page, { title: 'Timer', starter: false, user: 'Els' });
  const { participateLink } = await shareMap(ann.page);

  // Carla's laptop clock is 7 minutes behind.
  const carla = await newUser(browser);
  await carla.context.addInitScript(() => {
    const realNow = Date.now.bind(Date);
    Date.now = () => realNow() - 7 * 60_000;
  });
  await carla.page.setViewportSize({ width: 1280, height: 720 });
  await carla.page.goto(participateLink);
  await chooseIdentity(carla.page, 'Carla');
  expect(await carla.page.evaluate(() => Date.now())).toBeLessThan(Date.now() - 6 * 60_000);
  // A participant sees no timer controls.
  await expect(carla.page.getByRole('button', { name: 'Timer' })).toHaveCount(0);

  await ann.page.getByRole('button', { name: 'Timer' }).click();
  await ann.page.getByLabel('Minuten').fill('10');
  await ann.page.getByRole('button', { name: 'Starten', exact: true }).click();
  const carlaTimer = carla.page.getByRole('timer', { name: 'Resterende tijd' });
  await expect(carlaTimer).toBeVisible();
  const same = async () => Math.abs((await secondsLeft(ann.page)) - (await secondsLeft(carla.page)));
  await expect.poll(same).toBeLessThanOrEqual(1);
  const left = await secondsLeft(carla.page);
  expect(left).toBeGreaterThan(9 * 60);
  expect(left).toBeLessThanOrEqual(10 * 60);
  await ann.page.screenshot({ path: 'e2e/screenshots/timer-1280.png' });
  await ann.page.setViewportSize({ width: 1920, height: 1080 });
  await ann.page.screenshot({ path: 'e2e/screenshots/timer-1920.png' });
  await ann.page.setViewportSize({ width: 1280, height: 720 });

  // Paused: both show exactly the same, standing still.
  await ann.page.getByRole('button', { name: 'Pauzeren' }).click();
  await expect(carla.page.getByText('gepauzeerd')).toBeVisible();
  await expect.poll(same).toBe(0);
  const paused = await secondsLeft(carla.page);
  await ann.page.getByRole('button', { name: '+1 minuut' }).click();
  await expect.poll(() => secondsLeft(carla.page)).toBe(paused + 60);
  await ann.page.getByRole('button', { name: 'Verder' }).click();
  await expect(carla.page.getByText('gepauzeerd')).toHaveCount(0);
  await expect.poll(same).toBeLessThanOrEqual(1);

  // Stopped: gone for everyone.
  await ann.page.getByRole('button', { name: 'Stoppen', exact: true }).click();
  await expect(carlaTimer).toHaveCount(0);

  // A short one (a tenth of a minute) reaches zero on both at once: "Tijd om", in amber.
  await ann.page.getByRole('button', { name: 'Timer' }).click();
  await ann.page.getByLabel('Minuten').fill('0.1');
  await ann.page.getByRole('button', { name: 'Starten', exact: true }).click();
  await expect(carlaTimer).toHaveText('Tijd om', { timeout: 15_000 });
  await expect(ann.page.getByRole('timer', { name: 'Resterende tijd' })).toHaveText('Tijd om');
  await expect(carla.page.locator('.kk-timer')).toHaveClass(/is-done/);
  for (const user of [ann, carla]) await user.context.close();
});
