import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChainMap } from '../model/ChainMap';
import type { ValidationProblem } from '../model/types';
import { buildSampleMap } from './buildSampleMap';
import { contentOf } from './versionContent';
import { decodeVersionSnapshot, encodeVersionSnapshot, VersionSnapshotError } from './versionSnapshot';

function errorOf(fn: () => unknown): VersionSnapshotError {
  try {
    fn();
  } catch (e) {
    if (e instanceof VersionSnapshotError) return e;
    throw new Error(`expected a VersionSnapshotError, got ${String(e)}`);
  }
  throw new Error('expected a VersionSnapshotError, nothing was thrown');
}

describe('version snapshot encoding', () => {
  it('round-trips the whole content of a realistic map exactly', () => {
    const content = contentOf(buildSampleMap({ seed: 1, actors: 120 }));
    expect(decodeVersionSnapshot(encodeVersionSnapshot(content))).toEqual(content);
  });

  it('round-trips defaults, dangling references, anchors and a source gap', () => {
    const map = ChainMap.create(new Y.Doc(), { title: 'Halle', municipality: '' });
    const lane = map.addPhase('Onthaal');
    const a = map.addActor({
      kind: 'service',
      label: 'Burgerzaken',
      phaseId: lane,
      position: { x: 1.5, y: -2 },
    });
    const b = map.addActor({ kind: 'role', label: 'Toeleider', languages: ['ro', 'nl'], regie: 'zelf' });
    const link = map.addLink({ kind: 'handover', source: a, target: b, warmth: 'warm', dataShared: true });
    const gap = map.addNote({
      kind: 'gap',
      text: 'Geen tolk',
      anchor: { type: 'link', id: link },
      due: '2024-03-12',
    });
    map.addNote({ kind: 'action', text: 'Tolk regelen', sourceNoteId: gap, owner: 'Anna', priority: 'high' });
    map.addNote({ kind: 'quickWin', text: 'wees', owner: a });
    const content = contentOf(map);
    expect(decodeVersionSnapshot(encodeVersionSnapshot(content))).toEqual(content);
    // A note anchored to an actor outside the content keeps its anchor id verbatim.
    const dangling = {
      ...content,
      notes: [{ ...content.notes[0]!, anchor: { type: 'actor' as const, id: 'gone' } }],
    };
    expect(decodeVersionSnapshot(encodeVersionSnapshot(dangling)).notes[0]!.anchor).toEqual({
      type: 'actor',
      id: 'gone',
    });
  });

  it('gives equal bytes for equal content listed in a different order', () => {
    const content = contentOf(buildSampleMap({ seed: 2, actors: 30 }));
    const shuffled = {
      ...content,
      actors: [...content.actors].reverse(),
      links: [...content.links].reverse(),
    };
    expect(encodeVersionSnapshot(shuffled)).toEqual(encodeVersionSnapshot(content));
  });

  it('is smaller than deflated plain JSON of the same content (ids interned, defaults omitted)', () => {
    const content = contentOf(buildSampleMap({ seed: 3, actors: 300 }));
    const encoded = encodeVersionSnapshot(content);
    const plain = deflateSync(new TextEncoder().encode(JSON.stringify(content)), { level: 9 });
    expect(encoded.length * 1.25).toBeLessThan(plain.length);
  });

  it('refuses bytes that are not a snapshot with a clear error', () => {
    expect(errorOf(() => decodeVersionSnapshot(new Uint8Array([1, 2, 3]))).reason).toBe('notASnapshot');
    const update = Y.encodeStateAsUpdate(buildSampleMap({ seed: 4, actors: 3 }).doc);
    expect(errorOf(() => decodeVersionSnapshot(update)).message).toMatch(/not a KetenKaart version snapshot/);
  });

  it('refuses a snapshot from a newer format instead of misreading it', () => {
    const bytes = encodeVersionSnapshot(contentOf(buildSampleMap({ seed: 5, actors: 3 })));
    bytes[3] = 9;
    const error = errorOf(() => decodeVersionSnapshot(bytes));
    expect(error.reason).toBe('newerFormat');
    expect(error.message).toMatch(/newer KetenKaart/);
  });

  it('reports a damaged or truncated snapshot as corrupt, never crashing', () => {
    const bytes = encodeVersionSnapshot(contentOf(buildSampleMap({ seed: 6, actors: 20 })));
    expect(errorOf(() => decodeVersionSnapshot(bytes.subarray(0, bytes.length - 40))).reason).toBe('corrupt');
    const flipped = bytes.slice();
    for (let i = 12; i < flipped.length; i += 7) flipped[i] = flipped[i]! ^ 0xff;
    expect(errorOf(() => decodeVersionSnapshot(flipped)).reason).toBe('corrupt');
    const huge = bytes.slice();
    new DataView(huge.buffer).setUint32(4, 0xffffffff, true);
    expect(errorOf(() => decodeVersionSnapshot(huge)).reason).toBe('corrupt');
  });

  it('reports a well-formed payload with a wrong shape as corrupt', () => {
    const wrap = (payload: unknown) => {
      const json = new TextEncoder().encode(JSON.stringify(payload));
      const body = deflateSync(json);
      const out = new Uint8Array(8 + body.length);
      out.set([0x4b, 0x4b, 0x56, 1]);
      new DataView(out.buffer).setUint32(4, json.length, true);
      out.set(body, 8);
      return out;
    };
    const empty = { meta: {}, ids: [], phases: [], actors: [], links: [], notes: [] };
    expect(decodeVersionSnapshot(wrap(empty)).actors).toEqual([]);
    for (const bad of [
      null,
      [],
      { ...empty, ids: 'x' },
      { ...empty, actors: [{}] },
      { ...empty, ids: ['a', 'a'], actors: [{}, {}] },
      { ...empty, ids: ['a'], links: [{ kind: 'handover', source: 7, target: 0 }] },
    ]) {
      expect(errorOf(() => decodeVersionSnapshot(wrap(bad))).reason).toBe('corrupt');
    }
  });

  it('skips an element the model would not accept and reports it, like the live readers do', () => {
    const json = new TextEncoder().encode(
      JSON.stringify({
        meta: { title: 'T' },
        ids: ['a1', 'a2'],
        phases: [],
        actors: [
          { kind: 'spaceship', position: { x: 0, y: 0 } },
          { kind: 'service', position: { x: 1, y: 1 } },
        ],
        links: [],
        notes: [],
      }),
    );
    const body = deflateSync(json);
    const bytes = new Uint8Array(8 + body.length);
    bytes.set([0x4b, 0x4b, 0x56, 1]);
    new DataView(bytes.buffer).setUint32(4, json.length, true);
    bytes.set(body, 8);
    const problems: ValidationProblem[] = [];
    const content = decodeVersionSnapshot(bytes, problems);
    expect(content.actors.map((a) => a.id)).toEqual(['a2']);
    expect(problems).toEqual([{ collection: 'actors', id: 'a1', reason: 'unknown actor kind "spaceship"' }]);
  });
});
