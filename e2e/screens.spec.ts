import { expect, test } from './fixtures';
import { actor, addActor } from './helpers';

/**
 * The four screens people see most, at a projector's size and at full HD, saved under the
 * git-ignored e2e/screenshots/<SCREENSHOT_SET>/ (default `latest`) so that a styling change can be
 * looked at, and compared pixel by pixel with a set taken before it.
 */
const SET = process.env.SCREENSHOT_SET ?? 'latest';
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

for (const size of SIZES) {
  test(`home, editor, action plan and version compare render at ${size.width}×${size.height}`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: size });
    const page = await context.newPage();
    const shot = (name: string) =>
      page.screenshot({ path: `e2e/screenshots/${SET}/${name}-${size.width}x${size.height}.png` });

    // A demo map: every kind of actor, notes and findings.
    await page.goto('/');
    await page
      .getByRole('button', { name: /als nieuwe kaart openen/ })
      .first()
      .click();
    await page.waitForURL(/#\/kaart\//);
    // The first colour, not the random default: the avatar looks the same in every set.
    const identity = page.getByRole('dialog', { name: 'Wie ben je?' });
    await identity.getByLabel('Je naam').fill('Ann');
    await identity.getByRole('radio', { name: 'Kleur 1' }).check();
    await identity.getByRole('button', { name: 'Verder' }).click();
    // This test is about the screens, not about selection (roomEditing.spec's "the next click
    // selects only what was clicked" pins that). The click right after the identity dialog closed
    // was lost in about 1 of 6 runs on a loaded machine: the card never showed in the inspector,
    // cause not found yet. Select again until the inspector shows it.
    const inspector = page.getByRole('complementary', { name: /Eigenschappen/ });
    await expect(async () => {
      await actor(page, 'VDAB').click();
      await expect(inspector).toContainText('Brugfunctie', { timeout: 3_000 });
    }).toPass({ timeout: 20_000 });
    await shot('editor');

    await page.getByRole('tablist', { name: 'Weergave' }).getByRole('tab', { name: 'Actieplan' }).click();
    await expect(page.getByRole('region', { name: 'Actieplan' })).toBeVisible();
    await shot('action-plan');

    await page.getByRole('tablist', { name: 'Weergave' }).getByRole('tab', { name: 'Kaart' }).click();
    const sideTabs = page.getByRole('tablist', { name: 'Zijpaneel' });
    await sideTabs.getByRole('tab', { name: /^Versies/ }).click();
    const versions = page.getByRole('region', { name: 'Versies' });
    await versions.getByLabel('Naam van de versie').fill('Na workshop 1');
    await versions.getByRole('button', { name: 'Versie bewaren' }).click();
    await addActor(page, 'Dienst', 'Taalpunt');
    await sideTabs.getByRole('tab', { name: /^Versies/ }).click();
    await page.getByRole('button', { name: 'Vergelijken met ‘Na workshop 1’' }).click();
    await expect(page.getByRole('region', { name: 'Vergelijking' }).getByRole('status')).toHaveText(
      '1 actor toegevoegd',
    );
    await expect(actor(page, 'Taalpunt')).toHaveClass(/kk-deco--added/);
    await shot('versions-compare');

    await page.goto('/');
    await expect(
      page.getByRole('list', { name: 'Kaarten op dit toestel' }).getByRole('listitem'),
    ).toHaveCount(1);
    await shot('home');
    await context.close();
  });
}
