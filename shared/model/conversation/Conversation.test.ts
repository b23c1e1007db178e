import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdateShape } from '../docShape';
import { CONVERSATION_ROOTS, conversationLayoutOf, DOC_ROOTS } from '../layout';
import { Conversation } from './Conversation';

const els = { id: 'author-els', name: 'Els', colour: '#2563eb' };
const ahmed = { id: 'author-ahmed', name: 'Ahmed', colour: '#16a34a' };
const anchor = { kind: 'actor' as const, id: 'actor-1', at: { x: 10, y: 20 } };

function peers(): [Conversation, Conversation] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array) => Y.applyUpdate(a, u, 'remote'));
  return [new Conversation(a), new Conversation(b)];
}

describe('Conversation', () => {
  it('a thread with replies reads the same on both peers, comments oldest first', () => {
    const [mine, theirs] = peers();
    const id = mine.startThread(anchor, els, '  Wie belt de OCMW?  ', 1000);
    theirs.reply(id, ahmed, 'Ik doe het.', 2000);
    const [thread] = mine.threads();
    expect(thread).toMatchObject({ id, anchor, createdAt: 1000, resolved: null, latestAt: 2000 });
    expect(thread!.comments.map((c) => [c.author.name, c.text])).toEqual([
      ['Els', 'Wie belt de OCMW?'],
      ['Ahmed', 'Ik doe het.'],
    ]);
    expect(theirs.threads()).toEqual(mine.threads());
  });

  it('lists threads newest activity first', () => {
    const [mine] = peers();
    const old = mine.startThread(anchor, els, 'eerst', 1000);
    const fresh = mine.startThread({ kind: 'free', id: '', at: { x: 0, y: 0 } }, els, 'later', 2000);
    expect(mine.threads().map((t) => t.id)).toEqual([fresh, old]);
    mine.reply(old, ahmed, 'nog later', 3000);
    expect(mine.threads().map((t) => t.id)).toEqual([old, fresh]);
  });

  it('resolves with who and when, and reopens', () => {
    const [mine, theirs] = peers();
    const id = mine.startThread(anchor, els, 'vraag', 1000);
    theirs.resolve(id, 'Ahmed', 5000);
    expect(mine.thread(id)?.resolved).toEqual({ by: 'Ahmed', at: 5000 });
    mine.reopen(id);
    expect(theirs.thread(id)?.resolved).toBeNull();
  });

  it('edits a comment (marked edited) and deletes it; the last comment takes its thread along', () => {
    const [mine] = peers();
    const id = mine.startThread(anchor, els, 'eerst', 1000);
    const reply = mine.reply(id, els, 'tweede', 2000);
    mine.editComment(reply, 'tweede, verbeterd', 2500);
    expect(mine.thread(id)?.comments[1]).toMatchObject({ text: 'tweede, verbeterd', editedAt: 2500 });
    mine.deleteComment(reply);
    expect(mine.thread(id)?.comments).toHaveLength(1);
    mine.deleteComment(mine.thread(id)!.comments[0]!.id);
    expect(mine.threads()).toEqual([]);
  });

  it('refuses an empty comment and writes nothing', () => {
    const [mine] = peers();
    expect(() => mine.startThread(anchor, els, '   ', 1)).toThrow();
    expect(mine.threads()).toEqual([]);
  });

  it('keeps the last position of a deleted element on its threads, and keeps the anchor id', () => {
    const [mine, theirs] = peers();
    const id = mine.startThread(anchor, els, 'vraag', 1000);
    mine.keepPosition('actor', 'actor-1', { x: 300, y: 400 });
    expect(theirs.thread(id)?.anchor).toEqual({ kind: 'actor', id: 'actor-1', at: { x: 300, y: 400 } });
  });

  it('skips records a hostile peer broke instead of throwing', () => {
    const [mine, theirs] = peers();
    const id = mine.startThread(anchor, els, 'ok', 1000);
    // Written straight into the doc, as a hostile client would: a thread without an anchor, a
    // comment without an author, and a plain value where a record belongs.
    const { threads, comments } = conversationLayoutOf(theirs.doc);
    theirs.doc.transact(() => {
      const thread = new Y.Map<unknown>();
      thread.set('createdAt', 5);
      threads.set('no-anchor', thread);
      const comment = new Y.Map<unknown>();
      comment.set('threadId', id);
      comment.set('text', 'anoniem');
      comment.set('createdAt', 6);
      comments.set('no-author', comment);
      threads.set('not-a-map', 42);
    });
    expect(mine.threads().map((t) => [t.id, t.comments.length])).toEqual([[id, 1]]);
  });

  it('writes only what the conversation shape allows, and nothing a map doc allows', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const conversation = new Conversation(doc);
    const id = conversation.startThread(anchor, els, 'vraag', 1);
    conversation.resolve(id, 'Els', 2);
    const full = Y.encodeStateAsUpdate(doc);
    expect(checkUpdateShape(full, null, undefined, CONVERSATION_ROOTS).ok).toBe(true);
    expect(checkUpdateShape(full, null, undefined, DOC_ROOTS)).toMatchObject({
      ok: false,
      rule: 'unknown_root',
    });
  });
});
