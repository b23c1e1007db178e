import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { actor, addActor, createMap, newUser } from './helpers';

/** Closes the page the way a user closes a tab: unload handlers run; a "leave?" prompt is accepted. */
async function closeLikeAUser(page: Page): Promise<void> {
  page.on('dialog', (dialog) => void dialog.accept());
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
}

test('closing the tab right after an edit keeps the edit', async ({ browser }) => {
  const { context, page } = await newUser(browser);
  const id = await createMap(page, { title: 'Snel dicht', starter: false, user: 'Ann' });
  await addActor(page, 'Dienst', 'Net voor het sluiten');
  await closeLikeAUser(page);

  const again = await context.newPage();
  await again.goto(`/#/kaart/${id}`);
  await expect(actor(again, 'Net voor het sluiten')).toBeVisible();
  await context.close();
});

test('closing the tab while a name is still being typed keeps the typed name', async ({ browser }) => {
  const { context, page } = await newUser(browser);
  const id = await createMap(page, { title: 'Half getypt', starter: false, user: 'Ann' });
  await page.getByRole('button', { name: 'Partner toevoegen' }).click();
  // The name is on screen in the inline editor, not yet confirmed with Enter.
  await page.getByRole('textbox', { name: 'Naam bewerken' }).fill('Nog niet bevestigd');
  await closeLikeAUser(page);

  const again = await context.newPage();
  await again.goto(`/#/kaart/${id}`);
  await expect(actor(again, 'Nog niet bevestigd')).toBeVisible();
  await context.close();
});

test('navigating away right after an edit keeps the edit', async ({ browser }) => {
  const { context, page } = await newUser(browser);
  const id = await createMap(page, { title: 'Weg', starter: false, user: 'Ann' });
  await addActor(page, 'Rol', 'Trajectbegeleider');
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto('about:blank');
  await page.goto(`/#/kaart/${id}`);
  await expect(actor(page, 'Trajectbegeleider')).toBeVisible();
  await context.close();
});
