import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { exportMap } from '../shared/interchange/exportMap';
import { workbook } from '../shared/interchange/testing/workbook';
import { buildSampleMap } from '../shared/versions/buildSampleMap';
import { expect, test } from './fixtures';
import { actor, createMap, newUser, waitForOfflineShell } from './helpers';
import { pdfPages } from './pdfText';

/**
 * Import and export in Chromium against the real server: a partner list through the column
 * mapping, a re-import with one changed row, the import undone in one step; the map as PNG, SVG,
 * the Ketenplan as PDF (its text read back), and XLSX re-imported into a new map.
 */

const HEADER = ['Organisatie', 'Adres', 'E-mail', 'Gemeente', 'Ondernemingsnummer', 'Fase'];
const PARTNERS = [
  ['VDAB Halle', 'Stationsstraat 1', 'halle@vdab.be', 'Halle', 'BE 0887.010.362', 'Toeleiding'],
  ['Kinderopvang De Speelbrug', 'Kerkplein 3', 'speelbrug@halle.be', 'Halle', '', 'Onthaal & eerste contact'],
  ['Café De Kring', '', 'info@dekring.be', 'Halle', '', 'Participatie'],
];
mkdirSync('e2e/screenshots/latest', { recursive: true });
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

async function partnerList(rows = PARTNERS) {
  return {
    name: 'partners 2026.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook([{ name: 'Partners', rows: [HEADER, ...rows] }])),
  };
}

function importDialog(page: Page) {
  return page.getByRole('dialog', { name: /Importeren|Kolommen toewijzen|Voorvertoning|Geïmporteerd/ });
}

async function chooseFiles(page: Page, files: Parameters<Page['setInputFiles']>[1]) {
  await page.getByRole('button', { name: 'Importeren', exact: true }).click();
  await importDialog(page).getByLabel('Bestanden om te importeren').setInputFiles(files);
}

async function screenshots(page: Page, name: string, { fullPage = false } = {}) {
  const original = page.viewportSize()!;
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({
      path: `e2e/screenshots/latest/${name}-${size.width}x${size.height}.png`,
      fullPage,
    });
  }
  await page.setViewportSize(original);
}

async function download(page: Page, item: string | RegExp): Promise<{ file: Download; bytes: Buffer }> {
  await page.getByRole('button', { name: 'Exporteren' }).click();
  const menu = page.getByRole('menu', { name: 'Exporteren' });
  const waiting = page.waitForEvent('download');
  await menu.getByRole('menuitem', { name: item }).click();
  const file = await waiting;
  return { file, bytes: readFileSync((await file.path())!) };
}

/** The actors' labels as the model holds them (the canvas renders only what is in view). */
function actorLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as {
      __ketenkaart: { session: { model: { read(): { actors: { label: string }[] } } } };
    };
    return w.__ketenkaart.session.model
      .read()
      .actors.map((a) => a.label)
      .sort();
  });
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('a partner list comes in through the column mapping, re-imports as one update, and undoes in one step', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Keten Halle', municipality: 'Halle', starter: true, user: 'Ann' });
  const before = await actorLabels(page);
  // Offline: the import (and its lazily loaded module) runs from the service worker's cache.
  await waitForOfflineShell(page);
  await context.setOffline(true);

  await chooseFiles(page, await partnerList());
  const dialog = importDialog(page);
  await expect(dialog.getByRole('heading', { name: 'Kolommen toewijzen' })).toBeVisible();
  const table = dialog.getByRole('region', { name: 'partners 2026.xlsx — blad ‘Partners’' });
  await expect(table.getByLabel('Kolom ‘Organisatie’ bevat')).toHaveValue('label');
  await expect(table.getByLabel('Kolom ‘Ondernemingsnummer’ bevat')).toHaveValue('kbo');
  await expect(table.getByLabel('Kolom ‘Adres’ bevat')).toHaveValue('append');
  await expect(table.getByRole('cell', { name: 'Kinderopvang De Speelbrug' })).toBeVisible();
  await table.getByLabel('Kolom ‘Adres’ bevat').selectOption({ label: 'Niet overnemen' });
  await dialog.getByLabel('Soort voor rijen zonder soort').selectOption({ label: 'Partner' });
  await screenshots(page, 'import-mapping');

  await dialog.getByRole('button', { name: 'Voorvertoning' }).click();
  await expect(dialog.getByRole('heading', { name: 'Voorvertoning' })).toBeVisible();
  await expect(dialog.locator('tr[data-status="new"]')).toHaveCount(3);
  await expect(dialog.getByText('3 nieuw')).toBeVisible();
  await screenshots(page, 'import-preview');
  await dialog.getByRole('button', { name: 'Importeren (3 wijzigingen)' }).click();
  await expect(dialog.getByRole('status')).toContainText('3 elementen toegevoegd');
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect
    .poll(() => actorLabels(page))
    .toEqual([...before, 'Café De Kring', 'Kinderopvang De Speelbrug', 'VDAB Halle'].sort());
  await actor(page, 'VDAB Halle').click();
  const inspector = page.getByRole('complementary', { name: /Eigenschappen/ });
  await expect(inspector.getByLabel('KBO-nummer')).toHaveValue('0887.010.362');
  await expect(inspector.getByRole('textbox', { name: 'Contact', exact: true })).toHaveValue('halle@vdab.be');

  // The same list again, one e-mail address changed: one update, nothing added twice.
  const changed = PARTNERS.map((r) => [...r]);
  changed[2]![2] = 'kring@halle.be';
  await chooseFiles(page, await partnerList(changed));
  // The column left out last time is left out again.
  await expect(table.getByLabel('Kolom ‘Adres’ bevat')).toHaveValue('ignore');
  await dialog.getByRole('button', { name: 'Voorvertoning' }).click();
  await expect(dialog.locator('tr[data-status="update"]')).toHaveCount(1);
  await expect(dialog.locator('tr[data-status="unchanged"]')).toHaveCount(2);
  await expect(dialog.locator('tr[data-status="update"]')).toContainText('Café De Kring');
  await dialog.getByRole('button', { name: 'Importeren (1 wijziging)' }).click();
  await expect(dialog.getByRole('status')).toContainText('1 element bijgewerkt');
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect(actor(page, 'Café De Kring')).toHaveCount(1);
  expect(await actorLabels(page)).toHaveLength(before.length + 3);

  // Undo: the update goes in one step, then the whole first import in one more.
  const undo = page.getByRole('button', { name: 'Ongedaan maken' });
  await undo.click();
  await actor(page, 'Café De Kring').click();
  await expect(inspector.getByRole('textbox', { name: 'Contact', exact: true })).toHaveValue(
    'info@dekring.be',
  );
  await undo.click();
  await expect.poll(() => actorLabels(page)).toEqual(before);

  // A list with mistakes: the preview names each at its cell, in Dutch, and cannot be confirmed.
  await chooseFiles(page, {
    name: 'partners met fouten.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Organisatie;Soort;Ondernemingsnummer\r\nVDAB Halle;Partner;0887.010.363\r\nDe Kring;Vereniging;\r\nOCMW Halle;Dienst;\r\n',
    ),
  });
  await dialog.getByRole('button', { name: 'Voorvertoning' }).click();
  const problems = dialog.getByRole('alert', { name: /problemen/ });
  await expect(problems).toContainText('partners met fouten.csv, rij 2, kolom ‘Ondernemingsnummer’');
  await expect(problems).toContainText('rij 3, kolom ‘Soort’');
  await expect(dialog.getByText('2 rijen met een probleem')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Importeren', exact: true })).toBeDisabled();
  await screenshots(page, 'import-preview-problem');
  expect(await actorLabels(page)).toEqual(before);
  await context.close();
});

test('the map leaves as PNG, SVG, a Ketenplan PDF and XLSX, and the XLSX comes back into a new map', async ({
  browser,
}) => {
  // Drawing an A3 picture at 300 dpi (17 million pixels) takes a while on a shared machine.
  test.setTimeout(180_000);
  const { context, page } = await newUser(browser);
  // The print dialog is the browser's own; here it is replaced by Chromium's print-to-PDF below.
  await page.addInitScript(() => {
    window.print = () => {
      (window as unknown as { __printed: number }).__printed =
        ((window as unknown as { __printed?: number }).__printed ?? 0) + 1;
    };
  });
  await createMap(page, { title: 'Ketenplan Halle', municipality: 'Halle', starter: true, user: 'Ann' });
  const sideTabs = page.getByRole('tablist', { name: 'Zijpaneel' });
  await sideTabs.getByRole('tab', { name: /^Versies/ }).click();
  await page.getByRole('region', { name: 'Versies' }).getByLabel('Naam van de versie').fill('Start');
  await page.getByRole('region', { name: 'Versies' }).getByRole('button', { name: 'Versie bewaren' }).click();
  await chooseFiles(page, await partnerList());
  await importDialog(page).getByRole('button', { name: 'Voorvertoning' }).click();
  await importDialog(page)
    .getByRole('button', { name: /^Importeren \(/ })
    .click();
  await importDialog(page).getByRole('button', { name: 'Sluiten' }).click();
  await expect(actor(page, 'VDAB Halle')).toBeVisible();
  // An action for the plan, as the inspector would write it (owner and due date).
  await page.evaluate(() => {
    const { model } = (
      window as unknown as {
        __ketenkaart: {
          session: {
            model: {
              phases(): { id: string; label: string }[];
              addNote(n: Record<string, unknown>): string;
            };
          };
        };
      }
    ).__ketenkaart.session;
    const phaseId = model.phases().find((p) => p.label === 'Toeleiding')!.id;
    model.addNote({
      kind: 'action',
      text: 'Warme overdracht met VDAB afspreken',
      phaseId,
      owner: 'Ann',
      due: '2027-03-31',
    });
  });

  await page.getByRole('button', { name: 'Exporteren' }).click();
  await screenshots(page, 'export-menu');
  await page.keyboard.press('Escape');

  // PNG for a slide: 1920 × 1080, and not blank.
  const slide = await download(page, 'PNG voor een presentatie (1920 × 1080)');
  expect(slide.file.suggestedFilename()).toBe('Ketenplan Halle.png');
  expect(pngSize(slide.bytes)).toEqual({ width: 1920, height: 1080 });
  writeFileSync('e2e/screenshots/latest/export-slide.png', slide.bytes);
  const inked = await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext('2d')!;
    g.drawImage(bitmap, 0, 0);
    const data = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) coloured++;
    return coloured / (bitmap.width * bitmap.height);
  }, slide.bytes.toString('base64'));
  expect(inked).toBeGreaterThan(0.02);

  // PNG for A3 print at 300 dpi.
  const a3 = await download(page, 'PNG om af te drukken op A3 (300 dpi)');
  expect(a3.file.suggestedFilename()).toBe('Ketenplan Halle - A3.png');
  expect(pngSize(a3.bytes)).toEqual({ width: 4962, height: 3507 });
  writeFileSync('e2e/screenshots/latest/export-a3.png', a3.bytes);

  // SVG of the visible part: title, actors and edges in it.
  await page.getByRole('button', { name: 'Exporteren' }).click();
  await page.getByRole('menuitemradio', { name: 'Het zichtbare deel' }).click();
  await page.keyboard.press('Escape');
  const svg = (await download(page, 'SVG (vector)')).bytes.toString('utf8');
  writeFileSync('e2e/screenshots/latest/export-visible.svg', svg);
  expect(svg.startsWith('<svg')).toBe(true);
  // (Checked with includes: a failing toContain would print the whole, inlined-style SVG.)
  for (const part of ['Ketenplan Halle', 'VDAB Halle', 'kk-map-picture__link', 'Legende']) {
    expect(svg.includes(part), part).toBe(true);
  }

  // The Ketenplan: the document printed as Chromium prints it to PDF, its text read back.
  await page.getByRole('button', { name: 'Exporteren' }).click();
  await page
    .getByRole('menu', { name: 'Exporteren' })
    .getByRole('menuitem', { name: /Ketenplan \(PDF\)/ })
    .click();
  await page.waitForFunction(() => (window as unknown as { __printed?: number }).__printed === 1);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  // The document as it prints, whole (Chromium's print layout at the two screen widths).
  await page.emulateMedia({ media: 'print' });
  await screenshots(page, 'ketenplan', { fullPage: true });
  await page.emulateMedia({ media: null });
  writeFileSync('e2e/screenshots/latest/ketenplan.pdf', pdf);
  const text = await pdfText(pdf);
  const today = new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(),
  );
  for (const expected of [
    'Ketenplan',
    'Ketenplan Halle',
    `Halle · Stand van ${today}`,
    'De kaart',
    'Fasen en actoren',
    'Toeleiding',
    'VDAB Halle',
    'Aandachtspunten uit de analyse',
    'Actieplan',
    'Warme overdracht met VDAB afspreken',
    '31 mrt 2027',
    `Wat veranderde sinds ‘Start’ (${today})`,
    '3 actoren toegevoegd',
  ]) {
    expect(text, expected).toContain(expected);
  }
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('body > .kk-ketenplan')).toHaveCount(0);

  // XLSX in Kumu's layout, back into a new map: the same actors.
  const xlsx = await download(page, 'Excel (XLSX, Kumu-indeling)');
  expect(xlsx.file.suggestedFilename()).toBe('Ketenplan Halle.xlsx');
  const labels = await actorLabels(page);
  await createMap(page, { title: 'Terug uit Excel', starter: false });
  await chooseFiles(page, {
    name: 'Ketenplan Halle.xlsx',
    mimeType: 'application/octet-stream',
    buffer: xlsx.bytes,
  });
  const dialog = importDialog(page);
  await expect(dialog.getByRole('region', { name: /blad ‘Elements’/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Voorvertoning' }).click();
  await expect(dialog.locator('tr[data-status="update"], tr[data-status="unchanged"]')).toHaveCount(0);
  await dialog.getByRole('button', { name: /^Importeren \(/ }).click();
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect.poll(() => actorLabels(page)).toEqual(labels);
  await context.close();
});

test('a large map leaves as XLSX under the app’s CSP (fflate zips sheets over 160 KB in blob: workers)', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { context, page } = await newUser(browser);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await createMap(page, { title: 'Groot', starter: false, user: 'Ann' });
  // 800 actors: the Elements and Connections sheets are about 220 KB each, uncompressed.
  const big = await exportMap(buildSampleMap({ seed: 5, actors: 800 }), 'json');
  await chooseFiles(page, {
    name: big.fileName,
    mimeType: 'application/json',
    buffer: Buffer.from(big.bytes),
  });
  await importDialog(page)
    .getByRole('button', { name: /^Importeren \(/ })
    .click();
  await importDialog(page).getByRole('button', { name: 'Sluiten' }).click();
  expect(await actorLabels(page)).toHaveLength(800);
  const xlsx = await download(page, 'Excel (XLSX, Kumu-indeling)');
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const sheets = unzipSync(new Uint8Array(xlsx.bytes));
  expect(sheets['xl/worksheets/sheet1.xml']!.length).toBeGreaterThan(160_000);
  await expect(page.getByRole('alert').filter({ hasText: 'Het exporteren liep mis' })).toHaveCount(0);
  expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  await context.close();
});

async function pdfText(pdf: Buffer): Promise<string> {
  return (await pdfPages(pdf)).map((p) => p.text).join(' ');
}
