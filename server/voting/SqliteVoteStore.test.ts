import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers';
import { SqliteVoteStore } from './SqliteVoteStore';
import { voteStoreContract } from './voteStoreContract';

voteStoreContract('SqliteVoteStore', () => new SqliteVoteStore(path.join(tempDir(), 'votes.sqlite')));
voteStoreContract('SqliteVoteStore, :memory:', () => new SqliteVoteStore(':memory:'));

describe('SqliteVoteStore', () => {
  it('keeps a vote and its ballots across reopening the file', async () => {
    const file = path.join(tempDir(), 'votes.sqlite');
    const map = 'map-aaaaaaaaaaaaaaaaaaaa';
    const item = 'item-aaaaaaaaaaaaaaaaaaaa';
    const voteId = 'vote-aaaaaaaaaaaaaaaaaaaa';
    const voter = new Uint8Array(32).fill(9);
    const first = new SqliteVoteStore(file);
    await first.start(map, {
      voteId,
      kinds: ['gap'],
      items: [item],
      dotsPerPerson: 3,
      maxOnePerItem: false,
      hidden: true,
      startedAt: 1,
      endsAt: null,
      closedAt: null,
      revealed: false,
    });
    await first.changeDot({ mapId: map, voteId, voter, itemId: item, dots: 1, now: 2, maxVoters: 10 });
    await first.close();
    const second = new SqliteVoteStore(file);
    expect(await second.ballot(map, voteId, voter)).toEqual({ [item]: 1 });
    expect((await second.current(map, 3))?.totals).toEqual({ [item]: 1 });
    await second.close();
  });
});
