/**
 * The encoded state of a document version is computed once and shared by every sync step 1 answer
 * that asks with the same state vector (a workshop's clients do); a change makes a fresh one. Every
 * frame whose content Yjs holds back is reported held, also when content is already held back.
 */

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_SHAPE_LIMITS } from '../../shared/model/docShape';
import { missingDependencies } from '../../shared/testing/hostileUpdates';
import { putLabel } from '../test/helpers';
import { COST_MODEL } from './costModel';
import type { DocWorkerConfig, FrameResult } from './docMessages';
import { HostedDoc } from './HostedDoc';

const config: DocWorkerConfig = {
  maxDocumentBytes: 32 * 1024 * 1024,
  maxMapHeapBytes: 512 * 1024 * 1024,
  maxPendingBytes: 1024 * 1024,
  shape: DOC_SHAPE_LIMITS,
  cost: COST_MODEL,
};

function editOf(label: string, base?: Y.Doc): Uint8Array {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  putLabel(doc, 'a1', label);
  return Y.encodeStateAsUpdate(doc, before);
}

const answerOf = (result: FrameResult | undefined): Uint8Array => {
  if (result?.kind !== 'answer') throw new Error(`expected an answer, got ${result?.kind}`);
  return result.update;
};

describe('sync step 1 answers', () => {
  it('of one version share one encoding per state vector; a change makes a fresh one', () => {
    const hosted = HostedDoc.load([editOf('Welkomstbalie')], config);
    const empty = Y.encodeStateVector(new Y.Doc());
    const step1 = (conn: number) => ({ kind: 'step1' as const, conn, stateVector: empty });

    const first = hosted.apply([step1(1), step1(2)]);
    const [a, b] = first.results.map(answerOf);
    expect(a).toBe(b);
    expect(answerOf(hosted.apply([step1(3)]).results[0])).toBe(a);

    const applied = hosted.apply([{ kind: 'update', conn: 4, update: editOf('Onthaal', hosted.doc) }]);
    expect(applied.results[0]?.kind).toBe('applied');
    const fresh = answerOf(hosted.apply([step1(5)]).results[0]);
    expect(fresh).not.toBe(a);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, fresh);
    expect(Y.encodeStateAsUpdate(reader)).toEqual(Y.encodeStateAsUpdate(hosted.doc));
  });
});

describe('held-back content', () => {
  it('a frame held back while other content is already held back is reported held (Yjs merges it in place)', () => {
    const hosted = HostedDoc.load([], config);
    const first = hosted.apply([{ kind: 'update', conn: 1, update: missingDependencies(3, 10, 8000) }]);
    expect(first.results[0]).toMatchObject({ kind: 'applied', held: true });
    const second = hosted.apply([{ kind: 'update', conn: 2, update: missingDependencies(3, 10, 8100) }]);
    expect(second.results[0]).toMatchObject({ kind: 'applied', held: true });
    expect(second.emitted).toEqual([]);
  });
});
