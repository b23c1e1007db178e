import { expect, test } from '@playwright/test';
import { chooseIdentity, createMap, newUser, shareMap, status } from './helpers';

test('a revoked link shows a clear Dutch message; a wrong link too', async ({ browser }) => {
  const ann = await newUser(browser);
  await createMap(ann.page, { title: 'Vernieuwen', starter: false, user: 'Ann' });
  const { editLink } = await shareMap(ann.page);

  const bert = await newUser(browser);
  await bert.page.goto(editLink);
  await chooseIdentity(bert.page, 'Bert');
  await expect(status(bert.page)).toHaveText('opgeslagen');

  ann.page.on('dialog', (d) => void d.accept());
  await ann.page.getByRole('button', { name: 'Delen' }).click();
  const dialog = ann.page.getByRole('dialog', { name: 'Kaart delen' });
  await dialog.getByRole('button', { name: 'Links vernieuwen' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/Nieuwe links gemaakt/);
  const newEditLink = await dialog.getByLabel('Bewerkingslink', { exact: true }).inputValue();
  expect(newEditLink).not.toBe(editLink);
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  // The rotating user carries on with the new key.
  await expect(status(ann.page)).toHaveText('opgeslagen');

  await expect(bert.page.getByRole('alert')).toContainText('Deze link werkt niet meer');
  await bert.page.screenshot({ path: 'e2e/screenshots/revoked.png' });

  // Someone opening the old link fresh is told as well, not left with a spinner.
  const carla = await newUser(browser);
  await carla.page.goto(editLink);
  await expect(carla.page.getByRole('alert')).toContainText(/Deze link (werkt niet meer|is ongeldig)/);

  const wrong = await newUser(browser);
  const id = editLink.split('#/kaart/')[1]!.split('?')[0]!;
  await wrong.page.goto(`/#/kaart/${id}?key=${'x'.repeat(22)}`);
  await expect(wrong.page.getByRole('alert')).toContainText('Deze link is ongeldig');
  for (const u of [ann, bert, carla, wrong]) await u.context.close();
});
