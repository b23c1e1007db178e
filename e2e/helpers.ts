import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';

/** Fills the first-use name dialog, which every fresh context sees on its first map. */
export async function chooseIdentity(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Wie ben je?' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Je naam').fill(name);
  await dialog.getByRole('button', { name: 'Verder' }).click();
  await expect(dialog).toBeHidden();
}

export async function newUser(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[pageerror]', error.message));
  return { context, page };
}

/** Creates a map from the home screen; returns its id. */
export async function createMap(
  page: Page,
  opts: { title: string; municipality?: string; starter: boolean; user?: string },
): Promise<string> {
  await page.goto('/');
  await page.getByRole('heading', { name: 'Mijn kaarten' }).waitFor();
  const form = page.getByRole('form', { name: 'Nieuwe kaart' });
  await form.getByLabel('Titel van de kaart').fill(opts.title);
  if (opts.municipality) await form.getByLabel('Gemeente').fill(opts.municipality);
  await form.getByLabel(opts.starter ? /ketenaanpak-sjabloon/ : 'Lege kaart').check();
  await form.getByRole('button', { name: 'Kaart maken' }).click();
  await page.waitForURL(/#\/kaart\//);
  if (opts.user) await chooseIdentity(page, opts.user);
  await expect(page.getByRole('heading', { level: 1, name: opts.title })).toBeVisible();
  return page.url().split('#/kaart/')[1]!;
}

export function status(page: Page) {
  return page.getByRole('status', { name: 'Synchronisatiestatus' });
}

/** Shares the open map; returns the edit and view links. */
export async function shareMap(page: Page): Promise<{ editLink: string; viewLink: string }> {
  await page.getByRole('button', { name: 'Delen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Kaart delen' });
  await dialog.getByRole('button', { name: 'Kaart delen via de server' }).click();
  const editLink = await dialog.getByLabel('Bewerkingslink', { exact: true }).inputValue();
  const viewLink = await dialog.getByLabel('Leeslink', { exact: true }).inputValue();
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect(status(page)).toHaveText('opgeslagen');
  return { editLink, viewLink };
}

export function actor(page: Page, label: string) {
  return page.locator('.react-flow__node-actor').filter({ has: page.getByText(label, { exact: true }) });
}

/** Adds an actor through the palette and names it with the inline editor. */
export async function addActor(page: Page, kindLabel: string, label: string): Promise<void> {
  await page.getByRole('button', { name: `${kindLabel} toevoegen` }).click();
  const editor = page.getByRole('textbox', { name: 'Naam bewerken' });
  await editor.fill(label);
  await editor.press('Enter');
  await expect(actor(page, label)).toBeVisible();
}
