import { expect, test } from '@playwright/test';
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
