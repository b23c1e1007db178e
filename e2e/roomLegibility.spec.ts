import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { actor, addActor, chooseIdentity, createMap } from './helpers';

/**
 * A map the whole room can read: presented at a projector's 1280×720, every actor's name renders at
 * 12 CSS px or more on screen (its computed font size times the canvas zoom, read from the layout,
 * not from a picture), every actor is on screen, and no name is cut without an ellipsis.
 */
const PROJECTOR = { width: 1280, height: 720 };
const SET = process.env.SCREENSHOT_SET ?? 'latest';

interface LabelReport {
  text: string;
  onScreenPx: number;
  cutSideways: boolean;
  cutWithoutEllipsis: boolean;
  outsideCard: boolean;
  offScreen: boolean;
}

async function measureLabels(page: Page): Promise<{ actors: number; labels: LabelReport[] }> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.kk-canvas')!.getBoundingClientRect();
    const w = window as unknown as { __ketenkaartCanvas: { store: { getState(): { actors: unknown[] } } } };
    const labels = [
      ...document.querySelectorAll<HTMLElement>('.react-flow__node-actor .kk-actor__label'),
    ].map((el) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const card = el.closest('.react-flow__node')!.getBoundingClientRect();
      // Screen size over layout size: the zoom (and any other scaling) the label is drawn at.
      const scale = box.width / el.offsetWidth;
      const clipped = el.scrollHeight > el.clientHeight + 1;
      return {
        text: el.textContent ?? '',
        onScreenPx: Number.parseFloat(style.fontSize) * scale,
        cutSideways: el.scrollWidth > el.clientWidth + 1,
        // A clamped label ends in an ellipsis: Chromium draws one at the end of the last line it
        // keeps under -webkit-line-clamp (its computed display is then flow-root or -webkit-box).
        cutWithoutEllipsis: clipped && style.webkitLineClamp !== '3',
        outsideCard:
          box.left < card.left - 1 ||
          box.right > card.right + 1 ||
          box.top < card.top - 1 ||
          box.bottom > card.bottom + 1,
        offScreen:
          card.left < canvas.left ||
          card.right > canvas.right ||
          card.top < canvas.top ||
          card.bottom > canvas.bottom,
      };
    });
    return { actors: w.__ketenkaartCanvas.store.getState().actors.length, labels };
  });
}

async function openDemo(browser: Browser, index: number | 'starter') {
  const context = await browser.newContext({ viewport: PROJECTOR });
  const page = await context.newPage();
  if (index === 'starter') {
    await createMap(page, { title: 'Ketenaanpak Ninove', starter: true, user: 'Ann' });
  } else {
    await page.goto('/');
    await page
      .getByRole('button', { name: /als nieuwe kaart openen/ })
      .nth(index)
      .click();
    await page.waitForURL(/#\/kaart\//);
    await chooseIdentity(page, 'Ann');
  }
  return { context, page };
}

/** Waits until the viewport stops moving (the fit after going full screen). */
async function settledViewport(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(async () => {
      const now = await page.locator('.react-flow__viewport').getAttribute('style');
      const same = now === last;
      last = now ?? '';
      return same;
    })
    .toBe(true);
}

for (const map of ['starter', 0, 1, 2] as const) {
  test(`presented at 1280×720, every actor name of ${map === 'starter' ? 'the starter' : `demo map ${map + 1}`} is on screen at ≥ 12 px and never cut without an ellipsis`, async ({
    browser,
  }) => {
    const { context, page } = await openDemo(browser, map);
    await page.getByRole('button', { name: 'Presenteren' }).click();
    await expect(page.getByRole('button', { name: 'Presentatie verlaten' })).toBeVisible();
    await expect(page.locator('.kk-sidebar')).toHaveCount(0);
    await expect(page.locator('.kk-sidepanel')).toHaveCount(0);
    await page.mouse.move(1, 1);
    await settledViewport(page);
    await page.screenshot({ path: `e2e/screenshots/${SET}/present-${map}-1280x720.png` });
    const { actors, labels } = await measureLabels(page);
    expect(labels.length).toBe(actors);
    for (const label of labels) {
      expect.soft(label.onScreenPx, label.text).toBeGreaterThanOrEqual(12);
      expect.soft(label.cutSideways, label.text).toBe(false);
      expect.soft(label.cutWithoutEllipsis, label.text).toBe(false);
      expect.soft(label.outsideCard, label.text).toBe(false);
      expect.soft(label.offScreen, label.text).toBe(false);
    }
    // Link labels sit between the cards, never on top of one or of each other, and on screen;
    // handovers show their owner.
    const misplaced = await page.evaluate(() => {
      const hit = (r: DOMRect, c: DOMRect) =>
        r.left < c.right && c.left < r.right && r.top < c.bottom && c.top < r.bottom;
      const canvas = document.querySelector('.kk-canvas')!.getBoundingClientRect();
      const cards = [...document.querySelectorAll('.react-flow__node-actor')].map((c) =>
        c.getBoundingClientRect(),
      );
      const labels = [...document.querySelectorAll<HTMLElement>('.kk-link-label')];
      const boxes = labels.map((l) => l.getBoundingClientRect());
      return labels
        .filter((_, i) => {
          const r = boxes[i]!;
          const offScreen =
            r.left < canvas.left || r.right > canvas.right || r.top < canvas.top || r.bottom > canvas.bottom;
          return offScreen || cards.some((c) => hit(r, c)) || boxes.some((b, j) => j !== i && hit(r, b));
        })
        .map((label) => label.textContent);
    });
    expect(misplaced).toEqual([]);
    if (map !== 'starter')
      await expect(page.locator('.kk-link-label [data-mark="owner"]').first()).toBeVisible();
    // A handover's "gegevens gedeeld" mark is whole (the first demo map shares data on a handover).
    if (map === 0) {
      const mark = page.locator('.kk-link-label [data-mark="dataShared"]').first();
      await expect(mark).toHaveText('gegevens gedeeld');
      const whole = await mark.evaluate(
        (el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1,
      );
      expect(whole).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Presenteren' })).toBeVisible();
    await context.close();
  });
}

test('a name longer than three lines ends in an ellipsis, and shows whole on hover and on keyboard focus', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: PROJECTOR });
  const page = await context.newPage();
  await createMap(page, { title: 'Lange namen', starter: false, user: 'Ann' });
  const name = 'Agentschap Integratie en Inburgering, afdeling Oost-Vlaanderen, team Denderstreek en Aalst';
  await addActor(page, 'Partner', name);
  await addActor(page, 'Dienst', 'Kort');
  const card = actor(page, name);
  const label = card.locator('.kk-actor__label');
  await expect(label).toHaveAttribute('title', name);
  const clipped = () => label.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
  await page.mouse.move(1, 1);
  await expect.poll(clipped).toBe(true);
  await card.hover();
  await expect.poll(clipped).toBe(false);
  await page.mouse.move(1, 1);
  await expect.poll(clipped).toBe(true);
  // Keyboard focus (after a key press, focus is shown as keyboard focus: :focus-visible).
  await page.keyboard.press('Shift');
  await card.focus();
  expect(await card.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
  await expect.poll(clipped).toBe(false);
  await context.close();
});
