import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { actor, addActor, annSharesWithBert, status } from './helpers';

/**
 * Two people typing into one field at once (the workshop case that used to garble both texts into
 * "EKlasr:i mt:r acjoencttabcetg…"): each keeps their own words whole, each caret stays where its
 * owner types, and each sees who else is typing in the field.
 */

const ANN = 'Els: trajectbegeleiding werk.';
const BERT = 'Karim: contact via OCMW.';

function description(page: Page) {
  return page.getByRole('complementary', { name: /Eigenschappen/ }).getByLabel('Beschrijving');
}

test('two people typing alternately into one description each keep their words intact', async ({
  browser,
}) => {
  const { ann, bert } = await annSharesWithBert(browser, { title: 'Samen typen', starter: false });
  await addActor(ann.page, 'Dienst', 'Toeleider');
  await expect(actor(bert.page, 'Toeleider')).toBeVisible();
  await actor(ann.page, 'Toeleider').click();
  await actor(bert.page, 'Toeleider').click();
  await description(ann.page).click();
  await description(bert.page).click();

  // Each keystroke waits until the other side shows it: the alternating order of the report.
  let expected = 0;
  for (let i = 0; i < Math.max(ANN.length, BERT.length); i++) {
    for (const [page, other, text] of [
      [ann.page, bert.page, ANN],
      [bert.page, ann.page, BERT],
    ] as const) {
      const ch = text[i];
      if (ch === undefined) continue;
      await page.keyboard.type(ch);
      expected++;
      await expect.poll(async () => (await description(other).inputValue()).length).toBe(expected);
    }
  }
  const annValue = await description(ann.page).inputValue();
  expect(annValue).toContain(ANN);
  expect(annValue).toContain(BERT);
  await expect(description(bert.page)).toHaveValue(annValue);

  // Each sees the other on the field, in their colour and with their name.
  const annField = ann.page.locator('.kk-field--shared');
  await expect(annField.locator('.kk-peer-tag')).toHaveText('Bert');
  await expect(bert.page.locator('.kk-field--shared .kk-peer-tag')).toHaveText('Ann');
  // The field is outlined in the peer's own colour, the colour of their tag.
  const tagColour = await annField
    .locator('.kk-peer-tag')
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(tagColour).not.toBe('rgba(0, 0, 0, 0)');
  await expect(description(ann.page)).toHaveCSS('outline-color', tagColour);
  await ann.page.screenshot({ path: 'e2e/screenshots/concurrent-typing.png' });

  // Now both type at full speed without waiting: still no interleaving.
  await Promise.all([ann.page.keyboard.type(' Ann typt snel.'), bert.page.keyboard.type(' Bert ook.')]);
  await expect
    .poll(async () => [await description(ann.page).inputValue(), await description(bert.page).inputValue()])
    .toEqual([expect.stringContaining(' Ann typt snel.'), expect.stringContaining(' Bert ook.')]);
  await expect
    .poll(
      async () => (await description(ann.page).inputValue()) === (await description(bert.page).inputValue()),
    )
    .toBe(true);
  const both = await description(ann.page).inputValue();
  for (const words of [ANN, BERT, ' Ann typt snel.', ' Bert ook.']) expect(both).toContain(words);

  // Ctrl+Z in the field undoes Ann's own typing, never Bert's.
  await ann.page.keyboard.press('Control+z');
  await expect(description(ann.page)).not.toHaveValue(both);
  const undone = await description(ann.page).inputValue();
  expect(undone).toContain(BERT);
  expect(undone).toContain(' Bert ook.');
  await expect(description(bert.page)).toHaveValue(undone);

  // Moving to another field moves the name along on the other side.
  await ann.page
    .getByRole('complementary', { name: /Eigenschappen/ })
    .getByLabel('Naam')
    .click();
  const bertShared = bert.page.locator('.kk-field--shared');
  await expect(bertShared).toHaveCount(1);
  await expect(bertShared.getByLabel('Naam')).toBeVisible();
  await expect(bertShared.locator('.kk-peer-tag')).toHaveText('Ann');
  await expect(status(ann.page)).toHaveText('opgeslagen');
  await expect(status(bert.page)).toHaveText('opgeslagen');
  await ann.context.close();
  await bert.context.close();
});

test('a label typed on the canvas and in the inspector at once keeps both edits', async ({ browser }) => {
  const { ann, bert } = await annSharesWithBert(browser, { title: 'Samen een naam', starter: false });
  await addActor(ann.page, 'Dienst', 'Onthaal');
  await expect(actor(bert.page, 'Onthaal')).toBeVisible();
  // Bert types in the inspector at the end of the name; Ann renames on the canvas at the start.
  await actor(bert.page, 'Onthaal').click();
  const bertLabel = bert.page.getByRole('complementary', { name: /Eigenschappen/ }).getByLabel('Naam');
  await bertLabel.click();
  await bertLabel.press('End');
  await actor(ann.page, 'Onthaal').dblclick();
  const inline = ann.page.getByRole('textbox', { name: 'Naam bewerken' });
  await inline.press('Home');
  await inline.pressSequentially('Lokaal ');
  await bertLabel.pressSequentially(' stad');
  await expect(bertLabel).toHaveValue('Lokaal Onthaal stad');
  await inline.press('Enter');
  await expect(actor(ann.page, 'Lokaal Onthaal stad')).toBeVisible();
  await expect(actor(bert.page, 'Lokaal Onthaal stad')).toBeVisible();
  await ann.context.close();
  await bert.context.close();
});
