import { expect, test } from './fixtures';
import { createMap, newUser } from './helpers';
import { pdfPages } from './pdfText';

test('printing from the map view prints the map on one landscape page with title, date, legend and phases, not the panels', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Ketenkaart Ninove', municipality: 'Ninove', starter: true, user: 'Ann' });
  await expect(page.getByRole('button', { name: 'Kaart afdrukken' })).toBeVisible();
  // What the browser does on Ctrl+P or the print button, before it lays out the page.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.locator('.kk-map-print')).toHaveCount(1);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: 'e2e/screenshots/latest/map-print.png' });
  const pdf = await page.pdf({
    format: 'A4',
    landscape: true,
    preferCSSPageSize: true,
    printBackground: true,
  });
  const pages = await pdfPages(pdf);
  expect(pages).toHaveLength(1);
  const [first] = pages;
  expect(first!.width).toBeGreaterThan(first!.height);
  const today = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long' }).format(new Date());
  for (const text of [
    'Ketenkaart Ninove',
    'Ninove',
    `Afgedrukt op ${today}`,
    // Phase names, actors and the legend.
    'AANKOMST & INSCHRIJVING',
    'TOELEIDING',
    'Huis van het Kind',
    'Sociale dienst / OCMW',
    'Warme overdracht',
    'Samenwerkingsverband',
  ])
    expect(first!.text).toContain(text);
  // None of the app's panels.
  for (const text of ['Eigenschappen', 'Toevoegen', 'Filters', 'Actor zoeken', 'Presenteren', 'Mijn kaarten'])
    expect(first!.text).not.toContain(text);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('.kk-map-print')).toHaveCount(0);
  await context.close();
});
