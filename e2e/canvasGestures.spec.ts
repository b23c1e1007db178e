import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { actor, addActor, centreOf, createMap, dropActor, newUser } from './helpers';

function inspector(page: Page) {
  return page.getByRole('complementary', { name: /Eigenschappen/ });
}

/** Presses Tab until `target` has focus: reaching it by keyboard alone. */
async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with ${maxPresses} Tab presses`);
}

/** Drags with the real mouse from one point to another in small steps. */
async function mouseDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 5, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

test('actors dragged from the palette land where they are dropped', async ({ browser }) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Slepen', starter: false, user: 'Ann' });
  // A first actor by click, so the drops below land on a map that already has one.
  await addActor(page, 'Rol', 'Coördinator');
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  const spots = [
    { kind: 'Dienst', label: 'Onthaalbureau', at: { x: pane.x + 200, y: pane.y + 150 } },
    { kind: 'Partner', label: 'VDAB', at: { x: pane.x + pane.width - 250, y: pane.y + pane.height - 200 } },
  ];
  for (const { kind, label, at } of spots) {
    await dropActor(page, kind, label, at);
    const box = await actor(page, label).boundingBox();
    expect(box).not.toBeNull();
    // The drop point is inside the new actor.
    expect(at.x).toBeGreaterThan(box!.x);
    expect(at.x).toBeLessThan(box!.x + box!.width);
    expect(at.y).toBeGreaterThan(box!.y);
    expect(at.y).toBeLessThan(box!.y + box!.height);
  }
  await expect(page.locator('.react-flow__node-actor')).toHaveCount(3);
  await context.close();
});

// On a map that opened with no actors, React Flow's initial fit must not run when the first node
// appears: the first dropped actor stays under the pointer.
test('the first actor dropped on a blank map stays under the pointer', async ({ browser }) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Leeg', starter: false, user: 'Ann' });
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  const at = { x: pane.x + 200, y: pane.y + 150 };
  await dropActor(page, 'Dienst', 'Eerste', at);
  const box = await actor(page, 'Eerste').boundingBox();
  expect(box).not.toBeNull();
  expect(at.x).toBeGreaterThan(box!.x);
  expect(at.x).toBeLessThan(box!.x + box!.width);
  expect(at.y).toBeGreaterThan(box!.y);
  expect(at.y).toBeLessThan(box!.y + box!.height);
  await context.close();
});

test('a link drawn from one handle to another gets the chosen kind, and reverses in place', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Verbinden', starter: false, user: 'Ann' });
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  await dropActor(page, 'Overdrachtspunt', 'Onthaal', { x: pane.x + 250, y: pane.y + 250 });
  await dropActor(page, 'Dienst', 'Taalcursus', { x: pane.x + 650, y: pane.y + 400 });

  await page.getByText('Warme overdracht', { exact: true }).click();
  const from = await centreOf(actor(page, 'Onthaal').locator('.react-flow__handle.source'));
  const to = await centreOf(actor(page, 'Taalcursus').locator('.react-flow__handle.target'));
  await mouseDrag(page, from, to);

  const edge = page.locator('.react-flow__edge');
  await expect(edge).toHaveCount(1);
  await expect(edge).toHaveClass(/kk-link--warm/);
  // The new link is selected: the inspector shows its ends.
  const ends = inspector(page).locator('.kk-inspector__ends');
  await expect(ends).toContainText('Van: Onthaal');
  await expect(ends).toContainText('Naar: Taalcursus');
  const edgeId = await edge.getAttribute('data-id');

  await inspector(page).getByRole('button', { name: 'Richting omkeren' }).click();
  await expect(ends).toContainText('Van: Taalcursus');
  await expect(ends).toContainText('Naar: Onthaal');
  // Same link, same kind, still selected: reversing keeps its id.
  await expect(edge).toHaveCount(1);
  await expect(edge).toHaveAttribute('data-id', edgeId!);
  await expect(edge).toHaveClass(/kk-link--warm/);
  await context.close();
});

test('Ctrl+C / Ctrl+V copies a selection with its link; Delete removes the pasted copies', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Kopiëren', starter: false, user: 'Ann' });
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  await dropActor(page, 'Doelgroep', 'Nieuwkomers', { x: pane.x + 200, y: pane.y + 200 });
  await dropActor(page, 'Rol', 'Buddy', { x: pane.x + 550, y: pane.y + 200 });
  await mouseDrag(
    page,
    await centreOf(actor(page, 'Nieuwkomers').locator('.react-flow__handle.source')),
    await centreOf(actor(page, 'Buddy').locator('.react-flow__handle.target')),
  );
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  await actor(page, 'Nieuwkomers').click();
  await actor(page, 'Buddy').click({ modifiers: ['Shift'] });
  await expect(page.locator('.react-flow__node-actor.selected')).toHaveCount(2);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(actor(page, 'Nieuwkomers')).toHaveCount(2);
  await expect(actor(page, 'Buddy')).toHaveCount(2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // The pasted copies are the selection; Delete removes them and their link, not the originals.
  await expect(page.locator('.react-flow__node-actor.selected')).toHaveCount(2);
  await page.keyboard.press('Delete');
  await expect(actor(page, 'Nieuwkomers')).toHaveCount(1);
  await expect(actor(page, 'Buddy')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await context.close();
});

test('keyboard only: add an actor from the palette, move and delete it, undo and redo', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Toetsenbord', starter: false, user: 'Ann' });

  await tabTo(page, page.getByRole('button', { name: 'Samenwerkingsverband toevoegen' }));
  await page.keyboard.press('Enter');
  const editor = page.getByRole('textbox', { name: 'Naam bewerken' });
  await expect(editor).toBeFocused();
  await page.keyboard.type('Welzijnsoverleg');
  await page.keyboard.press('Enter');
  await expect(actor(page, 'Welzijnsoverleg')).toBeVisible();

  // Undo and redo from the keyboard.
  await page.keyboard.press('Control+z');
  await expect(actor(page, 'Welzijnsoverleg')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(actor(page, 'Welzijnsoverleg')).toBeVisible();

  // Reach the actor with Tab, select it with Enter, move it with the arrow keys, delete it.
  const node = actor(page, 'Welzijnsoverleg');
  await tabTo(page, node);
  await page.keyboard.press('Enter');
  await expect(node).toHaveClass(/selected/);
  const before = await node.boundingBox();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await node.boundingBox())!.x).toBeGreaterThan(before!.x);
  await page.keyboard.press('Delete');
  await expect(actor(page, 'Welzijnsoverleg')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(actor(page, 'Welzijnsoverleg')).toBeVisible();
  await context.close();
});
