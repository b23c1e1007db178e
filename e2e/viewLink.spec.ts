import { expect, test } from './fixtures';
import { actor, addActor, chooseIdentity, createMap, newUser, shareMap, status } from './helpers';

test('a view link shows no editing controls, and a forced edit never reaches the server', async ({
  browser,
}) => {
  const ann = await newUser(browser);
  await createMap(ann.page, { title: 'Alleen kijken', starter: false, user: 'Ann' });
  await addActor(ann.page, 'Dienst', 'Sociale dienst');
  const { viewLink, editLink } = await shareMap(ann.page);

  const viewer = await newUser(browser);
  await viewer.page.goto(viewLink);
  await chooseIdentity(viewer.page, 'Vera');
  await expect(actor(viewer.page, 'Sociale dienst')).toBeVisible();
  await expect(viewer.page.getByText('Alleen lezen', { exact: true })).toBeVisible();
  for (const name of ['Dienst toevoegen', 'Delen', 'Ongedaan maken', 'Opnieuw']) {
    await expect(viewer.page.getByRole('button', { name })).toHaveCount(0);
  }
  await actor(viewer.page, 'Sociale dienst').click();
  const inspector = viewer.page.getByRole('complementary', { name: /Eigenschappen/ });
  await expect(inspector.getByText('Sociale dienst')).toBeVisible();
  await expect(inspector.getByRole('textbox')).toHaveCount(0);
  await expect(inspector.getByRole('combobox')).toHaveCount(0);
  await viewer.page.keyboard.press('Delete');
  await expect(actor(viewer.page, 'Sociale dienst')).toBeVisible();
  await viewer.page.screenshot({ path: 'e2e/screenshots/view-link.png' });

  // Force an edit past the UI, straight into the doc.
  await viewer.page.evaluate(() => {
    const hook = (
      window as unknown as { __ketenkaart: { session: { model: { addActor(i: object): string } } } }
    ).__ketenkaart;
    hook.session.model.addActor({ kind: 'service', label: 'Ingebroken', position: { x: 0, y: 0 } });
  });
  // Frames on one socket are processed in order: once Ann sees the viewer's cursor (sent after
  // the forced edit), the server has handled — and refused — the edit.
  const box = (await viewer.page.locator('.kk-canvas').boundingBox())!;
  await viewer.page.mouse.move(box.x + 300, box.y + 300);
  await viewer.page.mouse.move(box.x + 340, box.y + 320, { steps: 4 });
  await expect(ann.page.getByTestId('peer-cursor').filter({ hasText: 'Vera' })).toBeVisible();
  await expect(status(viewer.page)).toHaveText('opgeslagen');

  const third = await newUser(browser);
  await third.page.goto(editLink);
  await chooseIdentity(third.page, 'Chris');
  await expect(actor(third.page, 'Sociale dienst')).toBeVisible();
  await expect(status(third.page)).toHaveText('opgeslagen');
  await expect(actor(third.page, 'Ingebroken')).toHaveCount(0);
  await expect(actor(ann.page, 'Ingebroken')).toHaveCount(0);
  for (const u of [ann, viewer, third]) await u.context.close();
});
