import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { actor, addActor, createMap, shareMap } from './helpers';

/**
 * axe-core (WCAG 2.1 A and AA rules) on every screen of the app, at a projector's size: zero
 * serious or critical violations. Each screen is reached the way a user reaches it.
 */
test.use({ viewport: { width: 1280, height: 720 } });
// Each test runs axe on several screens; on a busy 2-core machine one analysis takes seconds.
test.slow();

test('home and the accessibility statement have no serious accessibility violation', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await page.getByRole('heading', { name: 'Mijn kaarten' }).waitFor();
  await expectAccessible(page, 'home', testInfo);
  await page.getByRole('link', { name: 'Toegankelijkheid' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' })).toBeFocused();
  await expectAccessible(page, 'statement', testInfo);
});

test('the editor, each side panel, presentation mode, the action plan, the list view and the shortcuts have no serious violation', async ({
  page,
}, testInfo) => {
  await createMap(page, { title: 'Toegankelijk', starter: true, user: 'Ann' });
  await expectAccessible(page, 'editor', testInfo);
  // VDAB stands half under the side panel: click the corner that is in view (the canvas is a clip
  // box, so nothing can scroll the card's centre into view).
  await actor(page, 'VDAB').click({ position: { x: 16, y: 12 } });
  const sideTabs = page.getByRole('tablist', { name: 'Zijpaneel' });
  for (const tab of ['Eigenschappen', 'Analyse', 'Fasen', 'Versies', 'Activiteit']) {
    await sideTabs.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await expect(sideTabs.getByRole('tab', { name: new RegExp(`^${tab}`) })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expectAccessible(page, `side panel ${tab}`, testInfo);
  }
  await page.getByRole('button', { name: 'Presenteren' }).click();
  await expect(page.locator('.kk-editor.is-presenting')).toBeVisible();
  await expectAccessible(page, 'presentation', testInfo);
  await page.keyboard.press('Escape');
  await expect(page.locator('.kk-editor.is-presenting')).toHaveCount(0);

  await page.getByRole('tablist', { name: 'Weergave' }).getByRole('tab', { name: 'Actieplan' }).click();
  await expect(page.getByRole('region', { name: 'Actieplan' })).toBeVisible();
  await expectAccessible(page, 'action plan', testInfo);

  await page.getByRole('tablist', { name: 'Weergave' }).getByRole('tab', { name: 'Lijst' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Actoren per fase' })).toBeVisible();
  await expectAccessible(page, 'list view', testInfo);

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Sneltoetsen' })).toBeVisible();
  await expectAccessible(page, 'shortcuts dialog', testInfo);
});

test('the share dialog, the import dialog and the version compare mode have no serious violation', async ({
  page,
}, testInfo) => {
  await createMap(page, { title: 'Dialogen', starter: true, user: 'Ann' });
  await shareMap(page);
  await page.getByRole('button', { name: 'Delen' }).click();
  await expect(page.getByRole('dialog', { name: 'Kaart delen' })).toBeVisible();
  await expectAccessible(page, 'share dialog', testInfo);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Kaart delen' })).toBeHidden();

  await page.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByRole('dialog', { name: 'Importeren' })).toBeVisible();
  await expectAccessible(page, 'import dialog', testInfo);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Importeren' })).toBeHidden();

  const sideTabs = page.getByRole('tablist', { name: 'Zijpaneel' });
  await sideTabs.getByRole('tab', { name: /^Versies/ }).click();
  const versions = page.getByRole('region', { name: 'Versies' });
  await versions.getByLabel('Naam van de versie').fill('Voor de workshop');
  await versions.getByRole('button', { name: 'Versie bewaren' }).click();
  await addActor(page, 'Dienst', 'Taalpunt');
  await sideTabs.getByRole('tab', { name: /^Versies/ }).click();
  await page.getByRole('button', { name: 'Vergelijken met ‘Voor de workshop’' }).click();
  await expect(page.getByRole('region', { name: 'Vergelijking' }).getByRole('status')).toHaveText(
    '1 actor toegevoegd',
  );
  await expectAccessible(page, 'version compare', testInfo);
});

test('the Werkvorm band at each of its moments (a step on the map, a step on the Actieplan, paused, ended) has no serious violation', async ({
  page,
}, testInfo) => {
  await createMap(page, { title: 'Werkvorm', starter: true, user: 'Ann' });
  await page.getByRole('button', { name: 'Werkvorm starten' }).click();
  const band = page.getByRole('region', { name: /^Werkvorm/ });
  await expect(band.getByRole('heading', { name: 'Interne analyse' })).toBeVisible();
  await expectAccessible(page, 'werkvorm step on the map', testInfo);
  for (let i = 0; i < 3; i++) await band.getByRole('button', { name: 'Volgende stap' }).click();
  await expect(band.getByRole('heading', { name: 'Stap per stap' })).toBeVisible();
  await expectAccessible(page, 'werkvorm step on the action plan', testInfo);
  await band.getByRole('button', { name: 'Werkvorm pauzeren' }).click();
  await expect(band.getByRole('status')).toBeVisible();
  await expectAccessible(page, 'werkvorm paused', testInfo);
  await band.getByRole('button', { name: 'Werkvorm hervatten' }).click();
  await band.getByRole('button', { name: 'Werkvorm afronden' }).click();
  await expect(band.getByLabel('Naam van de versie')).toBeVisible();
  await expectAccessible(page, 'werkvorm ended', testInfo);
});
