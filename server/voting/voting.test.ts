import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../createServer';
import { createMap, openRaw, startServer, tempDir, waitFor, wsUrl } from '../test/helpers';
import { openFeed, type RawFeed, readVotes, token, voteCall } from '../test/voteHelpers';
import { voterHash } from './voteApi';

let server: RunningServer | undefined;
const feeds: RawFeed[] = [];
afterEach(async () => {
  for (const feed of feeds.splice(0)) feed.close();
  await server?.close();
  server = undefined;
});

const ITEMS = ['note-aaaaaaaaaaaaaaaaaaaa', 'note-bbbbbbbbbbbbbbbbbbbb', 'note-cccccccccccccccccccc'];
const [A, B, C] = ITEMS as [string, string, string];
const settings = (extra: Record<string, unknown> = {}) => ({
  kinds: ['quickWin', 'gap'],
  items: ITEMS,
  dotsPerPerson: 3,
  ...extra,
});

async function setUp(dataDir?: string) {
  server = await startServer(dataDir ? { dataDir } : {});
  const map = await createMap(server.url);
  return { url: server.url, map };
}

/** Sets the voter's dots on an item (to 1 unless told). */
const dotOn = (
  url: string,
  mapId: string,
  key: string,
  voteId: string,
  t: string,
  itemId: string,
  dots = 1,
) => voteCall(url, mapId, key, '/dots', { voteId, token: t, itemId, dots });

describe('dot voting: who may do what', () => {
  it('lets edit and participate keys vote, refuses a view key, and keeps start, stop and reveal for edit keys', async () => {
    const { url, map } = await setUp();
    // A participant cannot start a vote; an edit key can.
    const refusedStart = await voteCall(url, map.id, map.participateKey, '', settings());
    expect(refusedStart.status).toBe(403);
    expect(refusedStart.body).toMatchObject({
      code: 'edit_only',
      error: expect.stringContaining('begeleider'),
    });
    expect((await readVotes(url, map.id, map.viewKey)).body.vote).toBeNull();
    const started = await voteCall(url, map.id, map.editKey, '', settings({ hidden: true }));
    expect(started.status).toBe(200);
    const voteId = (started.body.vote as { voteId: string }).voteId;

    const viewer = await dotOn(url, map.id, map.viewKey, voteId, token(), A);
    expect(viewer.status).toBe(403);
    expect(viewer.body).toMatchObject({
      code: 'view_only',
      error: 'Met een bekijklink kun je niet stemmen.',
    });
    expect((await dotOn(url, map.id, map.participateKey, voteId, token(), A)).status).toBe(200);
    expect((await dotOn(url, map.id, map.editKey, voteId, token(), A)).status).toBe(200);

    for (const action of ['/stop', '/reveal'] as const) {
      for (const key of [map.participateKey, map.viewKey]) {
        const refused = await voteCall(url, map.id, key, action, {});
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('edit_only');
      }
    }
    const cleared = await voteCall(url, map.id, map.participateKey, '', undefined, 'DELETE');
    expect(cleared.status).toBe(403);
    // None of the refusals changed anything: still open, hidden, two dots.
    const reveal = await voteCall(url, map.id, map.editKey, '/reveal', {});
    expect(reveal.body.vote).toMatchObject({ closedAt: null, revealed: true, totals: { [A]: 2 } });
    expect((await voteCall(url, map.id, map.editKey, '/stop', {})).status).toBe(200);
  });

  it('refuses without a key, with a wrong key and for an unknown map, in Dutch', async () => {
    const { url, map } = await setUp();
    expect((await voteCall(url, map.id, undefined, '', settings())).status).toBe(401);
    const wrong = await voteCall(url, map.id, 'x'.repeat(22), '', settings());
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toBe('Deze link geeft geen toegang tot deze kaart.');
    expect((await voteCall(url, 'm'.repeat(22), map.editKey, '', settings())).status).toBe(404);
    const other = await createMap(url);
    expect((await voteCall(url, map.id, other.editKey, '', settings())).status).toBe(403);
    const refusedFeed = await openFeedAndWait(url, map.id, 'y'.repeat(22));
    expect(await refusedFeed.status).toBe(403);
    expect(refusedFeed.states).toEqual([]);
  });

  it('refuses bad settings and bad dots with a Dutch reason, changing nothing', async () => {
    const { url, map } = await setUp();
    for (const bad of [
      settings({ kinds: ['actor'] }),
      settings({ items: [] }),
      settings({ items: [A, A] }),
      settings({ items: ['<script>'] }),
      settings({ dotsPerPerson: 0 }),
      settings({ dotsPerPerson: 2.5 }),
      settings({ durationMs: -5 }),
      settings({ hidden: 'yes' }),
    ]) {
      const res = await voteCall(url, map.id, map.editKey, '', bad);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/^Dit verzoek is ongeldig: /);
    }
    expect((await readVotes(url, map.id, map.editKey)).body.vote).toBeNull();
    const voteId = (
      (await voteCall(url, map.id, map.editKey, '', settings())).body.vote as { voteId: string }
    ).voteId;
    const t = token();
    for (const bad of [
      { voteId, token: 'short', itemId: A, dots: 1 },
      { voteId, token: t, itemId: A, dots: -1 },
      { voteId, token: t, itemId: A, dots: 1.5 },
      { voteId, token: t, dots: 1 },
    ]) {
      expect((await voteCall(url, map.id, map.participateKey, '/dots', bad)).status).toBe(400);
    }
    const unknown = await dotOn(url, map.id, map.participateKey, voteId, t, 'note-zzzzzzzzzzzzzzzzzzzz');
    expect(unknown.status).toBe(422);
    expect((await readVotes(url, map.id, map.editKey)).body.vote?.totals).toEqual({});
  });
});

async function openFeedAndWait(url: string, mapId: string, key: string): Promise<RawFeed> {
  const feed = openFeed(url, mapId, key);
  feeds.push(feed);
  await feed.status;
  return feed;
}

describe('dot voting: anonymous means anonymous', () => {
  it('sends an observer no token, no ballot and, while hidden, no totals: only the totals after the reveal', async () => {
    const { url, map } = await setUp();
    // An observer with each kind of key: the results feed, and raw sockets on both document rooms.
    const observers = await Promise.all(
      [map.viewKey, map.participateKey].map((key) => openFeedAndWait(url, map.id, key)),
    );
    const sockets = [map.id, `${map.id}/conversation`].map((room) =>
      openRaw(`${wsUrl(url)}/sync/${room}?key=${map.participateKey}`),
    );
    await Promise.all(sockets.map((s) => s.opened));
    await waitFor(() => observers.every((o) => o.states.length === 1), 'the first state on every feed');

    const started = await voteCall(
      url,
      map.id,
      map.editKey,
      '',
      settings({ hidden: true, dotsPerPerson: 2 }),
    );
    const voteId = (started.body.vote as { voteId: string }).voteId;
    await waitFor(() => observers.every((o) => o.states.length === 2), 'the started vote on every feed');
    const tokens = [token(), token(), token()];
    const ballots: [string, string, number][] = [
      [tokens[0]!, A, 1],
      [tokens[0]!, B, 1],
      [tokens[1]!, A, 1],
      [tokens[2]!, C, 1],
      [tokens[2]!, C, 2],
    ];
    for (const [t, item, dots] of ballots) {
      expect((await dotOn(url, map.id, map.participateKey, voteId, t, item, dots)).status).toBe(200);
    }
    // Each voter reads back their own dots, and only with their own token.
    expect((await readVotes(url, map.id, map.participateKey, tokens[2])).body.mine).toEqual({ [C]: 2 });
    expect((await readVotes(url, map.id, map.participateKey)).body.mine).toEqual({});
    // Hidden: nothing reached the observers while others voted (not even a changed count).
    const reveal = await voteCall(url, map.id, map.editKey, '/reveal', {});
    expect(reveal.status).toBe(200);
    await waitFor(() => observers.every((o) => o.states.length === 3), 'the reveal on every feed');

    const secrets = [
      ...tokens,
      ...tokens.map((t) => Buffer.from(voterHash(voteId, t)).toString('hex')),
      ...tokens.map((t) => Buffer.from(voterHash(voteId, t)).toString('base64')),
    ];
    for (const observer of observers) {
      const text = observer.raw.join('');
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toContain('mine');
      const [before, afterStart, afterReveal] = observer.states;
      expect(before).toMatchObject({ vote: null });
      expect(afterStart!.vote).toMatchObject({ voteId, hidden: true, revealed: false, totals: null });
      expect(afterReveal!.vote).toMatchObject({ revealed: true, totals: { [A]: 2, [B]: 1, [C]: 2 } });
      // Exactly the public fields: settings, moments and totals.
      expect(Object.keys(afterReveal!.vote!).sort()).toEqual(
        [
          'closedAt',
          'dotsPerPerson',
          'endsAt',
          'hidden',
          'items',
          'kinds',
          'maxOnePerItem',
          'revealed',
          'startedAt',
          'totals',
          'voteId',
        ].sort(),
      );
    }
    // Votes never touch the documents: the rooms' sockets got only their initial sync.
    for (const socket of sockets) {
      const text = Buffer.concat(socket.messages.map((m) => Buffer.from(m))).toString('latin1');
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(socket.messages.length).toBeLessThanOrEqual(2);
    }
  });

  it('publishes live totals after each dot when the results are not hidden', async () => {
    const { url, map } = await setUp();
    const observer = await openFeedAndWait(url, map.id, map.viewKey);
    const voteId = (
      (await voteCall(url, map.id, map.editKey, '', settings())).body.vote as { voteId: string }
    ).voteId;
    const t = token();
    await dotOn(url, map.id, map.participateKey, voteId, t, A);
    await waitFor(() => observer.states.at(-1)?.vote?.totals?.[A] === 1, 'live total of A');
    await dotOn(url, map.id, map.participateKey, voteId, t, A, 0);
    await waitFor(() => observer.states.at(-1)?.vote?.totals?.[A] === undefined, 'the dot taken back');
  });
});

describe('dot voting: one participant, one budget', () => {
  it('counts the same request twice (a retry, a second tab) once', async () => {
    const { url, map } = await setUp();
    const voteId = (
      (await voteCall(url, map.id, map.editKey, '', settings())).body.vote as { voteId: string }
    ).voteId;
    const t = token();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => dotOn(url, map.id, map.participateKey, voteId, t, A)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await readVotes(url, map.id, map.participateKey, t)).body.mine).toEqual({ [A]: 1 });
    expect((await readVotes(url, map.id, map.editKey)).body.vote?.totals).toEqual({ [A]: 1 });
  });

  it('never lets concurrent requests of one token exceed its dots', async () => {
    const { url, map } = await setUp();
    const voteId = (
      (await voteCall(url, map.id, map.editKey, '', settings({ dotsPerPerson: 3 }))).body.vote as {
        voteId: string;
      }
    ).voteId;
    const t = token();
    // Twelve tabs at once, each asking for more: 1 to 4 dots on each of the three items.
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        dotOn(url, map.id, map.participateKey, voteId, t, ITEMS[i % 3]!, 1 + Math.floor(i / 3)),
      ),
    );
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((a) => a.status === 409 && a.body.code === 'over_budget')).toBe(true);
    expect(refused[0]!.body.error).toBe('Je stippen zijn op. Neem er eerst een terug.');
    const mine = (await readVotes(url, map.id, map.participateKey, t)).body.mine;
    expect(Object.values(mine).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3);
    expect((await readVotes(url, map.id, map.editKey)).body.vote?.totals).toEqual(mine);
  });

  it('refuses a second dot on an item when the vote allows one per item', async () => {
    const { url, map } = await setUp();
    const voteId = (
      (await voteCall(url, map.id, map.editKey, '', settings({ maxOnePerItem: true }))).body.vote as {
        voteId: string;
      }
    ).voteId;
    const t = token();
    expect((await dotOn(url, map.id, map.participateKey, voteId, t, A)).status).toBe(200);
    const second = await dotOn(url, map.id, map.participateKey, voteId, t, A, 2);
    expect(second.body).toMatchObject({ code: 'one_per_item' });
  });

  it('keeps totals equal to every participant’s own dots under concurrent voting of many participants (seeded)', async () => {
    const { url, map } = await setUp();
    const voteId = (
      (await voteCall(url, map.id, map.editKey, '', settings({ dotsPerPerson: 4 }))).body.vote as {
        voteId: string;
      }
    ).voteId;
    let seed = 12_345;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const tokens = Array.from({ length: 10 }, () => token());
    const calls = Array.from({ length: 80 }, () => ({
      t: tokens[Math.floor(random() * tokens.length)]!,
      item: ITEMS[Math.floor(random() * ITEMS.length)]!,
      dots: Math.floor(random() * 4),
    }));
    await Promise.all(calls.map((c) => dotOn(url, map.id, map.participateKey, voteId, c.t, c.item, c.dots)));
    const expected: Record<string, number> = {};
    for (const t of tokens) {
      const mine = (await readVotes(url, map.id, map.participateKey, t)).body.mine;
      expect(Object.values(mine).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(4);
      for (const [item, n] of Object.entries(mine)) expected[item] = (expected[item] ?? 0) + n;
    }
    expect((await readVotes(url, map.id, map.editKey)).body.vote?.totals).toEqual(expected);
  });
});

describe('dot voting: across a restart', () => {
  it('keeps the vote, the totals and each participant’s own dots when the server restarts', async () => {
    const dataDir = tempDir();
    const { url, map } = await setUp(dataDir);
    const voteId = (
      (await voteCall(url, map.id, map.editKey, '', settings({ hidden: true }))).body.vote as {
        voteId: string;
      }
    ).voteId;
    const t = token();
    await dotOn(url, map.id, map.participateKey, voteId, t, A);
    await dotOn(url, map.id, map.participateKey, voteId, t, B);
    await server!.close();
    server = await startServer({ dataDir });
    const after = await readVotes(server.url, map.id, map.participateKey, t);
    expect(after.body.mine).toEqual({ [A]: 1, [B]: 1 });
    expect(after.body.vote).toMatchObject({ voteId, hidden: true, totals: null });
    const revealed = await voteCall(server.url, map.id, map.editKey, '/reveal', {});
    expect(revealed.body.vote).toMatchObject({ totals: { [A]: 1, [B]: 1 } });
    // It goes on where it was: a third dot fits the budget, a fourth does not.
    expect((await dotOn(server.url, map.id, map.participateKey, voteId, t, C)).status).toBe(200);
    expect((await dotOn(server.url, map.id, map.participateKey, voteId, t, C, 2)).status).toBe(409);
  });
});
