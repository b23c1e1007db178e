import { expect, test } from './fixtures';
import {
  actor,
  addActor,
  annSharesWithBert,
  createMap,
  newUser,
  shareMap,
  status,
  waitForOfflineShell,
} from './helpers';

/** The network is cut on purpose: the browser logs the sync socket's failed attempts. */
test.use({ allowedConsoleErrors: [/^WebSocket connection to .* failed: .*net::ERR_INTERNET_DISCONNECTED/] });

test('fully offline: the app reloads from the service worker, edits survive and sync after reconnecting', async ({
  browser,
}) => {
  const { ann, bert } = await annSharesWithBert(browser, { title: 'Trein', starter: false });
  await expect(status(bert.page)).toHaveText('opgeslagen');
  await waitForOfflineShell(bert.page);

  // Bert's browser loses the network entirely and he keeps working.
  await bert.context.setOffline(true);
  await expect(status(bert.page)).toHaveText('offline');
  await addActor(bert.page, 'Doelgroep', 'Gezinnen met jonge kinderen');

  // A reload with no network at all: the page comes from the service worker, the map from IndexedDB.
  const response = await bert.page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(actor(bert.page, 'Gezinnen met jonge kinderen')).toBeVisible();
  await expect(status(bert.page)).toHaveText('offline');
  await addActor(bert.page, 'Partner', 'Kind en Gezin');
  await expect(actor(ann.page, 'Gezinnen met jonge kinderen')).toHaveCount(0);

  // The network returns: both edits reach Ann, and Bert's status is "opgeslagen" only then.
  await bert.context.setOffline(false);
  await expect(actor(ann.page, 'Gezinnen met jonge kinderen')).toBeVisible({ timeout: 20_000 });
  await expect(actor(ann.page, 'Kind en Gezin')).toBeVisible();
  await expect(status(bert.page)).toHaveText('opgeslagen');
  await ann.context.close();
  await bert.context.close();
});

test('fully offline: the home page lists the maps on this device and opens one', async ({ browser }) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Zonder netwerk', municipality: 'Ninove', starter: true, user: 'Dina' });
  await shareMap(page);
  await waitForOfflineShell(page);

  await context.setOffline(true);
  const response = await page.goto('/');
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { name: 'Mijn kaarten' })).toBeVisible();
  await page.getByRole('link', { name: /Zonder netwerk/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zonder netwerk' })).toBeVisible();
  await expect(actor(page, 'Burgerzaken (inschrijving)')).toBeVisible();
  await expect(status(page)).toHaveText('offline');
  await context.close();
});
