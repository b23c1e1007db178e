import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createMap } from './helpers';

/**
 * What a screen reader hears on the canvas follows the app's language: a switch re-names every
 * card and link at once (not only those that change later), and React Flow's own texts (the
 * elements' usage hint, the zoom buttons) switch with them.
 */

/** Each card's and link's role description and name, as the DOM gives them to a screen reader. */
function spoken(page: Page): Promise<{ actors: string[]; links: string[] }> {
  return page.evaluate(() => {
    const read = (selector: string): string[] =>
      Array.from(document.querySelectorAll(selector)).map(
        (el) => `${el.getAttribute('aria-roledescription')} | ${el.getAttribute('aria-label') ?? ''}`,
      );
    return { actors: read('.react-flow__node-actor'), links: read('.react-flow__edge') };
  });
}

const DUTCH = {
  actor: /^actor \| .+, (fase .+|buiten de fasen)/,
  link: /^verbinding \| .+ van .+ naar .+/,
};
const ENGLISH = {
  actor: /^actor \| .+, (phase .+|outside the phases)/,
  link: /^link \| .+ from .+ to .+/,
};

/** True when every card and every link speaks `language` (and there are some of each). */
async function speaks(page: Page, language: typeof DUTCH): Promise<string> {
  const { actors, links } = await spoken(page);
  if (actors.length === 0 || links.length === 0) return 'no cards or links drawn';
  const wrong = [
    ...actors.filter((a) => !language.actor.test(a)),
    ...links.filter((l) => !language.link.test(l)),
  ];
  return wrong.length === 0 ? 'all' : `not yet: ${wrong.slice(0, 3).join(' ; ')}`;
}

test('a language switch re-names every card and link on the canvas, and React Flow’s own texts, both ways', async ({
  page,
}) => {
  await createMap(page, { title: 'Taalwissel', starter: true, user: 'Ann' });
  const nodeHint = page.locator('[id^="react-flow__node-desc"]');
  await expect.poll(() => speaks(page, DUTCH)).toBe('all');
  await expect(page.getByRole('button', { name: 'Inzoomen' })).toBeVisible();
  await expect(nodeHint).toContainText('Druk');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect.poll(() => speaks(page, ENGLISH)).toBe('all');
  await expect(page.getByRole('button', { name: 'Zoom in', exact: true })).toBeVisible();
  await expect(nodeHint).toHaveText(/^Press Enter or space to pick an element/);

  await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
  await expect.poll(() => speaks(page, DUTCH)).toBe('all');
  await expect(page.getByRole('button', { name: 'Inzoomen' })).toBeVisible();
});
