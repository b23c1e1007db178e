import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  actor,
  addActor,
  chooseIdentity,
  createMap,
  newUser,
  shareMap,
  status,
  waitForOfflineShell,
} from './helpers';

const pin = (page: Page, count: number) =>
  page.getByRole('button', { name: count === 1 ? '1 reactie, openen' : `${count} reacties, openen` });
const threadCard = (page: Page) =>
  page.locator('.kk-thread-overlay').getByRole('region', { name: 'Reacties' });

async function openCommentsTab(page: Page) {
  await page.getByRole('tab', { name: /^Reacties/ }).click();
  await expect(page.getByRole('heading', { name: 'Reacties', level: 2 })).toBeVisible();
}

test('a participant comments on an actor, the facilitator replies, the participant resolves; the map stays untouched', async ({
  browser,
}) => {
  const ann = await newUser(browser);
  await ann.page.setViewportSize({ width: 1280, height: 720 });
  await createMap(ann.page, { title: 'Workshop Reacties', starter: false, user: 'Ann' });
  await addActor(ann.page, 'Dienst', 'Onthaal');
  const { participateLink, viewLink } = await shareMap(ann.page);

  const carla = await newUser(browser);
  await carla.page.setViewportSize({ width: 1280, height: 720 });
  await carla.page.goto(participateLink);
  await chooseIdentity(carla.page, 'Carla');
  await expect(carla.page.getByRole('note')).toContainText('Deelnemer');
  await expect(actor(carla.page, 'Onthaal')).toBeVisible();
  // A participant cannot change the map: no palette.
  await expect(carla.page.getByRole('button', { name: 'Dienst toevoegen' })).toHaveCount(0);

  // Carla comments on the actor she selects.
  await actor(carla.page, 'Onthaal').click();
  await openCommentsTab(carla.page);
  const anchor = carla.page.getByRole('combobox', { name: 'Reageren' });
  await expect(anchor).toHaveValue(/^actor:/);
  await carla.page.getByRole('button', { name: 'Reageren', exact: true }).click();
  await carla.page.getByRole('textbox', { name: 'Schrijf een reactie…' }).fill('Wie belt de OCMW?');
  await carla.page.getByRole('button', { name: 'Plaatsen' }).click();
  await expect(threadCard(carla.page)).toContainText('Wie belt de OCMW?');
  await expect(pin(carla.page, 1)).toBeVisible();

  // Ann sees the count on the actor, opens the thread from it and replies.
  await expect(pin(ann.page, 1)).toBeVisible();
  await pin(ann.page, 1).click();
  await expect(threadCard(ann.page)).toContainText('Bij Onthaal');
  await expect(threadCard(ann.page)).toContainText('Carla');
  await threadCard(ann.page).getByRole('textbox', { name: 'Antwoorden…' }).fill('Ik doe het.');
  await threadCard(ann.page).getByRole('button', { name: 'Antwoorden' }).click();
  await expect(pin(ann.page, 2)).toBeVisible();
  await expect(threadCard(carla.page)).toContainText('Ik doe het.');
  await carla.page.screenshot({ path: 'e2e/screenshots/comment-canvas-1280.png' });
  await carla.page.setViewportSize({ width: 1920, height: 1080 });
  await carla.page.screenshot({ path: 'e2e/screenshots/comment-canvas-1920.png' });
  await carla.page.setViewportSize({ width: 1280, height: 720 });

  // Carla resolves it: who and when are shown to both, and the open list empties.
  await threadCard(carla.page).getByRole('button', { name: 'Oplossen' }).click();
  await expect(threadCard(ann.page)).toContainText('Opgelost door Carla');
  await ann.page.getByRole('button', { name: 'Sluiten', exact: true }).click();
  await openCommentsTab(ann.page);
  await expect(ann.page.getByText('Nog geen open reacties')).toBeVisible();
  await ann.page.getByLabel('Ook opgeloste tonen').check();
  await expect(ann.page.locator('.kk-comments__item')).toContainText('Wie belt de OCMW?');
  await ann.page.screenshot({ path: 'e2e/screenshots/comments-panel-1280.png' });
  await ann.page.setViewportSize({ width: 1920, height: 1080 });
  await ann.page.screenshot({ path: 'e2e/screenshots/comments-panel-1920.png' });
  await ann.page.setViewportSize({ width: 1280, height: 720 });

  // Nothing of it is in the map's undo: Ann's Ctrl+Z undoes her actor, not the comments.
  await expect(status(ann.page)).toHaveText('opgeslagen');

  // The thread is kept across a reload (stored on the device and on the server).
  await carla.page.reload();
  await openCommentsTab(carla.page);
  await carla.page.getByLabel('Ook opgeloste tonen').check();
  await expect(carla.page.locator('.kk-comments__item')).toContainText('2 reacties');

  // A view link reads the comments but cannot write them.
  const dirk = await newUser(browser);
  await dirk.page.goto(viewLink);
  await chooseIdentity(dirk.page, 'Dirk');
  await openCommentsTab(dirk.page);
  await expect(dirk.page.getByText('Met een leeslink kun je reacties lezen')).toBeVisible();
  await expect(dirk.page.getByRole('button', { name: 'Reageren', exact: true })).toHaveCount(0);
  await dirk.page.getByLabel('Ook opgeloste tonen').check();
  await expect(dirk.page.locator('.kk-comments__item')).toContainText('Wie belt de OCMW?');

  for (const user of [ann, carla, dirk]) await user.context.close();
});

test('a deleted element’s thread stays where it stood, marked “element verwijderd”, and undo re-attaches it', async ({
  browser,
}) => {
  const ann = await newUser(browser);
  await ann.page.setViewportSize({ width: 1280, height: 720 });
  await createMap(ann.page, { title: 'Verwijderd', starter: false, user: 'Ann' });
  await addActor(ann.page, 'Dienst', 'Wijkpunt');
  await actor(ann.page, 'Wijkpunt').click();
  await openCommentsTab(ann.page);
  await ann.page.getByRole('button', { name: 'Reageren', exact: true }).click();
  await ann.page.getByRole('textbox', { name: 'Schrijf een reactie…' }).fill('Nog nodig?');
  await ann.page.getByRole('button', { name: 'Plaatsen' }).click();
  await ann.page.getByRole('button', { name: 'Sluiten', exact: true }).click();
  const before = await pin(ann.page, 1).boundingBox();

  await actor(ann.page, 'Wijkpunt').click();
  await ann.page.keyboard.press('Delete');
  await expect(actor(ann.page, 'Wijkpunt')).toHaveCount(0);
  await expect(pin(ann.page, 1)).toHaveClass(/is-detached/);
  const after = await pin(ann.page, 1).boundingBox();
  expect(Math.abs(after!.x - before!.x)).toBeLessThan(2);
  expect(Math.abs(after!.y - before!.y)).toBeLessThan(2);
  await openCommentsTab(ann.page);
  await expect(ann.page.locator('.kk-comments__item')).toContainText('element verwijderd');

  // Focus out of the panel (the shortcut is not taken from a form control).
  await ann.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await ann.page.keyboard.press('Control+z');
  await expect(actor(ann.page, 'Wijkpunt')).toBeVisible();
  await expect(pin(ann.page, 1)).not.toHaveClass(/is-detached/);
  await expect(ann.page.locator('.kk-comments__item')).not.toContainText('element verwijderd');
  await ann.context.close();
});

test.describe('offline', () => {
  // The socket's reconnect attempts while offline are the browser's own console errors.
  test.use({
    allowedConsoleErrors: [/^WebSocket connection to .* failed: .*net::ERR_INTERNET_DISCONNECTED/],
  });

  test('a comment written offline is kept on the device across a reload and reaches the others once back online', async ({
    browser,
  }) => {
    const ann = await newUser(browser);
    await createMap(ann.page, { title: 'Offline reacties', starter: false, user: 'Ann' });
    await addActor(ann.page, 'Partner', 'CAW');
    const { participateLink } = await shareMap(ann.page);

    const carla = await newUser(browser);
    await carla.page.goto(participateLink);
    await chooseIdentity(carla.page, 'Carla');
    await expect(actor(carla.page, 'CAW')).toBeVisible();
    await waitForOfflineShell(carla.page);
    await carla.context.setOffline(true);

    await actor(carla.page, 'CAW').click();
    await openCommentsTab(carla.page);
    await carla.page.getByRole('button', { name: 'Reageren', exact: true }).click();
    await carla.page.getByRole('textbox', { name: 'Schrijf een reactie…' }).fill('Geschreven zonder netwerk');
    await carla.page.getByRole('button', { name: 'Plaatsen' }).click();
    await expect(pin(carla.page, 1)).toBeVisible();

    // Still offline: the reload reads the comment back from the device.
    await carla.page.reload();
    await expect(pin(carla.page, 1)).toBeVisible();
    await expect(pin(ann.page, 1)).toHaveCount(0);

    await carla.context.setOffline(false);
    await expect(pin(ann.page, 1)).toBeVisible();
    await pin(ann.page, 1).click();
    await expect(threadCard(ann.page)).toContainText('Geschreven zonder netwerk');
    for (const user of [ann, carla]) await user.context.close();
  });
});
