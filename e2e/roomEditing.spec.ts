import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { actor, addActor, chooseIdentity, connectTo, createMap, newUser, pickActor } from './helpers';

/** Editing that never gets in the way: placement, selection, lanes, members, links, panels. */

interface CanvasState {
  actors: { id: string; label: string; phaseId: string | null; position: { x: number; y: number } }[];
  notes: { id: string; anchor: { id: string } | null; position: { x: number; y: number } }[];
  links: { id: string; source: string; target: string }[];
  phases: { id: string; label: string }[];
}

function canvasState(page: Page): Promise<CanvasState> {
  return page.evaluate(() => {
    const w = window as unknown as { __ketenkaartCanvas: { store: { getState(): CanvasState } } };
    return JSON.parse(JSON.stringify(w.__ketenkaartCanvas.store.getState())) as CanvasState;
  });
}

const inspector = (page: Page) => page.getByRole('complementary', { name: /Eigenschappen/ });

test('elements added by click land on a free spot in view, each with its name editor focused', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Plaatsing', starter: false, user: 'Ann' });
  const canvas = (await page.locator('.kk-canvas').boundingBox())!;
  for (let i = 1; i <= 8; i++) {
    await page.getByRole('button', { name: 'Dienst toevoegen' }).click();
    const editor = page.getByRole('textbox', { name: 'Naam bewerken' });
    await expect(editor).toBeFocused();
    await page.keyboard.type(`Dienst ${i}`);
    await page.keyboard.press('Enter');
    await expect(actor(page, `Dienst ${i}`)).toBeVisible();
  }
  // Nothing selected: a free note, also on a free spot in view.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Quick-win toevoegen' }).first().click();
  const boxes = await page.locator('.react-flow__node-actor, .react-flow__node-note').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, right: r.right, bottom: r.bottom };
    }),
  );
  expect(boxes).toHaveLength(9);
  for (const [i, a] of boxes.entries()) {
    // Inside the visible canvas.
    expect(a.x).toBeGreaterThanOrEqual(canvas.x);
    expect(a.y).toBeGreaterThanOrEqual(canvas.y);
    expect(a.right).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(a.bottom).toBeLessThanOrEqual(canvas.y + canvas.height);
    // On top of nothing.
    for (const b of boxes.slice(i + 1))
      expect(a.right <= b.x || b.right <= a.x || a.bottom <= b.y || b.bottom <= a.y).toBe(true);
  }
  await context.close();
});

test('a note added to an actor stands beside it, and the next click selects only what was clicked', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Selectie', starter: true, user: 'Ann' });
  await actor(page, 'Huis van het Kind').click();
  await page.getByRole('button', { name: 'Knelpunt toevoegen' }).first().click();
  await expect(inspector(page)).toHaveAccessibleName(/Knelpunt/);
  const state = await canvasState(page);
  const host = state.actors.find((a) => a.label === 'Huis van het Kind')!;
  const note = state.notes.find((n) => n.anchor?.id === host.id)!;
  expect(note.position.y).toBe(host.position.y);
  expect(note.position.x >= host.position.x + 220 || note.position.x + 200 <= host.position.x).toBe(true);

  // The stuck selection: clicking another actor used to show "2 elementen geselecteerd".
  await actor(page, 'VDAB').click();
  await expect(inspector(page)).toHaveAccessibleName('Eigenschappen · Partner');
  await expect(inspector(page).getByLabel('Naam')).toHaveValue('VDAB');

  // Escape and a click on the empty canvas both clear a selection the canvas does not draw.
  await actor(page, 'Huis van het Kind').click();
  await page.getByRole('button', { name: 'Actie toevoegen' }).first().click();
  await expect(inspector(page)).toHaveAccessibleName(/Actie/);
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 300 } });
  await expect(inspector(page)).toHaveAccessibleName('Eigenschappen · Kaart');
  await actor(page, 'VDAB').click();
  await page.getByRole('button', { name: 'Knelpunt toevoegen' }).first().click();
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 300 } });
  await page.keyboard.press('Escape');
  await expect(inspector(page)).toHaveAccessibleName('Eigenschappen · Kaart');
  await context.close();
});

test('reordering lanes moves their actors with them, as one undo step', async ({ browser }) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Fasen', starter: true, user: 'Ann' });
  const laneOf = async (label: string) => {
    const state = await canvasState(page);
    const a = state.actors.find((x) => x.label === label)!;
    const centre = a.position.x + 110;
    const index = Math.floor(centre / 360);
    return {
      phase: state.phases.find((p) => p.id === a.phaseId)!.label,
      drawnIn: state.phases[index]?.label,
    };
  };
  expect(await laneOf('Toeleider')).toEqual({ phase: 'Toeleiding', drawnIn: 'Toeleiding' });
  await page.getByRole('tablist', { name: 'Zijpaneel' }).getByRole('tab', { name: 'Fasen' }).click();
  await page.getByRole('button', { name: '‘Toeleiding’ naar voren' }).click();
  await expect(page.getByRole('button', { name: '‘Toeleiding’ naar voren' })).toBeFocused();
  expect(await laneOf('Toeleider')).toEqual({ phase: 'Toeleiding', drawnIn: 'Toeleiding' });
  expect(await laneOf('Onthaalgesprek')).toEqual({
    phase: 'Onthaal & eerste contact',
    drawnIn: 'Onthaal & eerste contact',
  });
  // On screen: the card stands under its lane's header.
  const lane = await page.locator('.react-flow__node-lane').filter({ hasText: 'Toeleiding' }).boundingBox();
  const card = await actor(page, 'Toeleider').boundingBox();
  expect(card!.x).toBeGreaterThan(lane!.x);
  expect(card!.x + card!.width).toBeLessThan(lane!.x + lane!.width);

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await canvasState(page)).phases.map((p) => p.label)[2]).toBe('Toeleiding');
  expect(await laneOf('Toeleider')).toEqual({ phase: 'Toeleiding', drawnIn: 'Toeleiding' });
  expect(await laneOf('Onthaalgesprek')).toEqual({
    phase: 'Onthaal & eerste contact',
    drawnIn: 'Onthaal & eerste contact',
  });
  await context.close();
});

test('a link drawn backwards attaches on the facing sides instead of looping around', async ({ browser }) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Terug', starter: false, user: 'Ann' });
  await addActor(page, 'Dienst', 'Links');
  await addActor(page, 'Dienst', 'Rechts');
  const before = await canvasState(page);
  const left = before.actors.find((a) => a.label === 'Links')!;
  const right = before.actors.find((a) => a.label === 'Rechts')!;
  // Side by side in view (a blank map keeps the default viewport: flow = screen from the canvas'
  // top-left): Links on the left, Rechts 180 px to its right.
  await page.evaluate(
    (moves) => {
      const w = window as unknown as {
        __ketenkaartCanvas: { store: { model: { moveActors(m: unknown[]): void } } };
      };
      w.__ketenkaartCanvas.store.model.moveActors(moves);
    },
    [
      { id: left.id, position: { x: 60, y: 200 } },
      { id: right.id, position: { x: 460, y: 200 } },
    ],
  );
  await actor(page, 'Rechts').click();
  await connectTo(inspector(page), 'Links');
  const d = await page.locator('.react-flow__edge-path').first().getAttribute('d');
  const numbers = d!.match(/-?\d+(\.\d+)?/g)!.map(Number);
  // Leaves Rechts on its left side and enters Links on its right side.
  expect(numbers[0]).toBeCloseTo(460, 0);
  expect(numbers.at(-2)).toBeCloseTo(60 + 220, 0);
  await context.close();
});

test('a samenwerkingsverband lists its members in the inspector, adds and removes them, and counts them on its card', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  await page.goto('/');
  await page
    .getByRole('button', { name: /als nieuwe kaart openen/ })
    .first()
    .click();
  await page.waitForURL(/#\/kaart\//);
  await chooseIdentity(page, 'Ann');
  await page.getByLabel('Actor zoeken op naam').fill('welzijn');
  const card = actor(page, 'Lokaal welzijnsoverleg');
  await card.click();
  const members = inspector(page).getByRole('region', { name: /Leden/ });
  await expect(members).toHaveAccessibleName('Leden (2)');
  await expect(members.getByRole('listitem')).toHaveText(['Huis van het Kind×', 'Sociaal Huis / OCMW×']);
  await expect(card.locator('[data-mark="members"]')).toHaveText('2 leden');
  await pickActor(members, 'Lid toevoegen', 'VDAB');
  await members.getByRole('button', { name: 'Lid toevoegen' }).click();
  await expect(members).toHaveAccessibleName('Leden (3)');
  await expect(card.locator('[data-mark="members"]')).toHaveText('3 leden');
  await members.getByRole('button', { name: '‘Huis van het Kind’ als lid verwijderen' }).click();
  await expect(members).toHaveAccessibleName('Leden (2)');
  await expect(card.locator('[data-mark="members"]')).toHaveText('2 leden');
  // Membership links stay the model: one was added, one removed.
  const state = await canvasState(page);
  expect(
    state.links.filter(
      (l) => l.target === state.actors.find((a) => a.label === 'Lokaal welzijnsoverleg')!.id,
    ),
  ).toHaveLength(2);
  await context.close();
});

test('an active filter shows on the canvas, says when nothing matches, and clears from there', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Filter', starter: true, user: 'Ann' });
  const chip = page.locator('.kk-filter-chip');
  await expect(chip).toHaveCount(0);
  await page.getByLabel('Actor zoeken op naam').fill('vdab');
  await expect(chip).toContainText('Filter actief: 1 actor zichtbaar');
  await expect(actor(page, 'VDAB')).toBeInViewport();
  await page.getByLabel('Actor zoeken op naam').fill('geen-zulke-actor');
  await expect(chip).toContainText('Geen actoren gevonden met deze filters');
  await chip.getByRole('button', { name: 'Filter wissen' }).click();
  await expect(chip).toHaveCount(0);
  await expect(page.getByLabel('Actor zoeken op naam')).toHaveValue('');
  await context.close();
});

test('side panels fold away separately and stay folded on this device; P presents and Escape leaves', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Panelen', starter: true, user: 'Ann' });
  await page.getByRole('button', { name: 'Linkerpaneel verbergen' }).click();
  await expect(page.locator('.kk-sidebar')).toHaveCount(0);
  await expect(page.locator('.kk-sidepanel')).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Linkerpaneel tonen' })).toBeVisible();
  await expect(page.locator('.kk-sidebar')).toHaveCount(0);
  await page.getByRole('button', { name: 'Rechterpaneel verbergen' }).click();
  await expect(page.locator('.kk-sidepanel')).toHaveCount(0);
  await page.getByRole('button', { name: 'Linkerpaneel tonen' }).click();
  await expect(page.locator('.kk-sidebar')).toHaveCount(1);

  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 300 } });
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Presentatie verlaten' })).toBeVisible();
  await expect(page.locator('.kk-topbar')).toHaveCount(0);
  await expect(page.locator('.kk-palette')).toHaveCount(0);
  // The map's title and a compact legend stand above the map; presence stays: who is here is shown.
  await expect(page.locator('.kk-present-bar').getByRole('heading', { name: 'Panelen' })).toBeVisible();
  await expect(page.locator('.kk-present-bar .kk-compact-legend')).toContainText('Warme overdracht');
  await expect(page.locator('.kk-present-bar .kk-avatar--me')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.kk-topbar')).toHaveCount(1);
  await context.close();
});
