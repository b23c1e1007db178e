import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from '../../shared/model/ChainMap';
import { Conversation } from '../../shared/model/conversation/Conversation';
import { endWerkvorm, goToStep, startWerkvorm } from '../../shared/model/conversation/werkvormSession';
import { addMinute, startTimer } from '../../shared/model/records/timer';
import { conversationDocId } from '../../shared/protocol/docRooms';
import { saveVersion } from '../../shared/versions/saveVersion';
import type { VoteState } from '../../shared/voting/voteTypes';
import type { RunningServer } from '../createServer';
import {
  allStored,
  type Client,
  connect,
  createMap,
  startServer,
  synced,
  tempDir,
  waitFor,
} from '../test/helpers';
import { openFeed, type RawFeed, readVotes, token, voteCall } from '../test/voteHelpers';
import { voterHash } from '../voting/voteApi';

/**
 * "Done when: a facilitator can run a two-hour session with ten people on one server": the whole
 * session against the real server with stock clients, no browser. The facilitator (edit key) and ten
 * participants (participate key), each on the map room, the conversation room and the vote feed:
 * comments, the timer, the Werkvorm's four steps, a hidden dot vote and its reveal, a named version;
 * then a restart, after which storage holds all of it. Waits on state, never on time.
 */

let server: RunningServer | undefined;
const clients: Client[] = [];
const feeds: RawFeed[] = [];
function closeClients(): void {
  for (const feed of feeds.splice(0)) feed.close();
  for (const client of clients.splice(0)) client.destroy();
}
afterEach(async () => {
  closeClients();
  await server?.close();
  server = undefined;
});

const PEOPLE = 10;
const DOTS = 3;
const MINUTE = 60_000;

function open(room: string, key: string): Client {
  const client = connect(server!.url, room, key, { ack: true });
  clients.push(client);
  return client;
}

/** Deterministic choices (a linear congruential generator with a fixed seed). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const author = (i: number) => ({ id: `author-${i}`, name: `Deelnemer ${i}`, colour: '#2563eb' });
const commentTexts = (doc: Y.Doc) =>
  new Conversation(doc)
    .threads()
    .flatMap((t) => t.comments.map((c) => c.text))
    .sort();
const lastState = (feed: RawFeed): VoteState | undefined => feed.states.at(-1);
/** Totals as comparable text, whatever order the server listed the items in. */
const totalsText = (totals: Readonly<Record<string, number>> | null | undefined) =>
  totals ? JSON.stringify(Object.entries(totals).sort(([a], [b]) => (a < b ? -1 : 1))) : String(totals);

describe('a workshop of a facilitator and ten participants on one server', () => {
  it('converges on comments, timer, the four Werkvorm steps, an anonymous vote and a saved version, and keeps all of it across a restart', async () => {
    const dataDir = tempDir();
    server = await startServer({ dataDir });
    const map = await createMap(server.url);
    const talkRoom = conversationDocId(map.id);

    // The facilitator prepares the map: three quick-wins and three knelpunten to vote on.
    const leadMap = open(map.id, map.editKey);
    const leadTalk = open(talkRoom, map.editKey);
    await Promise.all([synced(leadMap), synced(leadTalk)]);
    const model = ChainMap.create(leadMap.doc, { title: 'Ketenaanpak Halle', municipality: 'Halle' }, {});
    const items = [
      ...['Infobrochure', 'Vaste contactpersoon', 'Tolk op afroep'].map((text) =>
        model.addNote({ kind: 'quickWin', text }),
      ),
      ...['Wachtlijst', 'Geen warme overdracht', 'Geen route naar werk'].map((text) =>
        model.addNote({ kind: 'gap', text }),
      ),
    ];
    await allStored(leadMap);

    const people = Array.from({ length: PEOPLE }, (_, i) => ({
      map: open(map.id, map.participateKey),
      talk: open(talkRoom, map.participateKey),
      feed: openFeed(server!.url, map.id, map.participateKey),
      voter: token(),
      i,
    }));
    feeds.push(...people.map((p) => p.feed));
    await Promise.all(people.flatMap((p) => [synced(p.map), synced(p.talk)]));
    await waitFor(
      () => people.every((p) => new ChainMap(p.map.doc).notes().length === items.length),
      'every participant has the notes',
    );
    await waitFor(() => people.every((p) => p.feed.states.length >= 1), 'every feed has its first state');
    const talkDocs = () => [leadTalk.doc, ...people.map((p) => p.talk.doc)];
    const mapDocs = () => [leadMap.doc, ...people.map((p) => p.map.doc)];

    // The Werkvorm starts; the timer runs on the server's clock, with a minute added.
    const lead = new Conversation(leadTalk.doc);
    lead.setWerkvorm(startWerkvorm('Els', 1_000));
    const { now } = (await (await fetch(`${server.url}/api/time`)).json()) as { now: number };
    const timer = addMinute(startTimer(20 * MINUTE, now), now);
    model.setTimer(timer);
    await Promise.all([allStored(leadTalk), allStored(leadMap)]);
    await waitFor(
      () => talkDocs().every((doc) => new Conversation(doc).werkvorm()?.step === 0),
      'everyone at the first step',
    );
    await waitFor(
      () => mapDocs().every((doc) => JSON.stringify(new ChainMap(doc).getTimer()) === JSON.stringify(timer)),
      'everyone sees the same timer',
    );

    // Step 1: every participant starts a thread on a note; the facilitator answers each.
    const threads = people.map((p) =>
      new Conversation(p.talk.doc).startThread(
        { kind: 'note', id: items[p.i % items.length]!, at: { x: 0, y: 0 } },
        author(p.i),
        `Vraag van ${p.i}`,
        2_000 + p.i,
      ),
    );
    await Promise.all(people.map((p) => allStored(p.talk)));
    await waitFor(() => lead.threads().length === PEOPLE, 'the facilitator has every thread');
    for (const [i, thread] of threads.entries()) lead.reply(thread, author(99), `Antwoord ${i}`, 3_000 + i);
    await allStored(leadTalk);
    const expectedComments = [
      ...people.map((p) => `Vraag van ${p.i}`),
      ...people.map((p) => `Antwoord ${p.i}`),
    ].sort();
    await waitFor(
      () => talkDocs().every((doc) => commentTexts(doc).join('|') === expectedComments.join('|')),
      'every comment everywhere',
    );

    // Steps 2 to 4, led by the facilitator; everyone follows each.
    for (const step of [1, 2, 3]) {
      lead.setWerkvorm(goToStep(lead.werkvorm()!, step, 'Els', 4_000 + step));
      await allStored(leadTalk);
      await waitFor(
        () => talkDocs().every((doc) => new Conversation(doc).werkvorm()?.step === step),
        `everyone at step ${step + 1}`,
      );
    }

    // Step 4's dot vote, hidden until the reveal; every participant spends their dots (seeded).
    const started = await voteCall(server.url, map.id, map.editKey, '', {
      kinds: ['quickWin', 'gap'],
      items,
      dotsPerPerson: DOTS,
      hidden: true,
    });
    expect(started.status).toBe(200);
    const voteId = (started.body.vote as { voteId: string }).voteId;
    await waitFor(
      () => people.every((p) => lastState(p.feed)?.vote?.voteId === voteId),
      'every feed has the vote',
    );
    const random = seeded(2026);
    const ballots = people.map(() => {
      const ballot: Record<string, number> = {};
      for (let d = 0; d < DOTS; d++) {
        const item = items[Math.floor(random() * items.length)]!;
        ballot[item] = (ballot[item] ?? 0) + 1;
      }
      return ballot;
    });
    await Promise.all(
      people.flatMap((p) =>
        Object.entries(ballots[p.i]!).map(async ([itemId, dots]) => {
          const res = await voteCall(server!.url, map.id, map.participateKey, '/dots', {
            voteId,
            token: p.voter,
            itemId,
            dots,
          });
          expect(res.status).toBe(200);
        }),
      ),
    );
    const totals: Record<string, number> = {};
    for (const ballot of ballots) {
      for (const [item, n] of Object.entries(ballot)) totals[item] = (totals[item] ?? 0) + n;
    }
    for (const p of people) {
      expect((await readVotes(server.url, map.id, map.participateKey, p.voter)).body.mine).toEqual(
        ballots[p.i],
      );
    }
    expect((await voteCall(server.url, map.id, map.editKey, '/reveal', {})).body.vote).toMatchObject({
      totals,
    });
    await waitFor(
      () => people.every((p) => totalsText(lastState(p.feed)?.vote?.totals) === totalsText(totals)),
      'every feed has the revealed totals',
    );
    // Anonymous: while hidden no feed carried totals, and nothing any participant received (its
    // feed, its two documents) holds a voter token, its hash or an own ballot.
    const secrets = people.flatMap((p) => [p.voter, Buffer.from(voterHash(voteId, p.voter)).toString('hex')]);
    for (const p of people) {
      const revealedAt = p.feed.states.findIndex((s) => s.vote?.revealed);
      for (const state of p.feed.states.slice(0, revealedAt)) expect(state.vote?.totals ?? null).toBeNull();
      const received = [
        p.feed.raw.join(''),
        Buffer.from(Y.encodeStateAsUpdate(p.map.doc)).toString('latin1'),
        Buffer.from(Y.encodeStateAsUpdate(p.talk.doc)).toString('latin1'),
      ].join('\n');
      for (const secret of secrets) expect(received).not.toContain(secret);
      expect(p.feed.raw.join('')).not.toContain('mine');
    }

    // The end: the Werkvorm ends, the timer stops, a named version is kept.
    lead.setWerkvorm(endWerkvorm(lead.werkvorm()!, 'Els', 9_000));
    model.setTimer(null);
    const versionId = saveVersion(model, 'Na workshop 2 december', { now: 10_000 });
    await Promise.all([allStored(leadTalk), allStored(leadMap)]);
    await waitFor(
      () => mapDocs().every((doc) => new ChainMap(doc).versions().some((v) => v.id === versionId)),
      'everyone has the version',
    );

    // A restart on the same data keeps all of it.
    closeClients();
    await server.close();
    server = await startServer({ dataDir });
    const reader = open(map.id, map.viewKey);
    const readerTalk = open(talkRoom, map.viewKey);
    await Promise.all([synced(reader), synced(readerTalk)]);
    const stored = new ChainMap(reader.doc);
    expect(stored.versions().map((v) => v.name)).toEqual(['Na workshop 2 december']);
    expect(stored.getTimer()).toBeNull();
    expect(
      stored
        .notes()
        .map((n) => n.id)
        .sort(),
    ).toEqual([...items].sort());
    expect(commentTexts(readerTalk.doc)).toEqual(expectedComments);
    expect(new Conversation(readerTalk.doc).werkvorm()).toMatchObject({ state: 'ended', step: 3 });
    // The vote is still open (the facilitator had not stopped it): every participant keeps their dots.
    for (const p of people) {
      const after = await readVotes(server.url, map.id, map.participateKey, p.voter);
      expect(after.body.vote).toMatchObject({ voteId, revealed: true, closedAt: null, totals });
      expect(after.body.mine).toEqual(ballots[p.i]);
    }
    const stopped = await voteCall(server.url, map.id, map.editKey, '/stop', {});
    expect(stopped.body.vote).toMatchObject({ voteId, totals });
  });
});
