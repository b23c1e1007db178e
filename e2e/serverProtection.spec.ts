import path from 'node:path';
import type { Page } from '@playwright/test';
import { ketenKaartArgs, type ServerProcess, spawnServer } from '../server/reliability/serverProcess';
import { SqliteMapStore } from '../server/storage/SqliteMapStore';
import { tempDir } from '../server/test/helpers';
import { deepNesting } from '../shared/testing/hostileUpdates';
import { encodeRawUpdate } from '../shared/testing/rawUpdate';
import { expect, test } from './fixtures';
import { createMap, newUser, status } from './helpers';

/**
 * What the protections look like to a user: a map poisoned on this device opens without the
 * poisoned part and says so; a server that requires an access code asks for it when sharing; a map
 * the server quarantined says so in Dutch instead of retrying forever. The last two run against a
 * second server, configured for them.
 */

let extra: ServerProcess | undefined;

/** Screenshots at a projector's size and at full HD. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `e2e/screenshots/${name}-${width}.png` });
  }
}
test.afterEach(async () => {
  await extra?.kill();
  extra = undefined;
});

async function startExtraServer(
  env: Record<string, string>,
): Promise<{ server: ServerProcess; dataDir: string }> {
  const dataDir = tempDir('ketenkaart-e2e-extra-');
  extra = await spawnServer({
    args: ketenKaartArgs,
    env: { DATA_DIR: dataDir, STATIC_DIR: 'dist/e2e-client', LOG_LEVEL: 'warn', ...env },
  });
  return { server: extra, dataDir };
}

/** Appends a stored row to a map on this device's IndexedDB, as a broken or hostile writer would. */
async function appendLocalRow(page: Page, mapId: string, update: Uint8Array): Promise<void> {
  await page.evaluate(
    ({ mapId, bytes }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ketenkaart');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('updates', 'readwrite');
          tx.objectStore('updates').add({ mapId, update: new Uint8Array(bytes) });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { mapId, bytes: [...update] },
  );
}

test('a map poisoned on this device opens without the poisoned part, says so, and keeps working', async ({
  browser,
}) => {
  const ann = await newUser(browser);
  const id = await createMap(ann.page, { title: 'Besmet', starter: true, user: 'Ann' });
  await appendLocalRow(ann.page, id, deepNesting(3000));
  await ann.page.reload();
  await expect(ann.page.getByRole('alert')).toContainText('Een deel van deze kaart op dit toestel past niet');
  await expect(ann.page.getByRole('heading', { level: 1, name: 'Besmet' })).toBeVisible();
  await screenshots(ann.page, 'local-invalid');
  // The tab is not frozen: the canvas still takes edits.
  await expect(ann.page.locator('.react-flow__node').first()).toBeVisible();
  await ann.context.close();
});

test.describe('a server with an access code', () => {
  // The refused attempts are the point of the test; the browser logs each refused request.
  test.use({
    allowedConsoleErrors: [/^Failed to load resource: the server responded with a status of 40[13]/],
  });

  test('a server that requires an access code asks for it when sharing, in Dutch', async ({ browser }) => {
    const { server } = await startExtraServer({ CREATE_MAPS_TOKEN: 'gemeente-2026' });
    const ann = await newUser(browser);
    await ann.page.goto(server.url);
    await ann.page.getByRole('heading', { name: 'Mijn kaarten' }).waitFor();
    const form = ann.page.getByRole('form', { name: 'Nieuwe kaart' });
    await form.getByLabel('Titel van de kaart').fill('Met code');
    await form.getByLabel('Lege kaart').check();
    await form.getByRole('button', { name: 'Kaart maken' }).click();
    await ann.page.getByRole('dialog', { name: 'Wie ben je?' }).getByLabel('Je naam').fill('Ann');
    await ann.page.getByRole('button', { name: 'Verder' }).click();

    await ann.page.getByRole('button', { name: 'Delen' }).click();
    const dialog = ann.page.getByRole('dialog', { name: 'Kaart delen' });
    await dialog.getByRole('button', { name: 'Kaart delen via de server' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Deze server vraagt een toegangscode');
    await dialog.getByLabel('Toegangscode van de server').fill('raden');
    await dialog.getByRole('button', { name: 'Delen met deze code' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Deze toegangscode klopt niet');
    await screenshots(ann.page, 'share-token');
    await dialog.getByLabel('Toegangscode van de server').fill('gemeente-2026');
    await dialog.getByRole('button', { name: 'Delen met deze code' }).click();
    await expect(dialog.getByLabel('Bewerkingslink', { exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await expect(status(ann.page)).toHaveText('opgeslagen');
    await ann.context.close();
  });
});

test('a map the server quarantined says so in Dutch and stops retrying', async ({ browser }) => {
  const { server, dataDir } = await startExtraServer({});
  const res = await fetch(`${server.url}/api/maps`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  const map = (await res.json()) as { id: string; editKey: string };
  // Stored behind the server's back (a second connection; WAL allows it): a doc Yjs cannot load.
  const store = new SqliteMapStore({ file: path.join(dataDir, 'ketenkaart.sqlite'), writer: 'inline' });
  const poison = deepNesting(20_000);
  // deepNesting's client (4000) writes its root entry at clock 0; then that entry is deleted.
  const deletion = encodeRawUpdate({ clients: [], deletes: [{ client: 4000, ranges: [[0, 1]] }] });
  await store.appendUpdates(map.id, [poison, deletion]);
  await store.close();

  const bert = await newUser(browser);
  await bert.page.goto(`${server.url}/#/kaart/${map.id}?key=${map.editKey}`);
  await expect(bert.page.getByRole('alert')).toContainText(
    'De server heeft deze kaart tijdelijk afgezonderd',
  );
  await screenshots(bert.page, 'quarantined');
  await bert.context.close();
});
