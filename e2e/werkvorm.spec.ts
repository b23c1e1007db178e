import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { chooseIdentity, createMap, newUser, shareMap } from './helpers';

const STEPS = ['Interne analyse', 'Gecoördineerde aanpak', 'Lokale regie', 'Stap per stap'];
/** The main view each step shows, by its tab in the view bar. */
const STEP_VIEWS = ['Kaart', 'Kaart', 'Actieplan', 'Actieplan'];

function band(page: Page) {
  return page.getByRole('region', { name: /^Werkvorm/ });
}

function viewTab(page: Page, name: string) {
  return page.getByRole('tablist', { name: 'Weergave' }).getByRole('tab', { name, exact: true });
}

async function expectAtStep(page: Page, index: number): Promise<void> {
  await expect(band(page).getByRole('heading', { level: 2 })).toHaveText(STEPS[index]!);
  await expect(band(page)).toContainText(`Stap ${index + 1} van 4`);
  await expect(band(page).locator('[aria-current="step"]')).toContainText(STEPS[index]!);
  await expect(viewTab(page, STEP_VIEWS[index]!)).toHaveAttribute('aria-selected', 'true');
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/werkvorm-${name}-1280.png` });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: `e2e/screenshots/werkvorm-${name}-1920.png` });
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('the facilitator leads the four steps in order and the participant follows each, with the step’s timer, a pause across reloads, and a named version at the end', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const els = await newUser(browser);
  await els.page.setViewportSize({ width: 1280, height: 720 });
  await createMap(els.page, {
    title: 'Ketenaanpak Halle',
    municipality: 'Halle',
    starter: true,
    user: 'Els',
  });
  const { participateLink } = await shareMap(els.page);

  const carla = await newUser(browser);
  await carla.page.setViewportSize({ width: 1280, height: 720 });
  await carla.page.goto(participateLink);
  await chooseIdentity(carla.page, 'Carla');
  // A participant cannot start the Werkvorm, and sees nothing of it before it starts.
  await expect(carla.page.getByRole('button', { name: 'Werkvorm starten' })).toHaveCount(0);
  await expect(band(carla.page)).toHaveCount(0);

  await els.page.getByRole('button', { name: 'Werkvorm starten' }).click();
  await expectAtStep(els.page, 0);
  await expectAtStep(carla.page, 0);
  // Step 1 brings the target groups forward on both screens (the canvas filter).
  const filters = carla.page.getByRole('region', { name: 'Filters' });
  await expect(filters.getByRole('combobox', { name: 'Soort' })).toHaveValue('targetGroup');
  // The participant has no step buttons.
  await expect(band(carla.page).getByRole('button', { name: 'Volgende stap' })).toHaveCount(0);

  // The suggested duration starts the workshop timer that both see.
  await els.page.getByRole('button', { name: 'Timer 20 min' }).click();
  await expect(carla.page.getByRole('timer', { name: 'Resterende tijd' })).toHaveText(/^(20:00|19:[0-5]\d)$/);
  await shoot(els.page, 'step1');
  await shoot(carla.page, 'step1-participant');

  // The participant looks elsewhere, then comes back to the step with one click.
  await viewTab(carla.page, 'Lijst').click();
  await band(carla.page).getByRole('button', { name: 'Terug naar de stap' }).click();
  await expectAtStep(carla.page, 0);

  for (const index of [1, 2, 3]) {
    await els.page.getByRole('button', { name: 'Volgende stap' }).click();
    await expectAtStep(els.page, index);
    await expectAtStep(carla.page, index);
    await shoot(els.page, `step${index + 1}`);
  }
  // Step 3 groups the Actieplan by regie; step 4 groups it by phase again and links to the vote.
  await expect(carla.page.getByRole('combobox', { name: 'Groeperen per' })).toHaveValue('phase');
  // "Stemmen openen" takes the facilitator to the map with the Stemmen tab, quick-wins and knelpunten chosen.
  await band(els.page).getByRole('button', { name: 'Stemmen openen' }).click();
  await expect(els.page.getByRole('heading', { name: 'Stemmen', level: 2 })).toBeVisible();
  await expect(els.page.getByRole('checkbox', { name: 'Quick-win', exact: true })).toBeChecked();
  await expect(els.page.getByRole('checkbox', { name: 'Knelpunt', exact: true })).toBeChecked();
  await els.page.getByRole('button', { name: 'Vorige stap' }).click();
  await expectAtStep(carla.page, 2);
  await expect(carla.page.getByRole('combobox', { name: 'Groeperen per' })).toHaveValue('regie');

  // Paused today, resumed another day: the step survives a reload on both devices.
  await els.page.getByRole('button', { name: 'Werkvorm pauzeren' }).click();
  await expect(band(carla.page)).toContainText('De werkvorm is gepauzeerd.');
  // Pausing the session pauses the step's timer; resuming goes on from where it stood.
  const carlaTimer = carla.page.locator('.kk-timer');
  await expect(carlaTimer).toContainText('gepauzeerd');
  await shoot(els.page, 'paused');
  await Promise.all([els.page.reload(), carla.page.reload()]);
  for (const page of [els.page, carla.page]) {
    await expect(band(page)).toContainText('Stap 3 van 4');
    await expect(band(page)).toContainText(/gepauzeerd/i);
  }
  await els.page.getByRole('button', { name: 'Werkvorm hervatten' }).click();
  await expect(band(carla.page)).not.toContainText(/gepauzeerd/i);
  await expect(carlaTimer).not.toContainText('gepauzeerd');
  await expectAtStep(carla.page, 2);
  await expectAtStep(els.page, 2);

  await els.page.getByRole('button', { name: 'Volgende stap' }).click();
  await expectAtStep(carla.page, 3);
  await els.page.getByRole('button', { name: 'Werkvorm afronden' }).click();
  await expect(band(carla.page)).toContainText('De werkvorm is afgerond.');
  const name = band(els.page).getByLabel('Naam van de versie');
  await expect(name).toHaveValue(/^Na workshop \d{1,2} \S+ 20\d\d$/);
  const versionName = await name.inputValue();
  await shoot(els.page, 'end');
  await band(els.page).getByRole('button', { name: 'Versie bewaren' }).click();
  await expect(band(els.page)).toContainText(`Versie ‘${versionName}’ bewaard.`);
  await band(els.page).getByRole('button', { name: 'Versies openen' }).click();
  const versions = els.page.getByRole('region', { name: 'Versies' });
  await expect(versions).toContainText(versionName);
  // The participant finds it too: versions live in the map.
  await viewTab(carla.page, 'Kaart').click();
  await carla.page
    .getByRole('tablist', { name: 'Zijpaneel' })
    .getByRole('tab', { name: /^Versies/ })
    .click();
  await expect(carla.page.getByRole('region', { name: 'Versies' })).toContainText(versionName);

  await expect(els.page.getByRole('button', { name: 'Werkvorm starten' })).toHaveCount(0);
  await band(els.page).getByRole('button', { name: 'Werkvorm sluiten' }).click();
  await expect(band(els.page)).toHaveCount(0);
  await expect(els.page.getByRole('button', { name: 'Werkvorm starten' })).toBeVisible();
  for (const user of [els, carla]) await user.context.close();
});
