import { expect, type Page, test } from '@playwright/test';
import type { MapSession } from '../client/src/session/MapSession';
import { chooseIdentity, createMap, newUser, shareMap } from './helpers';

type Hook = { __ketenkaart: { session: MapSession } };

/** The items to vote on, written through the map's model in the facilitator's tab. */
async function addNotes(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const { model } = (window as unknown as Hook).__ketenkaart.session;
    const add = (kind: 'gap' | 'quickWin' | 'action', text: string, x: number) =>
      model.addNote({ kind, text, position: { x, y: 420 } });
    return {
      wachtlijst: add('gap', 'Wachtlijst taalles', 40),
      doorverwijzing: add('gap', 'Geen warme doorverwijzing', 300),
      folder: add('quickWin', 'Welkomstfolder in 5 talen', 560),
      actie: add('action', 'Overleg OCMW plannen', 820),
    };
  });
}

const priorities = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      (window as unknown as Hook).__ketenkaart.session.model.notes().map((n) => [n.text, n.priority]),
    ),
  );

async function openVoting(page: Page) {
  await page.getByRole('tab', { name: /^Stemmen/ }).click();
  await expect(page.getByRole('heading', { name: 'Stemmen', level: 2 })).toBeVisible();
}

const panel = (page: Page) => page.locator('.kk-voting');
const addDot = (page: Page, item: string) =>
  panel(page).getByRole('button', { name: `Stip geven aan “${item}”` });

test('a hidden dot vote with three people: reveal, ranking on panel, canvas and Actieplan, applied to priorities in one undo step', async ({
  browser,
}) => {
  // Three browsers and a reload on a shared 2-core machine.
  test.setTimeout(240_000);
  const ann = await newUser(browser);
  await ann.page.setViewportSize({ width: 1280, height: 720 });
  await createMap(ann.page, { title: 'Workshop Stemmen', starter: false, user: 'Ann' });
  const ids = await addNotes(ann.page);
  const { editLink, participateLink } = await shareMap(ann.page);

  const bert = await newUser(browser);
  await bert.page.setViewportSize({ width: 1280, height: 720 });
  await bert.page.goto(editLink);
  await chooseIdentity(bert.page, 'Bert');
  const carla = await newUser(browser);
  await carla.page.setViewportSize({ width: 1280, height: 720 });
  await carla.page.goto(participateLink);
  await chooseIdentity(carla.page, 'Carla');

  // A participant cannot start a vote.
  await openVoting(carla.page);
  await expect(panel(carla.page)).toContainText('Er loopt geen stemming. De begeleider start er een.');
  await expect(panel(carla.page).getByRole('button', { name: 'Stemming starten' })).toHaveCount(0);

  // Ann starts it: quick-wins and knelpunten (the action is left out), 3 dots, results hidden.
  await openVoting(ann.page);
  const form = ann.page.getByRole('form', { name: 'Stemming starten' });
  await expect(form.getByLabel('Quick-win')).toBeChecked();
  await expect(form.getByLabel('Knelpunt')).toBeChecked();
  await expect(form.getByLabel('Actie')).not.toBeChecked();
  await expect(form).toContainText('3 items');
  await expect(form.getByLabel('Stippen per persoon')).toHaveValue('3');
  await expect(form.getByLabel('Resultaten verbergen tot “Onthullen”')).toBeChecked();
  await ann.page.screenshot({ path: 'e2e/screenshots/voting-start-1280.png' });
  await form.getByRole('button', { name: 'Stemming starten' }).click();
  await expect(panel(ann.page).getByRole('status').first()).toHaveText('Stemming loopt');

  // Carla votes: two dots on the waiting list, one on the folder; then her dots are used up.
  await expect(panel(carla.page)).toContainText('Je hebt nog 3 stippen');
  await expect(panel(carla.page)).not.toContainText('Overleg OCMW plannen');
  await addDot(carla.page, 'Wachtlijst taalles').click();
  await expect(panel(carla.page)).toContainText('Je hebt nog 2 stippen');
  await addDot(carla.page, 'Wachtlijst taalles').click();
  await expect(panel(carla.page)).toContainText('Je hebt nog 1 stip');
  await addDot(carla.page, 'Welkomstfolder in 5 talen').click();
  await expect(panel(carla.page)).toContainText('Je hebt nog 0 stippen');
  await expect(addDot(carla.page, 'Geen warme doorverwijzing')).toBeDisabled();

  // A reload keeps her dots: the server knows her browser's token.
  await carla.page.reload();
  await openVoting(carla.page);
  await expect(panel(carla.page)).toContainText('Je hebt nog 0 stippen');
  await expect(carla.page.locator('.kk-vote-count.is-own')).toHaveCount(2);
  // A second tab of her browser is the same participant: no dots left there either.
  const carlaTab = await carla.context.newPage();
  await carlaTab.setViewportSize({ width: 1280, height: 720 });
  await carlaTab.goto(participateLink);
  await openVoting(carlaTab);
  await expect(panel(carlaTab)).toContainText('Je hebt nog 0 stippen');
  await expect(addDot(carlaTab, 'Geen warme doorverwijzing')).toBeDisabled();
  await carlaTab.close();

  // Bert (edit link) votes too: three on the missing warm referral.
  await openVoting(bert.page);
  for (let i = 0; i < 3; i++) await addDot(bert.page, 'Geen warme doorverwijzing').click();
  await expect(panel(bert.page)).toContainText('Je hebt nog 0 stippen');
  // Ann gives one to the referral too.
  await addDot(ann.page, 'Geen warme doorverwijzing').click();
  await expect(panel(ann.page)).toContainText('Je hebt nog 2 stippen');

  // Hidden: no totals anywhere, only each one's own dots.
  for (const page of [ann.page, bert.page, carla.page]) {
    await expect(panel(page)).toContainText('De resultaten blijven verborgen tot de begeleider ze onthult.');
    await expect(page.locator('.kk-vote-count:not(.is-own)')).toHaveCount(0);
    await expect(panel(page).getByRole('list', { name: 'Rangschikking' })).toHaveCount(0);
  }
  await carla.page.screenshot({ path: 'e2e/screenshots/voting-participant-1280.png' });

  await panel(ann.page).getByRole('button', { name: 'Stemming stoppen' }).click();
  await expect(panel(carla.page).getByRole('status').first()).toHaveText('Stemming afgelopen');
  await expect(panel(ann.page)).toContainText('De resultaten blijven verborgen');
  await panel(ann.page).getByRole('button', { name: 'Onthullen' }).click();

  // The ranking, the same in every context: 4 (referral), 2 (waiting list), 1 (folder).
  for (const page of [ann.page, bert.page, carla.page]) {
    const ranking = panel(page).getByRole('list', { name: 'Rangschikking' });
    await expect(ranking.getByRole('listitem')).toHaveText([
      /^1\..*Geen warme doorverwijzing.*4 stemmen/,
      /^2\..*Wachtlijst taalles.*2 stemmen/,
      /^3\..*Welkomstfolder in 5 talen.*1 stem/,
    ]);
    const count = (id: string | undefined) => page.locator(`.kk-vote-count[data-note-id="${id}"]`);
    await expect(count(ids.doorverwijzing)).toHaveText('4');
    await expect(count(ids.wachtlijst)).toHaveText('2');
    await expect(count(ids.folder)).toHaveText('1');
    await expect(count(ids.folder)).toHaveAccessibleName('1 stem');
    await expect(count(ids.actie)).toHaveCount(0);
  }
  await ann.page.screenshot({ path: 'e2e/screenshots/voting-results-1280.png' });
  await ann.page.setViewportSize({ width: 1920, height: 1080 });
  await ann.page.screenshot({ path: 'e2e/screenshots/voting-results-1920.png' });
  await ann.page.setViewportSize({ width: 1280, height: 720 });

  // Apply the ranking to the priorities: one step for Ann, seen by Bert.
  expect(await priorities(ann.page)).toMatchObject({ 'Wachtlijst taalles': null });
  await panel(ann.page).getByRole('button', { name: 'Rangschikking als prioriteit overnemen' }).click();
  const applied = {
    'Wachtlijst taalles': 'medium',
    'Geen warme doorverwijzing': 'high',
    'Welkomstfolder in 5 talen': 'low',
    'Overleg OCMW plannen': null,
  };
  expect(await priorities(ann.page)).toEqual(applied);
  await expect.poll(() => priorities(bert.page)).toEqual(applied);

  // The Actieplan shows the rank beside the priority.
  await ann.page.getByRole('tab', { name: 'Actieplan' }).click();
  // The texts are in inputs there: rows are found by their note.
  const row = (id: string | undefined) => ann.page.locator(`.kk-plan-row[data-note-id="${id}"]`);
  await expect(row(ids.wachtlijst).locator('.kk-plan-row__votes')).toHaveText('2e · 2 stemmen');
  await expect(row(ids.folder).locator('.kk-plan-row__votes')).toHaveText('3e · 1 stem');
  await expect(row(ids.wachtlijst).getByLabel(/Prioriteit/)).toHaveValue('medium');
  await ann.page.screenshot({ path: 'e2e/screenshots/voting-actieplan-1280.png' });

  // One Ctrl+Z takes every priority back.
  await ann.page.getByRole('button', { name: 'Ongedaan maken' }).click();
  const none = {
    'Wachtlijst taalles': null,
    'Geen warme doorverwijzing': null,
    'Welkomstfolder in 5 talen': null,
    'Overleg OCMW plannen': null,
  };
  expect(await priorities(ann.page)).toEqual(none);
  await expect.poll(() => priorities(bert.page)).toEqual(none);
  await expect(row(ids.wachtlijst).getByLabel(/Prioriteit/)).toHaveValue('');

  for (const user of [ann, bert, carla]) await user.context.close();
});
