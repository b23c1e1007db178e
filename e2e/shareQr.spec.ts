import type { Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures';
import { addActor, chooseIdentity, createMap, newUser } from './helpers';

/** What a camera reads from the QR code on screen: decoded from a screenshot of it. */
async function decodeQr(locator: Locator): Promise<string | null> {
  await expect(locator).toHaveAttribute('aria-busy', 'false');
  const png = PNG.sync.read(await locator.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

async function openShared(page: Page) {
  await page.getByRole('button', { name: 'Delen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Kaart delen' });
  await dialog.getByRole('button', { name: 'Kaart delen via de server' }).click();
  await expect(dialog.getByLabel('Bewerkingslink', { exact: true })).toHaveValue(/key=/);
  return dialog;
}

test('the share dialog shows the three links with QR codes, and a large “Doe mee” code decodes to the participate link, never the edit link', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  await page.setViewportSize({ width: 1280, height: 720 });
  await createMap(page, { title: 'Workshop Halle', starter: false, user: 'Ann' });
  await addActor(page, 'Dienst', 'Onthaal');
  const dialog = await openShared(page);
  const editLink = await dialog.getByLabel('Bewerkingslink', { exact: true }).inputValue();
  const viewLink = await dialog.getByLabel('Leeslink', { exact: true }).inputValue();
  const participateLink = await dialog.getByLabel('Deelnamelink', { exact: true }).inputValue();
  expect(participateLink).toMatch(/mode=participate/);
  for (const role of ['Bewerken', 'Deelnemen', 'Bekijken']) {
    await expect(dialog.getByRole('heading', { name: role, exact: true })).toBeVisible();
  }
  await expect(dialog.getByRole('button', { name: 'Deelnamelink kopiëren' })).toBeVisible();

  // Opened through 127.0.0.1: the dialog warns that such links only work on this computer.
  await expect(dialog.getByRole('note')).toContainText('localhost');

  expect(await decodeQr(dialog.getByRole('img', { name: 'QR-code van de bewerkingslink' }))).toBe(editLink);
  expect(await decodeQr(dialog.getByRole('img', { name: 'QR-code van de leeslink' }))).toBe(viewLink);
  expect(await decodeQr(dialog.getByRole('img', { name: 'QR-code van de deelnamelink' }))).toBe(
    participateLink,
  );
  await page.screenshot({ path: 'e2e/screenshots/share-dialog-1280.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: 'e2e/screenshots/share-dialog-1920.png' });

  await dialog.getByRole('button', { name: '“Doe mee” op groot scherm tonen' }).click();
  const join = page.getByRole('dialog', { name: 'Doe mee' });
  await expect(join).toContainText('Workshop Halle');
  const big = join.getByRole('img', { name: 'QR-code om mee te doen aan Workshop Halle' });
  expect(await decodeQr(big)).toBe(participateLink);
  await expect(join).not.toContainText(editLink);
  // Large enough for the back of the room: over half the window's height.
  expect((await big.boundingBox())!.height).toBeGreaterThan(1080 / 2);
  await page.screenshot({ path: 'e2e/screenshots/join-screen-1920.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  expect(await decodeQr(big)).toBe(participateLink);
  await page.screenshot({ path: 'e2e/screenshots/join-screen-1280.png' });
  await page.keyboard.press('Escape');
  await expect(join).toHaveCount(0);
  await expect(dialog).toBeVisible();

  // The scanned link works: a second device that opens it joins the map as a participant, who is
  // offered no share dialog at all, and whose page nowhere holds the edit key.
  const other = await newUser(browser);
  await other.page.goto(participateLink);
  await chooseIdentity(other.page, 'Bram');
  await expect(other.page.getByText('Deelnemer: reageren, niet wijzigen')).toBeVisible();
  await expect(other.page.getByRole('button', { name: 'Delen' })).toHaveCount(0);
  const editKey = new URLSearchParams(editLink.slice(editLink.indexOf('?'))).get('key')!;
  expect(await other.page.content()).not.toContain(editKey);
  await other.context.close();
  await context.close();
});
