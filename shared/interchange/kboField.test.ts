import { describe, expect, it } from 'vitest';
import { encodeMap, inMemoryMap } from '../model/replicas';
import { MODEL_STORES_KBO } from './kboField';
import { applyPlan } from './plan/applyPlan';
import { planFiles } from './testing/planFiles';

describe('the KBO number on its way to the model', () => {
  it('is written exactly when the model reads it back: flip MODEL_STORES_KBO the day actors gain a kbo field', () => {
    const map = inMemoryMap({ title: 'Keten' });
    map.addActor({ kind: 'partner', label: 'VDAB' });
    expect('kbo' in map.read().actors[0]!).toBe(MODEL_STORES_KBO);
  });

  it('is carried in the plan, normalised, and (until the model stores it) not written into the doc', async () => {
    const map = inMemoryMap({ title: 'Keten' });
    const plan = await planFiles(map, { 'lijst.csv': 'Naam;Ondernemingsnummer\nVDAB;BE 0887.010.362\n' });
    expect(plan.actors[0]!.kbo).toBe('0887010362');
    applyPlan(map, plan);
    const stored = new TextDecoder().decode(encodeMap(map));
    expect(stored.includes('0887010362')).toBe(MODEL_STORES_KBO);
  });
});
