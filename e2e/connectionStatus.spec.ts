import { expect, test } from './fixtures';
import { actor, addActor, createMap, newUser, shareMap, status } from './helpers';

/** The test cuts the network and points the map at a dead port: the browser logs the failed sockets. */
test.use({
  allowedConsoleErrors: [
    /^WebSocket connection to .* failed: .*net::ERR_(INTERNET_DISCONNECTED|UNSAFE_PORT|CONNECTION_REFUSED)/,
  ],
});

test('the status chip tells no network apart from an unreachable server', async ({ browser }) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Verbinding', starter: false, user: 'Els (coördinator)' });
  await shareMap(page);
  // Initials from letters only: "Els (coördinator)" is E.
  await expect(page.getByRole('list', { name: 'Aanwezig' }).getByRole('button')).toHaveText('E');
  await addActor(page, 'Dienst', 'Onthaal');
  await expect(status(page)).toHaveText('opgeslagen');

  // No network on this device.
  await context.setOffline(true);
  await expect(status(page)).toHaveText('offline');
  await expect(status(page)).toHaveAttribute('title', /geen netwerk/);
  await context.setOffline(false);
  await expect(status(page)).toHaveText('opgeslagen');

  // The network is there but the server does not answer: this device's copy of the map points at
  // a port where nothing listens (as a server that is down looks from the room).
  const mapId = page.url().split('#/kaart/')[1]!;
  await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('ketenkaart');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('maps', 'readwrite');
      const maps = tx.objectStore('maps');
      const get = maps.get(id);
      get.onsuccess = () => maps.put({ ...get.result, serverUrl: 'http://127.0.0.1:9' });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, mapId);
  await page.reload();
  await expect(actor(page, 'Onthaal')).toBeVisible();
  await expect(status(page)).toHaveText('server onbereikbaar', { timeout: 20_000 });
  await expect(status(page)).toHaveAttribute('title', /server antwoordt niet/);
  await page.screenshot({ path: 'e2e/screenshots/status-unreachable.png' });
  await context.close();
});
