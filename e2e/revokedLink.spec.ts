import { expect, test } from './fixtures';
import { actor, addActor, chooseIdentity, createMap, newUser, shareMap, status } from './helpers';

test('a renewed link turns the map read-only at once, keeps one’s own edits, and says so after a reload', async ({
  browser,
}) => {
  const ann = await newUser(browser);
  await createMap(ann.page, { title: 'Vernieuwen', starter: false, user: 'Ann' });
  const { editLink } = await shareMap(ann.page);

  const bert = await newUser(browser);
  await bert.page.goto(editLink);
  await chooseIdentity(bert.page, 'Bert');
  await expect(status(bert.page)).toHaveText('opgeslagen');

  await addActor(bert.page, 'Partner', 'Van Bert');
  await expect(status(bert.page)).toHaveText('opgeslagen');
  ann.page.on('dialog', (d) => void d.accept());
  await ann.page.getByRole('button', { name: 'Delen' }).click();
  const dialog = ann.page.getByRole('dialog', { name: 'Kaart delen' });
  await dialog.getByRole('button', { name: 'Links vernieuwen' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/Nieuwe links gemaakt/);
  const newEditLink = await dialog.getByLabel('Bewerkingslink', { exact: true }).inputValue();
  expect(newEditLink).not.toBe(editLink);
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  // The renewing user carries on with the new key.
  await expect(status(ann.page)).toHaveText('opgeslagen');

  // Bert is told at once: read-only, the link was renewed, his edits stay here.
  const banner = bert.page.getByRole('alert');
  await expect(banner).toContainText('De links van deze kaart zijn vernieuwd');
  await expect(banner).toContainText('blijft hier bewaard');
  await expect(status(bert.page)).toHaveText('link vernieuwd');
  await expect(bert.page.getByRole('button', { name: 'Partner toevoegen' })).toHaveCount(0);
  await expect(actor(bert.page, 'Van Bert')).toBeVisible();
  await bert.page.setViewportSize({ width: 1280, height: 720 });
  await bert.page.screenshot({ path: 'e2e/screenshots/revoked-1280.png' });
  await bert.page.setViewportSize({ width: 1920, height: 1080 });
  await expect(banner).toBeVisible();
  await bert.page.screenshot({ path: 'e2e/screenshots/revoked-1920.png' });
  await bert.page.setViewportSize({ width: 1280, height: 720 });

  // After a reload the message still says the link was renewed, not that it is unknown.
  await bert.page.reload();
  await expect(bert.page.getByRole('alert')).toContainText('De links van deze kaart zijn vernieuwd');
  await expect(status(bert.page)).toHaveText('link vernieuwd');
  await expect(actor(bert.page, 'Van Bert')).toBeVisible();
  await bert.page.goto('/');
  const item = bert.page.getByRole('listitem').filter({ hasText: 'Vernieuwen' });
  await expect(item).toContainText('Link vernieuwd · alleen lezen');
  await expect(item).not.toContainText('Gedeeld · bewerken');

  // With the new link Bert edits again, and his offline edit reaches Ann.
  await bert.page.goto(newEditLink);
  await expect(status(bert.page)).toHaveText('opgeslagen');
  await expect(bert.page.getByRole('button', { name: 'Partner toevoegen' })).toBeVisible();
  await expect(actor(ann.page, 'Van Bert')).toBeVisible();

  // Someone opening the old link fresh, with nothing on the device, is told it was renewed: the
  // server recognises the old key by its hash.
  const carla = await newUser(browser);
  await carla.page.goto(editLink);
  await expect(carla.page.getByRole('alert')).toContainText(
    'Deze link werkt niet meer: de links van deze kaart zijn vernieuwd',
  );

  const wrong = await newUser(browser);
  const id = editLink.split('#/kaart/')[1]!.split('?')[0]!;
  await wrong.page.goto(`/#/kaart/${id}?key=${'x'.repeat(22)}`);
  await expect(wrong.page.getByRole('alert')).toContainText('Deze link is ongeldig');
  for (const u of [ann, bert, carla, wrong]) await u.context.close();
});
