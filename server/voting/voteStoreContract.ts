import { afterEach, describe, expect, it } from 'vitest';
import type { DotChange, StoredVote, VoteStore } from './VoteStore';

const MAP = 'map-aaaaaaaaaaaaaaaaaaaa';
const ITEMS = ['item-aaaaaaaaaaaaaaaaaaaa', 'item-bbbbbbbbbbbbbbbbbbbb', 'item-cccccccccccccccccccc'];
const [A, B, C] = ITEMS as [string, string, string];

const vote = (overrides: Partial<StoredVote> = {}): StoredVote => ({
  voteId: 'vote-aaaaaaaaaaaaaaaaaaaa',
  kinds: ['quickWin', 'gap'],
  items: ITEMS,
  dotsPerPerson: 3,
  maxOnePerItem: false,
  hidden: false,
  startedAt: 1000,
  endsAt: null,
  closedAt: null,
  revealed: false,
  ...overrides,
});

const voter = (n: number): Uint8Array => new Uint8Array(32).fill(n);

/** Voter `n` sets their dots on `itemId` to `dots`. */
const dot = (n: number, itemId: string, dots: number, extra: Partial<DotChange> = {}): DotChange => ({
  mapId: MAP,
  voteId: 'vote-aaaaaaaaaaaaaaaaaaaa',
  voter: voter(n),
  itemId,
  dots,
  now: 2000,
  maxVoters: 1000,
  ...extra,
});

/** A small seeded generator (mulberry32), so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What every vote store must do; run against each implementation. */
export function voteStoreContract(name: string, open: () => VoteStore | Promise<VoteStore>): void {
  describe(`${name} (vote store contract)`, () => {
    let store: VoteStore | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });
    const fresh = async () => {
      store = await open();
      return store;
    };

    it('has no vote for a map that never voted', async () => {
      const s = await fresh();
      expect(await s.current(MAP, 0)).toBeNull();
      expect(await s.changeDot(dot(1, A, 1))).toEqual({ ok: false, reason: 'no_vote' });
    });

    it('sums the dots of each voter into totals and answers each voter their own', async () => {
      const s = await fresh();
      await s.start(MAP, vote());
      expect(await s.changeDot(dot(1, A, 2))).toEqual({ ok: true, ballot: { [A]: 2 } });
      expect(await s.changeDot(dot(2, A, 1))).toEqual({ ok: true, ballot: { [A]: 1 } });
      expect(await s.changeDot(dot(2, B, 1))).toEqual({ ok: true, ballot: { [A]: 1, [B]: 1 } });
      expect((await s.current(MAP, 2000))?.totals).toEqual({ [A]: 3, [B]: 1 });
      expect(await s.ballot(MAP, vote().voteId, voter(1))).toEqual({ [A]: 2 });
      expect(await s.ballot(MAP, vote().voteId, voter(2))).toEqual({ [A]: 1, [B]: 1 });
      expect(await s.changeDot(dot(1, A, 1))).toEqual({ ok: true, ballot: { [A]: 1 } });
      expect(await s.changeDot(dot(2, B, 0))).toEqual({ ok: true, ballot: { [A]: 1 } });
      expect((await s.current(MAP, 2000))?.totals).toEqual({ [A]: 2 });
    });

    it('counts the same request sent twice once', async () => {
      const s = await fresh();
      await s.start(MAP, vote());
      const rev = await s.revision(MAP);
      expect(await s.changeDot(dot(1, A, 1))).toEqual({ ok: true, ballot: { [A]: 1 } });
      const afterFirst = await s.revision(MAP);
      expect(afterFirst).not.toBe(rev);
      expect(await s.changeDot(dot(1, A, 1))).toEqual({ ok: true, ballot: { [A]: 1 } });
      expect(await s.revision(MAP)).toBe(afterFirst);
      expect((await s.current(MAP, 2000))?.totals).toEqual({ [A]: 1 });
    });

    it('refuses dots over the budget, a second dot on one item when limited, and unknown items', async () => {
      const s = await fresh();
      await s.start(MAP, vote({ maxOnePerItem: true, dotsPerPerson: 2 }));
      expect((await s.changeDot(dot(1, A, 1))).ok).toBe(true);
      expect(await s.changeDot(dot(1, A, 2))).toEqual({ ok: false, reason: 'one_per_item' });
      expect((await s.changeDot(dot(1, B, 1))).ok).toBe(true);
      expect(await s.changeDot(dot(1, C, 1))).toEqual({ ok: false, reason: 'over_budget' });
      expect(await s.changeDot(dot(1, 'item-zzzzzzzzzzzzzzzzzzzz', 1))).toEqual({
        ok: false,
        reason: 'unknown_item',
      });
      expect((await s.current(MAP, 2000))?.totals).toEqual({ [A]: 1, [B]: 1 });
      await s.start(MAP, vote({ voteId: 'vote-aaaaaaaaaaaaaaaaaaaa', dotsPerPerson: 3 }));
      expect(await s.changeDot(dot(1, A, 4))).toEqual({ ok: false, reason: 'over_budget' });
    });

    it('never lets concurrent requests of one voter exceed the budget', async () => {
      const s = await fresh();
      await s.start(MAP, vote({ dotsPerPerson: 3 }));
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, i) => s.changeDot(dot(7, ITEMS[i % 3]!, 1 + Math.floor(i / 3)))),
      );
      expect(outcomes.some((o) => !o.ok && o.reason === 'over_budget')).toBe(true);
      const ballot = await s.ballot(MAP, vote().voteId, voter(7));
      expect(Object.values(ballot).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3);
      expect((await s.current(MAP, 2000))?.totals).toEqual(ballot);
    });

    it('keeps totals equal to the sum of the ballots under concurrent voting (seeded)', async () => {
      const s = await fresh();
      await s.start(MAP, vote({ dotsPerPerson: 5 }));
      const random = seeded(20261201);
      const ops = Array.from({ length: 400 }, () =>
        dot(1 + Math.floor(random() * 25), ITEMS[Math.floor(random() * 3)]!, Math.floor(random() * 4)),
      );
      await Promise.all(ops.map((op) => s.changeDot(op)));
      const expected: Record<string, number> = {};
      for (let v = 1; v <= 25; v++) {
        const ballot = await s.ballot(MAP, vote().voteId, voter(v));
        expect(Object.values(ballot).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5);
        for (const [item, n] of Object.entries(ballot)) expected[item] = (expected[item] ?? 0) + n;
      }
      expect((await s.current(MAP, 2000))?.totals).toEqual(expected);
    });

    it('turns ballots into totals when stopped, and refuses dots afterwards', async () => {
      const s = await fresh();
      await s.start(MAP, vote());
      await s.changeDot(dot(1, A, 1));
      await s.changeDot(dot(2, B, 1));
      expect(await s.stop(MAP, 3000)).toBe(true);
      expect(await s.stop(MAP, 3001)).toBe(false);
      const closed = await s.current(MAP, 4000);
      expect(closed?.vote.closedAt).toBe(3000);
      expect(closed?.totals).toEqual({ [A]: 1, [B]: 1 });
      // The ballots are gone: nobody's own dots can be read back once the vote is over.
      expect(await s.ballot(MAP, vote().voteId, voter(1))).toEqual({});
      expect(await s.changeDot(dot(1, C, 1))).toEqual({ ok: false, reason: 'closed' });
    });

    it('closes a timed vote when swept after its end', async () => {
      const s = await fresh();
      await s.start(MAP, vote({ endsAt: 5000 }));
      await s.changeDot(dot(1, A, 1, { now: 4999 }));
      expect(await s.closeExpired(4000)).toEqual([]);
      expect(await s.closeExpired(6000)).toEqual([MAP]);
      expect(await s.changeDot(dot(1, B, 1, { now: 5000 }))).toEqual({ ok: false, reason: 'closed' });
      const closed = await s.current(MAP, 6000);
      expect(closed?.vote.closedAt).toBe(5000);
      expect(closed?.totals).toEqual({ [A]: 1 });
    });

    it('closes a timed vote on the first read past its end', async () => {
      const s = await fresh();
      await s.start(MAP, vote({ endsAt: 5000 }));
      await s.changeDot(dot(1, A, 1, { now: 4999 }));
      expect(await s.changeDot(dot(1, B, 1, { now: 5000 }))).toEqual({ ok: false, reason: 'closed' });
      expect((await s.current(MAP, 5000))?.vote.closedAt).toBe(5000);
      expect(await s.ballot(MAP, vote().voteId, voter(1))).toEqual({});
    });

    it('reveals, replaces a vote with a new one (nothing of the old kept) and clears', async () => {
      const s = await fresh();
      await s.start(MAP, vote({ hidden: true }));
      await s.changeDot(dot(1, A, 1));
      const before = await s.revision(MAP);
      expect(await s.reveal(MAP)).toBe(true);
      expect(await s.revision(MAP)).not.toBe(before);
      expect((await s.current(MAP, 2000))?.vote.revealed).toBe(true);
      await s.start(MAP, vote({ voteId: 'vote-bbbbbbbbbbbbbbbbbbbb' }));
      expect((await s.current(MAP, 2000))?.totals).toEqual({});
      expect(await s.changeDot(dot(1, A, 1))).toEqual({ ok: false, reason: 'closed' });
      expect(await s.clear(MAP)).toBe(true);
      expect(await s.current(MAP, 2000)).toBeNull();
      expect(await s.reveal(MAP)).toBe(false);
    });

    it('stops taking new voters at the cap, while those in keep voting', async () => {
      const s = await fresh();
      await s.start(MAP, vote());
      expect((await s.changeDot(dot(1, A, 1, { maxVoters: 2 }))).ok).toBe(true);
      expect((await s.changeDot(dot(2, A, 1, { maxVoters: 2 }))).ok).toBe(true);
      expect(await s.changeDot(dot(3, A, 1, { maxVoters: 2 }))).toEqual({
        ok: false,
        reason: 'too_many_voters',
      });
      expect((await s.changeDot(dot(1, B, 1, { maxVoters: 2 }))).ok).toBe(true);
    });
  });
}
