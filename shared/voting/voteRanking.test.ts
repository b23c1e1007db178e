import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../model/replicas';
import { prioritiesFromRanking, rankItems } from './voteRanking';

describe('rankItems', () => {
  it('ranks by votes, ties sharing a rank and keeping the vote order', () => {
    expect(rankItems(['a', 'b', 'c', 'd'], { b: 3, c: 1, d: 3 })).toEqual([
      { id: 'b', votes: 3, rank: 1 },
      { id: 'd', votes: 3, rank: 1 },
      { id: 'c', votes: 1, rank: 3 },
      { id: 'a', votes: 0, rank: 4 },
    ]);
  });
});

describe('prioritiesFromRanking', () => {
  it('gives the top third high, the middle medium, the rest and the unvoted low', () => {
    const ranked = rankItems(['a', 'b', 'c', 'd', 'e', 'f', 'g'], { a: 6, b: 5, c: 4, d: 3, e: 2, f: 1 });
    expect(Object.fromEntries(prioritiesFromRanking(ranked))).toEqual({
      a: 'high',
      b: 'high',
      c: 'medium',
      d: 'medium',
      e: 'low',
      f: 'low',
      g: 'low',
    });
  });

  it('keeps tied items in one tier', () => {
    const ranked = rankItems(['a', 'b', 'c'], { a: 2, b: 2, c: 2 });
    expect([...prioritiesFromRanking(ranked).values()]).toEqual(['high', 'high', 'high']);
  });
});

describe('ChainMap.setNotePriorities', () => {
  it('writes every priority in one undo step, and undo restores each one', () => {
    const map = inMemoryMap({ title: 'Stemmen' });
    const undo = map.createUndoManager();
    const ids = ['quickWin', 'gap', 'gap'].map((kind, i) =>
      map.addNote({ kind: kind as 'gap', text: `item ${i}`, position: { x: i * 10, y: 0 } }),
    );
    map.updateNote(ids[2]!, { priority: 'medium' });
    undo.stopCapturing();
    map.setNotePriorities(
      new Map([
        [ids[0]!, 'high'],
        [ids[1]!, 'low'],
        [ids[2]!, 'medium'],
        ['gone', 'high'],
      ]),
    );
    expect(ids.map((id) => map.getNote(id)?.priority)).toEqual(['high', 'low', 'medium']);
    undo.undo();
    expect(ids.map((id) => map.getNote(id)?.priority)).toEqual([null, null, 'medium']);
  });
});
