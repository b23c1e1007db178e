import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addActor, createMap } from './helpers';

/**
 * Chromium decides by its own heuristics whether to grant persistent storage, so these tests wrap
 * the browser's `navigator.storage.persist` to count the calls and, where a test needs it, to
 * answer as a browser that refuses. Everything else is the real app on the real server.
 */
async function watchPersist(page: Page, answer: 'real' | 'refuse'): Promise<void> {
  await page.addInitScript((mode) => {
    const storage = navigator.storage;
    const real = storage.persist.bind(storage);
    const w = window as unknown as { __persistCalls: number };
    w.__persistCalls = 0;
    storage.persist = async () => {
      w.__persistCalls++;
      return mode === 'refuse' ? false : real();
    };
    if (mode === 'refuse') storage.persisted = async () => false;
  }, answer);
}

const persistCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __persistCalls: number }).__persistCalls);

test('persistent storage is asked for after the first edit, not on opening a map', async ({ page }) => {
  await watchPersist(page, 'real');
  await createMap(page, { title: 'Bewaren', starter: false, user: 'Ann' });
  expect(await persistCalls(page)).toBe(0);
  await addActor(page, 'Dienst', 'Burgerzaken');
  await expect.poll(() => persistCalls(page)).toBe(1);
  await addActor(page, 'Partner', 'OCMW');
  expect(await persistCalls(page)).toBe(1);
});

test('a refusal is explained once per device, with sharing offered for a local map', async ({ page }) => {
  await watchPersist(page, 'refuse');
  await createMap(page, { title: 'Geweigerd', starter: false, user: 'Ann' });
  await addActor(page, 'Dienst', 'Burgerzaken');
  const notice = page.getByRole('status').filter({ hasText: 'Je browser belooft niet' });
  await expect(notice).toContainText('Deel de kaart: dan bewaart de server een kopie.');
  await notice.getByRole('button', { name: 'Op de server bewaren' }).click();
  await expect(page.getByRole('dialog', { name: /delen/i })).toBeVisible();
  await expect(notice).toBeHidden();

  // A later session on the same device asks the browser again, but does not repeat the notice.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Geweigerd' }).waitFor();
  await addActor(page, 'Partner', 'OCMW');
  await expect.poll(() => persistCalls(page)).toBe(1);
  await expect(page.getByText('Je browser belooft niet')).toHaveCount(0);
});
