import { describe, expect, it } from 'vitest';
import type { ChainMap } from '../../model/ChainMap';
import { ACTOR_HEIGHT, ACTOR_WIDTH, phaseIdAt } from '../../model/laneGeometry';
import { inMemoryMap } from '../../model/replicas';
import type { Position } from '../../model/types';
import { SeededRandom } from '../../seededRandom';
import { planFiles } from '../testing/planFiles';
import { applyPlan } from './applyPlan';
import { placeNewActors } from './placeNewActors';

const LANES = ['Aankomst', 'Onthaal', 'Toeleiding'];

function mapWithLanes(existing: number): ChainMap {
  const map = inMemoryMap({ title: 'Keten' });
  map.transact(() => {
    const ids = LANES.map((label) => map.addPhase(label));
    for (let i = 0; i < existing; i++) {
      const lane = i % (LANES.length + 1);
      map.addActor({
        id: `old${i}`,
        kind: 'service',
        label: `Bestaand ${i}`,
        phaseId: ids[lane] ?? null,
        position: { x: lane * 360 + 90, y: 120 + Math.floor(i / 4) * 104 },
      });
    }
  });
  return map;
}

function list(count: number, seed: number): Record<string, string> {
  const rnd = new SeededRandom(seed);
  const elements = ['ID;Naam;Soort;Fase'];
  for (let i = 0; i < count; i++) {
    elements.push(`n${i};Nieuw ${i};Partner;${rnd.bool(0.15) ? '' : rnd.pick([...LANES, 'Opvolging'])}`);
  }
  const connections = ['Van;Naar;Type'];
  for (let i = 0; i < count; i++) connections.push(`n${i};n${(i * 7 + 3) % count};Informatiedeling`);
  return { 'elements.csv': `${elements.join('\n')}\n`, 'connections.csv': `${connections.join('\n')}\n` };
}

function overlaps(a: Position, b: Position): boolean {
  return Math.abs(a.x - b.x) < ACTOR_WIDTH && Math.abs(a.y - b.y) < ACTOR_HEIGHT;
}

describe('placing imported actors', () => {
  it('puts every new actor inside its lane (a new lane too), overlapping nothing, moving nothing that stood', async () => {
    const map = mapWithLanes(12);
    const before = new Map(map.actors().map((a) => [a.id, a.position]));
    const plan = await placeNewActors(map.read(), await planFiles(map, list(40, 1)));
    expect(plan.actors.every((a) => !a.needsPlacement)).toBe(true);
    applyPlan(map, plan);
    const actors = map.actors();
    const phases = map.phases();
    expect(phases.map((p) => p.label)).toEqual([...LANES, 'Opvolging']);
    for (const a of actors) {
      if (before.has(a.id)) expect(a.position).toEqual(before.get(a.id));
      else expect(phaseIdAt(a.position, phases)).toBe(a.phaseId);
    }
    for (let i = 0; i < actors.length; i++) {
      for (let j = i + 1; j < actors.length; j++) {
        expect(
          overlaps(actors[i]!.position, actors[j]!.position),
          `${actors[i]!.id} × ${actors[j]!.id}`,
        ).toBe(false);
      }
    }
  });

  it('keeps the same guarantees for a large import, which gets the layout’s fast mode', async () => {
    const map = mapWithLanes(8);
    const plan = await placeNewActors(map.read(), await planFiles(map, list(320, 4)));
    applyPlan(map, plan);
    const actors = map.actors();
    const phases = map.phases();
    for (const a of actors) if (a.id.startsWith('n')) expect(phaseIdAt(a.position, phases)).toBe(a.phaseId);
    const sorted = [...actors].sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y);
    for (let i = 0; i < sorted.length; i++) {
      for (
        let j = i + 1;
        j < sorted.length && sorted[j]!.position.x - sorted[i]!.position.x < ACTOR_WIDTH;
        j++
      ) {
        expect(overlaps(sorted[i]!.position, sorted[j]!.position)).toBe(false);
      }
    }
  });

  it('stacks a plain list (no connections) in its lanes in file order, below what stands there', async () => {
    const map = mapWithLanes(8);
    const rows = ['Naam;Fase', 'Zeta;Onthaal', 'Alfa;Onthaal', 'Midden;Onthaal', 'Los;'].join('\n');
    const plan = await placeNewActors(map.read(), await planFiles(map, { 'lijst.csv': rows }));
    applyPlan(map, plan);
    const onthaal = map.phases().find((p) => p.label === 'Onthaal')!.id;
    const newcomers = plan.actors.map((a) => map.getActor(a.id)!);
    const inLane = newcomers.filter((a) => a.phaseId === onthaal);
    expect(inLane.map((a) => a.label)).toEqual(['Zeta', 'Alfa', 'Midden']);
    expect(inLane.map((a) => a.position.y)).toEqual(
      [...inLane.map((a) => a.position.y)].sort((a, b) => a - b),
    );
    const all = map.actors();
    for (const a of newcomers) {
      expect(phaseIdAt(a.position, map.phases())).toBe(a.phaseId);
      for (const b of all)
        if (b.id !== a.id) expect(overlaps(a.position, b.position), `${a.label} × ${b.label}`).toBe(false);
    }
  });

  it('gives the same positions for the same file and map', async () => {
    const positions = async () => {
      const map = mapWithLanes(5);
      const plan = await placeNewActors(map.read(), await planFiles(map, list(20, 2)));
      return plan.actors.map((a) => [a.id, a.value.position]);
    };
    expect(await positions()).toEqual(await positions());
  });

  it('leaves actors whose row gives X and Y where the file puts them', async () => {
    const map = mapWithLanes(0);
    const plan = await placeNewActors(
      map.read(),
      await planFiles(map, { 'e.csv': 'Naam;Fase;X;Y\nVast;Onthaal;400;900\nVrij;Onthaal;;\n' }),
    );
    expect(plan.actors.map((a) => a.value.position)).toEqual([{ x: 400, y: 900 }, expect.any(Object)]);
    expect(overlaps(plan.actors[0]!.value.position, plan.actors[1]!.value.position)).toBe(false);
  });
});
