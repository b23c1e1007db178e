import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createMap } from './helpers';

/**
 * What a screen reader hears on the canvas follows the app's language: a switch re-names every
 * card and link at once (not only those that change later), and React Flow's own texts (the
 * elements' usage hint, the zoom buttons) switch with them.
 */

/**
 * Each card's and link's role description and name, as the DOM gives them to a screen reader: a
 * card's `aria-label`, a link's `aria-labelledby` (the name its link renders, see LinkName).
 */
function spoken(page: Page): Promise<{ actors: string[]; links: string[] }> {
  return page.evaluate(() => {
    const name = (el: Element): string => {
      const by = el.getAttribute('aria-labelledby');
      return by ? (document.getElementById(by)?.textContent ?? '') : (el.getAttribute('aria-label') ?? '');
    };
    const read = (selector: string): string[] =>
      Array.from(document.querySelectorAll(selector)).map(
        (el) => `${el.getAttribute('aria-roledescription')} | ${name(el)}`,
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

interface NamedLink {
  id: string;
  source: string;
  from: string;
  to: string;
}

test('a link is named for a screen reader by both its ends, and follows a renamed end', async ({ page }) => {
  await createMap(page, { title: 'Verbindingsnamen', starter: true, user: 'Ann' });
  const edge = page.locator('.react-flow__edge').first();
  await expect(edge).toBeAttached();
  const id = (await edge.getAttribute('data-id'))!;
  const link = await page.evaluate((linkId) => {
    type State = {
      links: { id: string; source: string; target: string }[];
      actors: { id: string; label: string }[];
    };
    const w = window as unknown as { __ketenkaartCanvas: { store: { getState(): State } } };
    const state = w.__ketenkaartCanvas.store.getState();
    const l = state.links.find((x) => x.id === linkId)!;
    const label = (actor: string) => state.actors.find((a) => a.id === actor)!.label;
    return { id: l.id, source: l.source, from: label(l.source), to: label(l.target) } satisfies NamedLink;
  }, id);
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Chromium's own accessible name computation, through the edge's aria-labelledby.
  await expect(edge).toHaveAccessibleName(new RegExp(` van ${literal(link.from)} naar ${literal(link.to)}`));
  await page.evaluate((source) => {
    const w = window as unknown as {
      __ketenkaartCanvas: { store: { model: { updateActor(id: string, p: { label: string }): void } } };
    };
    w.__ketenkaartCanvas.store.model.updateActor(source, { label: 'Hernoemd loket' });
  }, link.source);
  await expect(edge).toHaveAccessibleName(new RegExp(` van Hernoemd loket naar ${literal(link.to)}`));
});
