import { expect, test } from './fixtures';
import { actor, addActor, annSharesWithBert, connectTo, status } from './helpers';

test('two people edit one map and see each other’s actors, links, fields and cursor', async ({ browser }) => {
  const { ann, bert } = await annSharesWithBert(browser, {
    title: 'Workshop Asse',
    municipality: 'Asse',
    starter: false,
  });
  await expect(bert.page.getByRole('heading', { level: 1, name: 'Workshop Asse' })).toBeVisible();
  // The key left the address bar once stored on the device.
  expect(bert.page.url()).not.toContain('key=');

  await addActor(ann.page, 'Dienst', 'Burgerzaken');
  await expect(actor(bert.page, 'Burgerzaken')).toBeVisible();
  await addActor(bert.page, 'Partner', 'VDAB');
  await expect(actor(ann.page, 'VDAB')).toBeVisible();

  // Link by keyboard-friendly inspector control; the chosen kind is the default warm handover.
  await actor(ann.page, 'Burgerzaken').click();
  const inspector = ann.page.getByRole('complementary', { name: /Eigenschappen/ });
  await connectTo(inspector, 'VDAB');
  await expect(bert.page.locator('.react-flow__edge.kk-link--warm')).toHaveCount(1);

  // Field edit in the inspector shows up live for the other participant.
  await actor(ann.page, 'Burgerzaken').click();
  await inspector.getByLabel('Beschrijving').fill('Inschrijving en eerste contact');
  await actor(bert.page, 'Burgerzaken').click();
  const bertInspector = bert.page.getByRole('complementary', { name: /Eigenschappen/ });
  await expect(bertInspector.getByLabel('Beschrijving')).toHaveValue('Inschrijving en eerste contact');

  // Presence: each sees the other in the list and Ann's cursor on Bert's canvas.
  await expect(bert.page.getByRole('list', { name: 'Aanwezig' }).getByText('Ann')).toBeAttached();
  const box = (await ann.page.locator('.kk-canvas').boundingBox())!;
  await ann.page.mouse.move(box.x + 200, box.y + 200);
  await ann.page.mouse.move(box.x + 260, box.y + 240, { steps: 5 });
  await expect(bert.page.getByTestId('peer-cursor').filter({ hasText: 'Ann' })).toBeVisible();
  // Ann's selection shows on Bert's node as a coloured dot.
  await expect(actor(bert.page, 'Burgerzaken').locator('.kk-dot')).toHaveCount(1);

  await expect(status(ann.page)).toHaveText('opgeslagen');
  await expect(status(bert.page)).toHaveText('opgeslagen');
  await bert.page.screenshot({ path: 'e2e/screenshots/collaboration.png' });
  await ann.context.close();
  await bert.context.close();
});
