import { expect, test } from '@playwright/test';
import { actor, addActor, chooseIdentity, createMap, newUser, shareMap, status } from './helpers';

test('offline edits survive a reload and sync after reconnecting', async ({ browser }) => {
  const ann = await newUser(browser);
  const bert = await newUser(browser);
  // Bert's sync socket goes through this route from the start, so the test can later keep the
  // server unreachable while the page itself reloads (a reload while the browser is fully offline
  // would need a service worker, which is not part of this issue).
  let serverReachable = true;
  await bert.context.routeWebSocket(/\/sync\//, (ws) => {
    if (serverReachable) ws.connectToServer();
    else ws.close({ code: 1013, reason: 'unreachable (test)' });
  });
  await createMap(ann.page, { title: 'Trein', starter: false, user: 'Ann' });
  const { editLink } = await shareMap(ann.page);
  await bert.page.goto(editLink);
  await chooseIdentity(bert.page, 'Bert');
  await expect(status(bert.page)).toHaveText('opgeslagen');

  // Bert loses the network and keeps working.
  await bert.context.setOffline(true);
  await expect(status(bert.page)).toHaveText('offline');
  await addActor(bert.page, 'Doelgroep', 'Gezinnen met jonge kinderen');
  await expect(status(bert.page)).toHaveText('offline');

  serverReachable = false;
  await bert.context.setOffline(false);
  await bert.page.reload();
  await expect(actor(bert.page, 'Gezinnen met jonge kinderen')).toBeVisible();
  await expect(status(bert.page)).not.toHaveText('opgeslagen');
  await expect(actor(ann.page, 'Gezinnen met jonge kinderen')).toHaveCount(0);

  // Server reachable again: the edit reaches Ann, and Bert's status is "opgeslagen" only then.
  serverReachable = true;
  await expect(actor(ann.page, 'Gezinnen met jonge kinderen')).toBeVisible({ timeout: 20_000 });
  await expect(status(bert.page)).toHaveText('opgeslagen');
  await ann.context.close();
  await bert.context.close();
});
