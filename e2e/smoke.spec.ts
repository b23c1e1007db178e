import { expect, test } from './fixtures';
import { createMap, newUser, shareMap, status } from './helpers';

test('the real server serves the app, and a shared map connects and saves', async ({ browser }) => {
  const { context, page } = await newUser(browser);
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('heading', { name: 'Mijn kaarten' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/home-empty.png' });

  await createMap(page, { title: 'Rookproef', starter: true, user: 'Ann' });
  await expect(status(page)).toHaveText('alleen op dit toestel');
  await expect(page.locator('.react-flow__node-actor').first()).toBeVisible();
  await shareMap(page);
  await expect(status(page)).toHaveText('opgeslagen');
  await page.screenshot({ path: 'e2e/screenshots/editor-starter.png' });
  await context.close();
});
