import type { Page } from '@playwright/test';
import type { MapSession } from '../client/src/session/MapSession';
import { expect, test } from './fixtures';
import { actor, createMap, newUser, shareMap, status } from './helpers';

/** What the test reads of a tab's open map, through the e2e build's test hook. */
interface TabFacts {
  /** Rows of this map in the device's IndexedDB (shared by the tabs). */
  rows: number;
  /** Frames with document changes this tab sent to the server. */
  docFrames: number;
  /** IndexedDB writes not yet committed. */
  pending: number;
}

function facts(page: Page): Promise<TabFacts> {
  return page.evaluate(async () => {
    const { session } = (window as unknown as { __ketenkaart: { session: MapSession } }).__ketenkaart;
    return {
      rows: await session.persistence.rowCount(),
      docFrames: session.sync?.docFramesSent ?? 0,
      pending: session.persistence.pending,
    };
  });
}

test('two tabs of one map: each update is stored once and sent to the server once', async ({ browser }) => {
  const { context, page: first } = await newUser(browser);
  await createMap(first, { title: 'Twee tabbladen', starter: false, user: 'Ann' });
  await shareMap(first);
  const second = await context.newPage();
  await second.goto(first.url());
  await expect(second.getByRole('heading', { level: 1, name: 'Twee tabbladen' })).toBeVisible();
  await expect(status(second)).toHaveText('opgeslagen');
  // The second tab found several rows and merges them once the browser is idle; wait for that, so
  // that only the edit below adds rows.
  await expect.poll(async () => (await facts(second)).rows).toBe(1);
  const before = { first: await facts(first), second: await facts(second) };

  await first.evaluate(() => {
    const { session } = (window as unknown as { __ketenkaart: { session: MapSession } }).__ketenkaart;
    session.model.addActor({ kind: 'service', label: 'Eén keer', position: { x: 420, y: 200 } });
  });
  await expect(actor(second, 'Eén keer')).toBeVisible();
  await expect(status(first)).toHaveText('opgeslagen');
  await expect(status(second)).toHaveText('opgeslagen');
  await expect.poll(async () => (await facts(first)).pending + (await facts(second)).pending).toBe(0);

  const after = { first: await facts(first), second: await facts(second) };
  expect(after.first.rows - before.first.rows, 'rows stored for the one update').toBe(1);
  expect(after.first.docFrames - before.first.docFrames, 'frames the editing tab sent').toBe(1);
  expect(after.second.docFrames - before.second.docFrames, 'frames the other tab sent').toBe(0);
  await context.close();
});
