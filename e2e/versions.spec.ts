import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  actor,
  addActor,
  annSharesWithBert,
  centreOf,
  chooseIdentity,
  createMap,
  newUser,
  shareMap,
} from './helpers';

const VERSION = 'Na workshop 2 — 12 maart';
const QUICK_WIN = 'Onthaalbrochure in het Roemeens';

function inspector(page: Page) {
  return page.getByRole('complementary', { name: /Eigenschappen/ });
}

function sideTab(page: Page, name: RegExp) {
  return page.getByRole('tablist', { name: 'Zijpaneel' }).getByRole('tab', { name });
}

function versionsPanel(page: Page) {
  return page.getByRole('region', { name: 'Versies' });
}

function banner(page: Page) {
  return page.getByRole('region', { name: 'Vergelijking' });
}

function note(page: Page, text: string) {
  return page.locator('.react-flow__node-note').filter({ hasText: text });
}

test('a saved version is compared on the canvas, restored for everyone, and the restore is undone', async ({
  browser,
}) => {
  const { ann, bert } = await annSharesWithBert(browser, {
    title: 'Keten Asse',
    municipality: 'Asse',
    starter: true,
  });
  await expect(actor(bert.page, 'CLB')).toBeVisible();

  // A free quick-win that will be marked klaar after the workshop.
  await ann.page.getByRole('button', { name: 'Quick-win toevoegen' }).first().click();
  await inspector(ann.page).getByLabel('Tekst').fill(QUICK_WIN);
  await expect(note(ann.page, QUICK_WIN)).toBeVisible();
  // Put it below the lanes' actors, where it covers nobody.
  const from = await centreOf(note(ann.page, QUICK_WIN));
  await ann.page.mouse.move(from.x, from.y);
  await ann.page.mouse.down();
  await ann.page.mouse.move(from.x + 40, from.y + 120, { steps: 8 });
  await ann.page.mouse.up();

  // Save a version; it syncs to Bert's list.
  await sideTab(ann.page, /^Versies/).click();
  await versionsPanel(ann.page).getByLabel('Naam van de versie').fill(VERSION);
  await versionsPanel(ann.page).getByRole('button', { name: 'Versie bewaren' }).click();
  const annVersions = ann.page.getByRole('list', { name: 'Bewaarde versies' });
  await expect(annVersions.getByRole('listitem').filter({ hasText: VERSION })).toContainText('door Ann');
  await sideTab(bert.page, /^Versies/).click();
  await expect(
    bert.page
      .getByRole('list', { name: 'Bewaarde versies' })
      .getByRole('listitem')
      .filter({ hasText: VERSION }),
  ).toContainText('door Ann');

  // After the workshop: an actor added, a handover warm, the quick-win klaar, an actor removed.
  await addActor(ann.page, 'Dienst', 'Taalpunt');
  // Toeleider stands straight above the Agentschap: the link between them is a vertical line,
  // whose box has no width, so Playwright calls it invisible; a click at its middle hits it.
  await ann.page.locator('.react-flow__edge.kk-link--cold').click({ force: true });
  await inspector(ann.page).getByRole('combobox', { name: 'Overdracht', exact: true }).selectOption('warm');
  await expect(ann.page.locator('.react-flow__edge.kk-link--cold')).toHaveCount(0);
  await note(ann.page, QUICK_WIN).click();
  await inspector(ann.page).getByLabel('Status').selectOption({ label: 'Klaar' });
  await actor(ann.page, 'CLB').click();
  await ann.page.keyboard.press('Delete');
  await expect(actor(ann.page, 'CLB')).toHaveCount(0);

  // Compare: exactly those changes, on the canvas and in the summary.
  await sideTab(ann.page, /^Versies/).click();
  await ann.page.getByRole('button', { name: `Vergelijken met ‘${VERSION}’` }).click();
  await expect(banner(ann.page).getByRole('status')).toHaveText(
    '1 actor toegevoegd, 1 actor verwijderd, 1 overdracht warm geworden, 1 quick-win klaar',
  );
  await expect(ann.page.locator('.kk-deco--added')).toHaveCount(1);
  await expect(actor(ann.page, 'Taalpunt')).toHaveClass(/kk-deco--added/);
  await expect(ann.page.locator('.kk-deco--changed')).toHaveCount(2);
  await expect(ann.page.locator('.react-flow__edge.kk-deco--changed')).toHaveClass(/kk-link--warm/);
  await expect(note(ann.page, QUICK_WIN)).toHaveClass(/kk-deco--changed/);
  const ghost = ann.page.locator('.react-flow__node-ghost');
  await expect(ghost).toHaveCount(1);
  await expect(ghost).toHaveText('CLB');
  await expect(ann.page.locator('.kk-deco--removed')).toHaveCount(0);

  // The inspector shows the changed fields, before → after.
  await note(ann.page, QUICK_WIN).click();
  const details = inspector(ann.page).getByRole('region', { name: `Sinds ‘${VERSION}’` });
  await expect(details).toContainText('Status');
  await expect(details.locator('del')).toHaveText('voor: Open');
  await expect(details.locator('ins')).toHaveText('na: Klaar');
  await ann.page.screenshot({ path: 'e2e/screenshots/versions-compare.png' });

  // Leaving compare mode restores the normal view.
  await banner(ann.page).getByRole('button', { name: 'Vergelijken stoppen' }).click();
  await expect(banner(ann.page)).toHaveCount(0);
  await expect(ann.page.locator('.kk-deco')).toHaveCount(0);
  await expect(ghost).toHaveCount(0);
  await expect(details).toHaveCount(0);

  // Restore: Bert sees the restored map.
  await sideTab(ann.page, /^Versies/).click();
  await versionsPanel(ann.page).screenshot({ path: 'e2e/screenshots/versions-panel.png' });
  await ann.page.getByRole('button', { name: `‘${VERSION}’ terugzetten…` }).click();
  const dialog = ann.page.getByRole('dialog', { name: 'Kaart terugzetten' });
  await expect(dialog).toContainText('ongedaan maken');
  await dialog.getByRole('button', { name: 'Terugzetten' }).click();
  await expect(dialog).toHaveCount(0);
  for (const page of [ann.page, bert.page]) {
    await expect(actor(page, 'CLB')).toBeVisible();
    await expect(actor(page, 'Taalpunt')).toHaveCount(0);
    await expect(page.locator('.react-flow__edge.kk-link--cold')).toHaveCount(1);
  }
  await expect(ann.page.getByRole('list', { name: 'Bewaarde versies' }).getByRole('listitem')).toHaveCount(2);

  // Undo the restore (Ctrl+Z): back to the changed map, for Bert too.
  await ann.page.keyboard.press('Control+z');
  for (const page of [ann.page, bert.page]) {
    await expect(actor(page, 'Taalpunt')).toBeVisible();
    await expect(actor(page, 'CLB')).toHaveCount(0);
    await expect(page.locator('.react-flow__edge.kk-link--cold')).toHaveCount(0);
  }

  // The activity feed tells who did what.
  await sideTab(bert.page, /^Activiteit/).click();
  await expect(bert.page.getByRole('list', { name: 'Recente activiteit' })).toContainText(
    `Ann zette de kaart terug naar "${VERSION}"`,
  );
  await bert.page.locator('.kk-sidepanel').screenshot({ path: 'e2e/screenshots/versions-activity.png' });

  await ann.context.close();
  await bert.context.close();
});

test('a view-link participant sees and compares versions but cannot save or restore', async ({ browser }) => {
  const ann = await newUser(browser);
  const viewer = await newUser(browser);
  await createMap(ann.page, { title: 'Keten Halle', starter: true, user: 'Ann' });
  const { viewLink } = await shareMap(ann.page);
  await sideTab(ann.page, /^Versies/).click();
  await versionsPanel(ann.page).getByLabel('Naam van de versie').fill(VERSION);
  await versionsPanel(ann.page).getByRole('button', { name: 'Versie bewaren' }).click();
  await addActor(ann.page, 'Dienst', 'Taalpunt');

  await viewer.page.goto(viewLink);
  await chooseIdentity(viewer.page, 'Vera');
  await sideTab(viewer.page, /^Versies/).click();
  await expect(versionsPanel(viewer.page).getByRole('button', { name: 'Versie bewaren' })).toHaveCount(0);
  await expect(viewer.page.getByRole('button', { name: /terugzetten/ })).toHaveCount(0);
  await viewer.page.getByRole('button', { name: `Vergelijken met ‘${VERSION}’` }).click();
  await expect(banner(viewer.page).getByRole('status')).toHaveText('1 actor toegevoegd');
  await expect(actor(viewer.page, 'Taalpunt')).toHaveClass(/kk-deco--added/);

  await ann.context.close();
  await viewer.context.close();
});
