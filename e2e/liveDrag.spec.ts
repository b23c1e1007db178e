import { expect, test } from './fixtures';
import { actor, addActor, annSharesWithBert } from './helpers';

test('a peer sees a card move while it is dragged, it stays where it was dropped, and one undo puts it back', async ({
  browser,
}) => {
  const { ann, bert } = await annSharesWithBert(browser, { title: 'Workshop Asse', starter: false });
  await addActor(ann.page, 'Dienst', 'Burgerzaken');
  const bertsCard = actor(bert.page, 'Burgerzaken');
  await expect(bertsCard).toBeVisible();
  const before = (await bertsCard.boundingBox())!;

  const annsCard = actor(ann.page, 'Burgerzaken');
  const box = (await annsCard.boundingBox())!;
  await ann.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await ann.page.mouse.down();
  await ann.page.mouse.move(box.x + box.width / 2 + 160, box.y + box.height / 2 + 80, { steps: 8 });
  // Still held: the card moves on Bert's canvas through presence, before anything is written.
  await expect.poll(async () => (await bertsCard.boundingBox())!.x - before.x).toBeGreaterThan(40);
  await ann.page.mouse.up();
  const dropped = (await annsCard.boundingBox())!;
  await expect.poll(async () => (await bertsCard.boundingBox())!.x - before.x).toBeGreaterThan(40);

  // The whole drag is one undo step, on both canvases.
  await annsCard.click();
  await ann.page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await annsCard.boundingBox())!.x)).toBe(Math.round(box.x));
  await expect.poll(async () => Math.round((await bertsCard.boundingBox())!.x)).toBe(Math.round(before.x));
  expect(Math.round(dropped.x)).not.toBe(Math.round(box.x));
  await ann.context.close();
  await bert.context.close();
});
