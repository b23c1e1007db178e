import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../model/replicas';
import { importIntoMap } from './importIntoMap';
import type { Progress } from './progress';
import { utf8 } from './testing/encodings';

describe('importIntoMap', () => {
  it('reports progress stage by stage, each from 0 to 1, for a progress bar', async () => {
    const map = inMemoryMap({ title: 'Keten' });
    map.addPhase('Onthaal');
    const rows = Array.from({ length: 50 }, (_, i) => `Partner ${i};Onthaal`).join('\n');
    const seen: Progress[] = [];
    const outcome = await importIntoMap(map, [{ name: 'lijst.csv', bytes: utf8(`Naam;Fase\n${rows}\n`) }], {
      onProgress: (p) => seen.push(p),
    });
    expect(outcome.ok).toBe(true);
    const stages = [...new Set(seen.map((p) => p.stage))];
    expect(stages).toEqual(['read', 'map', 'match', 'place', 'apply']);
    for (const stage of stages) {
      const fractions = seen.filter((p) => p.stage === stage).map((p) => p.fraction);
      expect(fractions[0]).toBe(0);
      expect(fractions.at(-1)).toBe(1);
      expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    }
    expect(map.actors()).toHaveLength(50);
  });

  it('answers like the import API: counts added and updated per collection, and the unchanged rows', async () => {
    const map = inMemoryMap({ title: 'Keten' });
    map.addActor({ id: 'v', kind: 'partner', label: 'VDAB' });
    const outcome = await importIntoMap(map, [
      { name: 'e.csv', bytes: utf8('Naam;Gemeente\nVDAB;\nCLB;Halle\n') },
      { name: 'c.csv', bytes: utf8('Van;Naar;Type\nVDAB;CLB;Partnerschap\n') },
    ]);
    expect(outcome.ok && outcome.summary).toEqual({
      added: { phases: 0, actors: 1, links: 1, notes: 0, versions: 0 },
      updated: { phases: 0, actors: 0, links: 0, notes: 0, versions: 0 },
      unchanged: 1,
    });
  });
});
