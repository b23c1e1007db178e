import { expect, test } from './fixtures';
import { createMap, newUser } from './helpers';

test('a phase is renamed on Enter, trimmed; an emptied name or Escape brings the old one back', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Fasen Halle', starter: true, user: 'Ann' });
  await page
    .getByRole('tablist', { name: 'Zijpaneel' })
    .getByRole('tab', { name: /^Fasen/ })
    .click();
  const name = page.getByRole('textbox', { name: 'Naam van fase 1' });
  const original = await name.inputValue();
  const lane = page.locator('.react-flow__node-lane').first();

  await name.fill('   ');
  await name.press('Enter');
  await expect(name).toHaveValue(original);

  await name.fill('Iets anders');
  await name.press('Escape');
  await expect(name).toHaveValue(original);

  await name.fill('  Aankomst in de gemeente  ');
  await name.press('Enter');
  await expect(name).toHaveValue('Aankomst in de gemeente');
  await expect(lane).toContainText('Aankomst in de gemeente');
  await page.reload();
  await expect(page.locator('.react-flow__node-lane').first()).toContainText('Aankomst in de gemeente');
  await context.close();
});
