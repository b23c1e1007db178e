import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../../../../shared/model/replicas';
import type { Actor } from '../../../../../shared/model/types';
import { ChainAnalysis } from '../../../analysis/ChainAnalysis';
import { LINK_CHOICES } from '../../../canvas/linkChoice';
import { ActorInspector } from './ActorInspector';
import { ACTOR_PICKER_MAX_ROWS, actorMatches } from './actorMatches';

function mapOf(n: number) {
  const model = inMemoryMap({ title: 'groot' });
  model.transact(() => {
    for (let i = 0; i < n; i++)
      model.addActor({ kind: 'service', label: `Dienst ${i}`, position: { x: i, y: 0 } });
  });
  return model;
}

const name = (a: Actor) => a.label;

describe('the actor picker', () => {
  it('selecting an actor on a big map renders no actor rows until the picker opens', () => {
    const model = mapOf(1000);
    const state = model.read();
    const html = renderToStaticMarkup(
      <ActorInspector
        actor={state.actors[0]!}
        state={state}
        model={model}
        readOnly={false}
        linkChoice={LINK_CHOICES[0]!}
        onLinked={() => {}}
        onAddNote={() => {}}
        onSelect={() => {}}
        analysis={new ChainAnalysis()}
      />,
    );
    expect(html).toContain('Verbinden met…');
    // Before: a <select> with an <option> per other actor (999 of them).
    expect(html.match(/Dienst \d+/g) ?? []).toEqual([state.actors[0]!.label]);
    expect(html).not.toContain('role="option"');
  });

  it('shows at most the cap of rows until searched, and says how many more match', () => {
    const actors = mapOf(1000).read().actors;
    const all = actorMatches(actors, '', name);
    expect(all.rows).toHaveLength(ACTOR_PICKER_MAX_ROWS);
    expect(all.more).toBe(1000 - ACTOR_PICKER_MAX_ROWS);
    const narrowed = actorMatches(actors, 'dienst 99', name);
    expect(narrowed.rows.map(name).sort()).toEqual(
      ['Dienst 99', ...Array.from({ length: 10 }, (_, i) => `Dienst ${990 + i}`)].sort(),
    );
    expect(narrowed.more).toBe(0);
  });

  it('matches case and accents loosely, names that start with the search first', () => {
    const model = inMemoryMap({ title: 't' });
    for (const label of ['OCMW Café', 'Café De Kring', 'VDAB'])
      model.addActor({ kind: 'service', label, position: { x: 0, y: 0 } });
    const actors = model.read().actors;
    expect(actorMatches(actors, 'CAFE', name).rows.map(name)).toEqual(['Café De Kring', 'OCMW Café']);
    expect(actorMatches(actors, 'xyz', name)).toEqual({ rows: [], more: 0 });
  });
});
