import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { actor, addActor, annSharesWithBert, chooseIdentity, connectTo, createMap, newUser } from './helpers';

const GAP = 'Geen tolk bij de doorverwijzing naar VDAB';

function inspector(page: Page) {
  return page.getByRole('complementary', { name: /Eigenschappen/ });
}

function sideTab(page: Page, name: RegExp) {
  return page.getByRole('tablist', { name: 'Zijpaneel' }).getByRole('tab', { name });
}

function viewTab(page: Page, name: string) {
  return page.getByRole('tablist', { name: 'Weergave' }).getByRole('tab', { name });
}

async function positions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => {
    const w = window as unknown as {
      __ketenkaart: {
        session: { model: { read(): { actors: { id: string; position: { x: number; y: number } }[] } } };
      };
    };
    return Object.fromEntries(w.__ketenkaart.session.model.read().actors.map((a) => [a.id, a.position]));
  });
}

test('a gap on a handover reaches the other participant’s plan, is marked klaar there, and the analysis focuses an actor', async ({
  browser,
}) => {
  const { ann, bert } = await annSharesWithBert(browser, {
    title: 'Keten Asse',
    municipality: 'Asse',
    starter: true,
  });

  // Ann draws a warm handover from the social service to VDAB and anchors a gap to it.
  await actor(ann.page, 'Sociale dienst / OCMW').click();
  await connectTo(inspector(ann.page), 'VDAB');
  await inspector(ann.page).getByRole('button', { name: 'Knelpunt toevoegen' }).click();
  await expect(inspector(ann.page)).toContainText('Knelpunt');
  await inspector(ann.page).getByLabel('Tekst').fill(GAP);
  // The link's label (drawn above the edges) carries its note count.
  const badgedLink = ann.page.locator('.kk-link-label').filter({ hasText: '● 1' });
  await expect(badgedLink).toHaveCount(1);

  // It appears in Bert's action plan, where he marks it klaar.
  await viewTab(bert.page, 'Actieplan').click();
  const plan = bert.page.getByRole('region', { name: 'Actieplan' });
  const status = plan.getByRole('combobox', { name: `Status van ‘${GAP}’` });
  await expect(status).toHaveValue('open');
  await expect(
    plan.getByRole('rowgroup').filter({ hasText: 'Onthaal' }).getByText('bij Sociale dienst / OCMW → VDAB'),
  ).toBeVisible();
  await status.selectOption({ label: 'Klaar' });
  await expect(plan.getByRole('listitem').filter({ hasText: 'Klaar' })).toContainText('1');
  await bert.page.screenshot({ path: 'e2e/screenshots/action-plan.png' });

  // Ann sees the change on the canvas: done work drops off the link's badge; the inspector says Klaar.
  await expect(badgedLink).toHaveCount(0);
  await expect(inspector(ann.page).getByLabel('Status')).toHaveValue('done');

  // The analysis finds an actor nobody is linked to; clicking the finding focuses that actor.
  await addActor(ann.page, 'Dienst', 'Bibliotheek Asse');
  await sideTab(ann.page, /^Analyse/).click();
  const finding = ann.page.getByRole('button', { name: /‘Bibliotheek Asse’ is met niemand verbonden/ });
  await expect(finding).toBeVisible();
  await finding.click();
  await expect(actor(ann.page, 'Bibliotheek Asse')).toHaveClass(/kk-deco--focus/);
  await expect(actor(ann.page, 'Bibliotheek Asse')).toBeInViewport();
  await ann.page.screenshot({ path: 'e2e/screenshots/analysis.png' });

  // Dismissing it with a reason syncs to Bert, who sees who dismissed it and why.
  await ann.page
    .getByRole('listitem')
    .filter({ has: finding })
    .getByRole('button', { name: 'Negeren…' })
    .click();
  const dialog = ann.page.getByRole('dialog', { name: 'Aandachtspunt negeren' });
  await dialog.getByLabel('Waarom negeer je dit punt?').fill('De bibliotheek sluit volgend jaar aan');
  await dialog.getByRole('button', { name: 'Negeren' }).click();
  await expect(finding).toHaveCount(0);
  await viewTab(bert.page, 'Kaart').click();
  await sideTab(bert.page, /^Analyse/).click();
  await bert.page.getByText(/Genegeerde punten/).click();
  await expect(bert.page.getByText('Genegeerd door Ann')).toBeVisible();
  await expect(bert.page.getByText('De bibliotheek sluit volgend jaar aan')).toBeVisible();

  await ann.context.close();
  await bert.context.close();
});

test('the printed action plan shows the title, municipality, date, status counts and items by phase', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Actieplan Halle', municipality: 'Halle', starter: true, user: 'Hanne' });
  await page.getByRole('button', { name: 'Quick-win toevoegen' }).first().click();
  await inspector(page).getByLabel('Tekst').fill('Onthaalbrochure in het Roemeens');
  await inspector(page).getByLabel('Fase').selectOption({ label: 'Toeleiding' });
  await viewTab(page, 'Actieplan').click();
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  const doc = page.locator('.kk-print-doc');
  await expect(doc.getByRole('heading', { level: 1, name: 'Actieplan Halle' })).toBeVisible();
  await expect(doc.getByText(/Halle ·/)).toBeVisible();
  await expect(doc.getByText(/Stand van \d+ \w+ \d{4}/)).toBeVisible();
  await expect(doc.getByText(/Open: 1/)).toBeVisible();
  await expect(doc.getByRole('heading', { level: 2, name: 'Toeleiding' })).toBeVisible();
  await expect(doc.getByRole('cell', { name: 'Onthaalbrochure in het Roemeens' })).toBeVisible();
  // No UI chrome in print.
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
  await expect(page.locator('.kk-topbar')).toBeHidden();
  await page.screenshot({ path: 'e2e/screenshots/action-plan-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await expect(doc).toBeHidden();
  await context.close();
});

test('automatic layout moves the actors in one step that a single undo reverts', async ({ browser }) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Schikken', starter: true, user: 'Sam' });
  const before = await positions(page);
  await page.getByRole('button', { name: 'Automatisch schikken' }).click();
  // The layout engine loads on first use (436 KB gzipped) and runs in the tab: on a loaded machine
  // that takes longer than the default 10 s. The wait ends the moment the positions change.
  await expect
    .poll(async () => JSON.stringify(await positions(page)), { timeout: 60_000 })
    .not.toBe(JSON.stringify(before));
  await expect(page.getByRole('button', { name: 'Automatisch schikken' })).toBeEnabled();
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect.poll(async () => positions(page)).toEqual(before);
  await context.close();
});

test('a phase is removed after confirming, and its actors stay on the map without a phase', async ({
  browser,
}) => {
  const { context, page } = await newUser(browser);
  await createMap(page, { title: 'Fasen', starter: true, user: 'Fien' });
  await sideTab(page, /^Fasen/).click();
  const phases = page.getByRole('list', { name: 'Fasen' });
  await expect(phases.getByRole('listitem')).toHaveCount(5);
  await page.getByRole('button', { name: '‘Toeleiding’ naar voren' }).click();
  await expect(phases.getByRole('listitem').nth(1).getByRole('textbox')).toHaveValue('Toeleiding');
  await page.getByRole('button', { name: '‘Toeleiding’ verwijderen' }).click();
  await page
    .getByRole('dialog', { name: 'Fase verwijderen' })
    .getByRole('button', { name: 'Fase verwijderen' })
    .click();
  await expect(phases.getByRole('listitem')).toHaveCount(4);
  await expect(page.locator('.react-flow__node-lane')).toHaveCount(4);
  await expect(actor(page, 'Toeleider')).toBeVisible();
  await context.close();
});

test('a fictional demo map opens as a new map with analysis findings', async ({ browser }) => {
  const { context, page } = await newUser(browser);
  await page.goto('/');
  const demos = page.getByRole('region', { name: 'Voorbeeldkaarten' });
  await expect(demos.getByText('Fictief voorbeeld').first()).toBeVisible();
  await demos
    .getByRole('button', { name: /wijkinspecteurs verzamelen contactgegevens als nieuwe kaart openen/ })
    .click();
  await chooseIdentity(page, 'Wim');
  await expect(page.getByRole('heading', { level: 1, name: /Fictief voorbeeld/ })).toBeVisible();
  await expect(sideTab(page, /^Analyse \(\d+ aandachtspunten\)/)).toBeVisible();
  await context.close();
});
