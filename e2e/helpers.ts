import { type Browser, type BrowserContext, expect, type Locator, type Page } from '@playwright/test';

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

type User = { context: BrowserContext; page: Page };

/**
 * The workshop set-up most multi-user tests start from: Ann creates a map and shares it, Bert joins
 * through the edit link and picks his name. Both are separate browser contexts (separate devices).
 */
export async function annSharesWithBert(
  browser: Browser,
  map: { title: string; municipality?: string; starter: boolean },
): Promise<{ ann: User; bert: User; editLink: string; viewLink: string }> {
  const ann = await newUser(browser);
  const bert = await newUser(browser);
  await createMap(ann.page, { ...map, user: 'Ann' });
  const { editLink, viewLink } = await shareMap(ann.page);
  await bert.page.goto(editLink);
  await chooseIdentity(bert.page, 'Bert');
  return { ann, bert, editLink, viewLink };
}

/** Shares the open map; returns the edit, view and participate links. */
export async function shareMap(
  page: Page,
): Promise<{ editLink: string; viewLink: string; participateLink: string }> {
  await page.getByRole('button', { name: 'Delen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Kaart delen' });
  await dialog.getByRole('button', { name: 'Kaart delen via de server' }).click();
  const editLink = await dialog.getByLabel('Bewerkingslink', { exact: true }).inputValue();
  const viewLink = await dialog.getByLabel('Leeslink', { exact: true }).inputValue();
  const participateLink = await dialog.getByLabel('Deelnamelink', { exact: true }).inputValue();
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect(status(page)).toHaveText('opgeslagen');
  return { editLink, viewLink, participateLink };
}

/** An actor's node by its name (its test id: the shown name may carry soft hyphens). */
export function actor(page: Page, label: string) {
  return page.locator('.react-flow__node-actor').filter({ has: page.getByTestId(`actor-${label}`) });
}

/** Adds an actor through the palette and names it with the inline editor. */
/**
 * Links the selected actor to `label` through the inspector: the "Verbinden met…" picker is
 * search-first (it lists matching actors only while open), so type the name and choose it.
 */
export async function connectTo(inspector: Locator, label: string): Promise<void> {
  await pickActor(inspector, 'Verbinden met…', label);
  await inspector.getByRole('button', { name: 'Verbinding maken' }).click();
}

/** Chooses the actor `label` in the search-first actor picker named `field`. */
export async function pickActor(scope: Locator, field: string, label: string): Promise<void> {
  await scope.getByRole('combobox', { name: field }).fill(label);
  await scope.getByRole('listbox', { name: field }).getByRole('option', { name: label, exact: true }).click();
}

export async function addActor(page: Page, kindLabel: string, label: string): Promise<void> {
  await page.getByRole('button', { name: `${kindLabel} toevoegen` }).click();
  const editor = page.getByRole('textbox', { name: 'Naam bewerken' });
  await editor.fill(label);
  await editor.press('Enter');
  await expect(actor(page, label)).toBeVisible();
}

/**
 * Waits until the service worker has precached the app shell and controls the page, so the app
 * can load with the network off.
 */
export async function waitForOfflineShell(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Drags a palette item onto the canvas at `at` (page coordinates) and names the new actor. */
export async function dropActor(
  page: Page,
  kindLabel: string,
  label: string,
  at: { x: number; y: number },
): Promise<void> {
  const pane = page.locator('.react-flow__pane');
  const box = await pane.boundingBox();
  if (!box) throw new Error('canvas pane not visible');
  await page
    .getByRole('button', { name: `${kindLabel} toevoegen` })
    .dragTo(pane, { targetPosition: { x: at.x - box.x, y: at.y - box.y } });
  const editor = page.getByRole('textbox', { name: 'Naam bewerken' });
  await editor.fill(label);
  await editor.press('Enter');
  await expect(actor(page, label)).toBeVisible();
}

/** Centre of an element in page coordinates. */
export async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
