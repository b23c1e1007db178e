import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../analysis/finding';
import { analyse } from '../analysis/findings';
import type { ChainMap } from '../model/ChainMap';
import { phaseIdAt } from '../model/laneGeometry';
import { inMemoryMap } from '../model/replicas';
import { DEMO_MAPS } from './demoMaps';

const today = '2026-11-01';

function built(demo: (typeof DEMO_MAPS)[number]): ChainMap {
  const map = inMemoryMap({ title: demo.title, municipality: demo.municipality });
  demo.build(map);
  return map;
}

describe('DEMO_MAPS', () => {
  it('are labelled as fictional examples and have unique ids', () => {
    expect(DEMO_MAPS.length).toBeGreaterThanOrEqual(2);
    expect(new Set(DEMO_MAPS.map((d) => d.id)).size).toBe(DEMO_MAPS.length);
    for (const demo of DEMO_MAPS) expect(demo.title).toMatch(/^Fictief voorbeeld/);
  });

  for (const demo of DEMO_MAPS) {
    describe(demo.id, () => {
      const state = built(demo).read();

      it('builds without validation problems, with an entry point and a target group', () => {
        expect(state.problems).toEqual([]);
        expect(state.actors.some((a) => a.entryPoint)).toBe(true);
        expect(state.actors.some((a) => a.kind === 'targetGroup')).toBe(true);
        expect(state.notes.length).toBeGreaterThan(0);
      });

      it('places every actor in the lane it belongs to', () => {
        for (const a of state.actors) expect(phaseIdAt(a.position, state.phases)).toBe(a.phaseId);
      });

      it('shows findings of at least two different rules', () => {
        const rules = new Set(analyse(state, { today }).map((f) => f.rule));
        expect(rules.size).toBeGreaterThanOrEqual(2);
      });
    });
  }

  it('together show every rule at work', () => {
    const rules = new Set(DEMO_MAPS.flatMap((d) => analyse(built(d).read(), { today }).map((f) => f.rule)));
    expect([...rules].sort()).toEqual([...RULE_IDS].sort());
  });

  it('shows the Romanian-speaking toeleider as the one bridge for the labour migrants', () => {
    const state = built(DEMO_MAPS.find((d) => d.id === 'roemeense-toeleider')!).read();
    const toeleider = state.actors.find((a) => a.label.startsWith('Toeleider'))!;
    const finding = analyse(state, { today }).find((f) => f.key === `singlePointOfFailure:${toeleider.id}`);
    expect(finding?.message.params.targetGroups).toBe('‘Roemeense arbeidsmigranten’');
  });

  it('builds as one undo step', () => {
    const map = inMemoryMap({ title: 't' });
    const undo = map.createUndoManager();
    DEMO_MAPS[0]!.build(map);
    expect(undo.undoStack).toHaveLength(1);
  });
});
