import { expect, test } from './fixtures';
import { actor, addActor, chooseIdentity, createMap, newUser, shareMap } from './helpers';

test('undo reverts only one’s own change while someone else keeps editing', async ({ browser }) => {
  const ann = await newUser(browser);
  const bert = await newUser(browser);
  await createMap(ann.page, { title: 'Ongedaan', starter: false, user: 'Ann' });
  const { editLink } = await shareMap(ann.page);
  await bert.page.goto(editLink);
  await chooseIdentity(bert.page, 'Bert');

  await addActor(ann.page, 'Dienst', 'Van Ann');
  await addActor(bert.page, 'Partner', 'Van Bert');
  await expect(actor(ann.page, 'Van Bert')).toBeVisible();

  // Bert keeps editing while Ann undoes.
  await actor(bert.page, 'Van Bert').click();
  const bertInspector = bert.page.getByRole('complementary', { name: /Eigenschappen/ });
  await bertInspector.getByLabel('Contact').fill('info@vdab.be');

  await ann.page.locator('.react-flow__pane').click({ position: { x: 300, y: 500 } });
  await ann.page.keyboard.press('Control+z');
  await expect(actor(ann.page, 'Van Ann')).toHaveCount(0);
  await expect(actor(bert.page, 'Van Ann')).toHaveCount(0);
  await expect(actor(ann.page, 'Van Bert')).toBeVisible();
  await expect(bertInspector.getByLabel('Contact')).toHaveValue('info@vdab.be');

  // Undo again: nothing of Bert's is touched. Redo brings Ann's actor back.
  await ann.page.keyboard.press('Control+z');
  await expect(actor(ann.page, 'Van Bert')).toBeVisible();
  await ann.page.keyboard.press('Control+Shift+z');
  await expect(actor(bert.page, 'Van Ann')).toBeVisible();
  await ann.page.keyboard.press('Control+z');
  await ann.page.keyboard.press('Control+y');
  await expect(actor(bert.page, 'Van Ann')).toBeVisible();
  await ann.context.close();
  await bert.context.close();
});

test('an element added and then named slowly in the editor that opened is still one undo step', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  // A fake clock: a pause between keystrokes longer than an undo step's capture time, without sleeping.
  await page.clock.install();
  await createMap(page, { title: 'Traag benoemd', starter: false, user: 'Ann' });
  await page.getByRole('button', { name: 'Dienst toevoegen' }).click();
  const editor = page.getByRole('textbox', { name: 'Naam bewerken' });
  await expect(editor).toBeFocused();
  for (const part of ['Burger', 'zaken']) {
    await page.keyboard.type(part);
    await page.clock.fastForward(2000);
  }
  await page.keyboard.press('Enter');
  await expect(actor(page, 'Burgerzaken')).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 300, y: 500 } });
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node-actor')).toHaveCount(0);
  await context.close();
});
