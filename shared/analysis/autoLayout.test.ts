import { describe, expect, it } from 'vitest';
import type { ChainMap } from '../model/ChainMap';
import { ACTOR_HEIGHT, ACTOR_WIDTH, LANE_WIDTH, laneX, phaseIdAt } from '../model/laneGeometry';
import { inMemoryMap, replicaOf } from '../model/replicas';
import type { ActorKind } from '../model/types';
import { SeededRandom } from '../seededRandom';
import { applyStarter } from '../templates/starter';
import { type AutoLayoutOptions, autoLayout, type LayoutMove } from './autoLayout';

function randomMap(seed: number, actors: number, links: number): ChainMap {
  const rnd = new SeededRandom(seed);
  const map = inMemoryMap({ title: 'Layout', municipality: 'Asse' }, { fill: applyStarter });
  const phases = map.phases();
  const kinds: ActorKind[] = ['service', 'partner', 'role', 'handover', 'targetGroup', 'collaboration'];
  for (let i = 0; i < actors; i++) {
    const phase = rnd.bool(0.1) ? null : rnd.pick(phases)!;
    map.addActor({
      id: `r${i}`,
      kind: rnd.pick(kinds)!,
      phaseId: phase?.id ?? null,
      position: { x: rnd.int(3000), y: rnd.int(2000) },
    });
  }
  const ids = map.actors().map((a) => a.id);
  for (let i = 0; i < links; i++) {
    const source = rnd.pick(ids)!;
    const target = rnd.pick(ids)!;
    if (source !== target) map.addLink({ kind: 'handover', source, target, id: `l${i}` });
  }
  return map;
}

function overlaps(a: LayoutMove, b: LayoutMove): boolean {
  return (
    Math.abs(a.position.x - b.position.x) < ACTOR_WIDTH &&
    Math.abs(a.position.y - b.position.y) < ACTOR_HEIGHT
  );
}

describe.each([
  ['full', {}],
  ['fast', { effort: 'fast' }],
] as const)('autoLayout (%s)', (_, options: AutoLayoutOptions) => {
  const map = randomMap(7, 60, 90);
  const state = map.read();

  it('moves every actor once, keeping each inside its own lane', async () => {
    const moves = await autoLayout(state, options);
    expect(moves.map((m) => m.id).sort()).toEqual(state.actors.map((a) => a.id).sort());
    const phases = state.phases;
    for (const move of moves) {
      const actor = state.actors.find((a) => a.id === move.id)!;
      expect(move.phaseId).toBe(actor.phaseId);
      expect(phaseIdAt(move.position, phases)).toBe(actor.phaseId);
      if (actor.phaseId !== null) {
        const lane = phases.findIndex((p) => p.id === actor.phaseId);
        expect(move.position.x).toBeGreaterThanOrEqual(laneX(lane));
        expect(move.position.x + ACTOR_WIDTH).toBeLessThanOrEqual(laneX(lane) + LANE_WIDTH);
      } else {
        expect(move.position.x).toBeGreaterThanOrEqual(laneX(phases.length));
      }
    }
  });

  it('never lets two actors overlap', async () => {
    const moves = await autoLayout(state, options);
    for (let i = 0; i < moves.length; i++) {
      for (let j = i + 1; j < moves.length; j++) expect(overlaps(moves[i]!, moves[j]!)).toBe(false);
    }
  });

  it('gives the same moves for the same map, also on another peer', async () => {
    const peer = replicaOf(map);
    expect(await autoLayout(peer.read(), options)).toEqual(await autoLayout(state, options));
  });

  it('places a handover’s receiver level with its sender when they stand alone', async () => {
    const m = inMemoryMap({ title: 't' });
    const p1 = m.addPhase('A');
    const p2 = m.addPhase('B');
    m.addActor({ id: 'a', kind: 'service', phaseId: p1 });
    m.addActor({ id: 'b', kind: 'service', phaseId: p2 });
    m.addLink({ kind: 'handover', source: 'a', target: 'b' });
    const moves = await autoLayout(m.read(), options);
    expect(moves.find((x) => x.id === 'a')?.position.y).toBe(moves.find((x) => x.id === 'b')?.position.y);
  });

  it('applies as one undo step through moveActors', async () => {
    const undo = map.createUndoManager();
    const before = map.read().actors.map((a) => a.position);
    map.moveActors(await autoLayout(map.read(), options));
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(map.read().actors.map((a) => a.position)).toEqual(before);
  });
});

describe('autoLayout’s fast mode', () => {
  it('orders each lane by the lanes it is linked to: a shuffled one-to-one chain comes out without crossings', async () => {
    const m = inMemoryMap({ title: 't' });
    const lanes = [m.addPhase('A'), m.addPhase('B'), m.addPhase('C')];
    const rnd = new SeededRandom(3);
    const shuffled = (n: number) => {
      const out = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = rnd.int(i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    };
    // Ids sort as a0 < a1 < …, so the starting order within each lane is shuffled against the chain.
    const [toB, toC] = [shuffled(8), shuffled(8)];
    m.transact(() => {
      for (let i = 0; i < 8; i++) {
        m.addActor({ id: `a${i}`, kind: 'service', phaseId: lanes[0]! });
        m.addActor({ id: `b${i}`, kind: 'service', phaseId: lanes[1]! });
        m.addActor({ id: `c${i}`, kind: 'service', phaseId: lanes[2]! });
      }
      for (let i = 0; i < 8; i++) {
        m.addLink({ kind: 'handover', source: `a${i}`, target: `b${toB[i]}` });
        m.addLink({ kind: 'handover', source: `b${toB[i]}`, target: `c${toC[i]}` });
      }
    });
    const y = new Map((await autoLayout(m.read(), { effort: 'fast' })).map((mv) => [mv.id, mv.position.y]));
    for (const l of m.read().links)
      expect(y.get(l.target), `${l.source} → ${l.target}`).toBe(y.get(l.source));
  });
});
