import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { actor, createMap } from './helpers';

/**
 * A big map (1,000 actors, 2,000 links, as in bench/browser.bench.ts) behaves like a small one:
 * selecting a card mounts a picker without a thousand rows, a drag lifts the card onto a layer of
 * its own and puts it back, and the map looks as it should at a projector's size and
 * at full HD (screenshots under the git-ignored e2e/screenshots/latest/).
 */
const ACTORS = 1000;
// Seeding and drawing a thousand cards takes a while on a loaded 2-core machine.
test.describe.configure({ timeout: 180_000 });
const LINKS = 2000;

async function seedBigMap(page: Page): Promise<void> {
  await page.evaluate(
    ([actors, links]) => {
      type Model = {
        transact(f: () => void): void;
        addActor(input: object): string;
        addLink(input: object): string;
      };
      const model = (window as unknown as { __ketenkaart: { session: { model: Model } } }).__ketenkaart
        .session.model;
      model.transact(() => {
        const ids: string[] = [];
        for (let i = 0; i < actors; i++)
          ids.push(
            model.addActor({
              kind: 'service',
              label: `actor-${i}`,
              position: { x: (i % 40) * 220, y: Math.floor(i / 40) * 140 },
            }),
          );
        for (let i = 0; i < links; i++)
          model.addLink({ kind: 'handover', source: ids[i % actors], target: ids[(i * 7 + 1) % actors] });
      });
    },
    [ACTORS, LINKS] as const,
  );
  await expect(page.locator('.react-flow__node-actor').first()).toBeVisible();
}

/**
 * A card in the second row and column: always in view after seeding, and never under the legend,
 * which covers the map's top-left corner (actor-0). `.first()` is no such card: React Flow's DOM
 * order follows its rendering, not the seed's.
 */
function clearCard(page: Page) {
  return actor(page, 'actor-41');
}

test('on a big map the connect picker lists a few actors until searched', async ({ page }) => {
  await createMap(page, { title: 'Grote kaart', starter: false, user: 'Ann' });
  await seedBigMap(page);
  await clearCard(page).click();
  const inspector = page.getByRole('complementary', { name: /Eigenschappen/ });
  const picker = inspector.getByRole('combobox', { name: 'Verbinden met…' });
  const rows = inspector.getByRole('listbox', { name: 'Verbinden met…' }).getByRole('option');
  await expect(picker).toBeVisible();
  // Closed: no rows at all.
  await expect(rows).toHaveCount(0);
  await picker.focus();
  await expect(rows).toHaveCount(30);
  await expect(inspector.getByText('Nog 969 actoren: typ een deel van de naam.')).toBeVisible();
  await picker.fill('actor-99');
  // actor-99 and actor-990 … actor-999, less the selected card if it is one of them.
  await expect(rows.filter({ hasText: /^actor-99$/ })).toHaveCount(1);
  const texts = await rows.allTextContents();
  expect(texts.length).toBeGreaterThanOrEqual(10);
  expect(texts.every((text) => text.startsWith('actor-99'))).toBe(true);
  await picker.press('Escape');
  await expect(rows).toHaveCount(0);
});

test('a drag on a big map lifts the card and its links onto layers of their own, and puts them back', async ({
  page,
}) => {
  await createMap(page, { title: 'Grote kaart', starter: false, user: 'Ann' });
  await seedBigMap(page);
  // The card nearest the canvas' centre: clear of the panels over the canvas' edges.
  const id = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    let best = '';
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const el of document.querySelectorAll('.react-flow__node-actor')) {
      const r = el.getBoundingClientRect();
      const d = Math.hypot(
        r.left + r.width / 2 - (pane.left + pane.width / 2),
        r.top + r.height / 2 - (pane.top + pane.height / 2),
      );
      if (d < bestDistance) {
        bestDistance = d;
        best = el.getAttribute('data-id') ?? '';
      }
    }
    return best;
  });
  const card = page.locator(`.react-flow__node[data-id="${id}"]`);
  const label = (await card.getByTestId(/^actor-/).getAttribute('data-testid'))!.replace(/^actor-/, '');
  const box = (await card.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30, { steps: 5 });
  const dragging = page.locator('.react-flow__node.dragging');
  await expect(dragging).toHaveCount(1);
  expect(await dragging.evaluate((el) => getComputedStyle(el).willChange)).toBe('transform');
  // Its links too, each on a layer of its own (redrawing them does not re-raster the map under them).
  const moving = page.locator('.react-flow__edges g.react-flow__edge.kk-link--moving');
  await expect(moving.first()).toBeAttached();
  expect(await moving.first().evaluate((el) => getComputedStyle(el.parentElement!).willChange)).toBe(
    'transform',
  );
  await page.mouse.up();
  await expect(dragging).toHaveCount(0);
  await expect(moving).toHaveCount(0);
  expect(await card.evaluate((el) => getComputedStyle(el).willChange)).toBe('auto');
  // The inspector catches up with the card the drag selected once the pointer is released.
  await expect(page.getByRole('complementary', { name: /Eigenschappen/ }).getByLabel('Naam')).toHaveValue(
    label,
  );
});

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const)
  test(`the big map renders at ${size.width}×${size.height}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: size });
    const page = await context.newPage();
    await createMap(page, { title: 'Grote kaart', starter: false, user: 'Ann' });
    await seedBigMap(page);
    await clearCard(page).click();
    await page.screenshot({ path: `e2e/screenshots/latest/big-map-${size.width}x${size.height}.png` });
    await context.close();
  });
