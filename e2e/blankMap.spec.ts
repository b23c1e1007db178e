import { expect, test } from './fixtures';
import { actor, addActor, createMap, newUser } from './helpers';

test('a blank map says where to start and offers the default phases', async ({ browser }) => {
  const { context, page } = await newUser(browser);
  await page.setViewportSize({ width: 1280, height: 720 });
  await createMap(page, { title: 'Leeg begin', starter: false, user: 'Ann' });
  const start = page.getByRole('complementary', { name: 'Een lege kaart' });
  await expect(start).toContainText('Begin links');
  await expect(page.locator('.react-flow__node-lane')).toHaveCount(0);
  await page.screenshot({ path: 'e2e/screenshots/blank-map-1280.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: 'e2e/screenshots/blank-map-1920.png' });
  await page.setViewportSize({ width: 1280, height: 720 });

  await start.getByRole('button', { name: 'Standaardfasen toevoegen' }).click();
  await expect(page.locator('.react-flow__node-lane').first()).toContainText('Aankomst & inschrijving');
  await page.getByRole('tab', { name: 'Fasen' }).click();
  const lanes = page.getByRole('list', { name: 'Fasen' }).getByRole('listitem');
  await expect(lanes).toHaveCount(5);
  await expect(start.getByRole('button', { name: 'Standaardfasen toevoegen' })).toHaveCount(0);
  await expect(start).toContainText('Begin links');

  // One Ctrl+Z takes all five lanes away again, and the offer comes back.
  await page.locator('.react-flow__pane').click({ position: { x: 400, y: 500 } });
  await page.keyboard.press('Control+z');
  await expect(lanes).toHaveCount(0);
  await expect(page.locator('.react-flow__node-lane')).toHaveCount(0);
  await expect(start.getByRole('button', { name: 'Standaardfasen toevoegen' })).toBeVisible();

  // The first element ends the blank state.
  await addActor(page, 'Dienst', 'Burgerzaken');
  await expect(actor(page, 'Burgerzaken')).toBeVisible();
  await expect(start).toHaveCount(0);
  await context.close();
});
