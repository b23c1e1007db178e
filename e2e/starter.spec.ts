import { expect, test } from './fixtures';
import { actor, addActor, connectTo, createMap, newUser } from './helpers';

const KINDS: [string, string][] = [
  ['Dienst', 'Bibliotheek'],
  ['Partner', 'CLB Halle'],
  ['Samenwerkingsverband', 'IGS Welzijn'],
  ['Overdrachtspunt', 'Warme overdracht OCMW'],
  ['Doelgroep', 'Roemeense arbeidsmigranten'],
  ['Rol', 'Toeleider Roemeens'],
];

test('a map from the starter: every kind, links, inspector fields — all there after a reload', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Denderleeuw', municipality: 'Denderleeuw', starter: true, user: 'Dina' });
  // Starter content: five phase lanes with typical actors.
  await expect(page.locator('.react-flow__node-lane')).toHaveCount(5);
  await expect(actor(page, 'Burgerzaken (inschrijving)')).toBeVisible();

  for (const [kind, label] of KINDS) await addActor(page, kind, label);
  const inspector = page.getByRole('complementary', { name: /Eigenschappen/ });
  const edgesBefore = await page.locator('.react-flow__edge').count();
  const coldLinks = page.locator('.react-flow__edge.kk-link--cold');
  const coldBefore = await coldLinks.count();

  // Link them in a chain; the second one as a cold handover.
  await page.getByText('Koude overdracht', { exact: true }).click();
  for (let i = 0; i < KINDS.length - 1; i++) {
    await actor(page, KINDS[i]![1]).click();
    await connectTo(inspector, KINDS[i + 1]![1]);
  }
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore + KINDS.length - 1);
  // The new links are all drawn as cold handovers, on top of the starter's cold ones.
  await expect(coldLinks).toHaveCount(coldBefore + KINDS.length - 1);

  // Inspector fields of several kinds.
  await actor(page, 'Roemeense arbeidsmigranten').click();
  await inspector.getByLabel('Noden en behoeften').fill('Werk, huisvesting, Nederlands');
  await inspector.getByLabel('Lokale regie').selectOption({ label: 'Intergemeentelijk' });
  await actor(page, 'Toeleider Roemeens').click();
  await inspector.getByLabel('Talen (gescheiden door komma’s)').fill('Roemeens, Nederlands');
  await inspector.getByLabel('Talen (gescheiden door komma’s)').press('Enter');
  await inspector.getByLabel('Instappunt van de keten').check();
  await actor(page, 'Bibliotheek').click();
  await inspector.getByLabel('Beschrijving').fill('Open leercentrum');
  await page.screenshot({ path: 'e2e/screenshots/editor-inspector.png' });

  await page.reload();
  for (const [, label] of KINDS) await expect(actor(page, label)).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore + KINDS.length - 1);
  await actor(page, 'Roemeense arbeidsmigranten').click();
  await expect(inspector.getByLabel('Noden en behoeften')).toHaveValue('Werk, huisvesting, Nederlands');
  await expect(inspector.getByLabel('Lokale regie')).toHaveValue('intergemeentelijk');
  await actor(page, 'Toeleider Roemeens').click();
  await expect(inspector.getByLabel('Talen (gescheiden door komma’s)')).toHaveValue('Roemeens, Nederlands');
  await expect(inspector.getByLabel('Instappunt van de keten')).toBeChecked();
  await actor(page, 'Bibliotheek').click();
  await expect(inspector.getByLabel('Beschrijving')).toHaveValue('Open leercentrum');

  // The home screen lists the map with its municipality and "only on this device".
  await page.getByRole('link', { name: 'Mijn kaarten' }).click();
  const item = page.getByRole('listitem').filter({ hasText: 'Denderleeuw' });
  await expect(item.getByText('Alleen op dit toestel')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/home.png' });
  await context.close();
});
