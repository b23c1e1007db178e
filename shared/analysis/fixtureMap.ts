import type { ChainMap } from '../model/ChainMap';
import { inMemoryMap } from '../model/replicas';
import type { ActorInput, ActorKind, LinkInput, LinkKind } from '../model/types';

/**
 * Small fixture maps for tests, built through the ChainMap API (never by hand-made state objects)
 * so that tests see exactly what the app reads. Ids are readable and fixed: tests stay deterministic.
 */
export class FixtureMap {
  readonly map: ChainMap;

  constructor(municipality = 'Testgem') {
    this.map = inMemoryMap({ title: 'Testkaart', municipality });
  }

  actor(id: string, kind: ActorKind, extra: Partial<ActorInput> = {}): this {
    this.map.addActor({ id, kind, label: id, ...extra });
    return this;
  }

  /** Link id defaults to `source-kind-target`. */
  link(kind: LinkKind, source: string, target: string, extra: Partial<LinkInput> = {}): this {
    this.map.addLink({ id: `${source}-${kind}-${target}`, kind, source, target, ...extra });
    return this;
  }

  /** A warm, owned handover: the "nothing wrong here" default for route fixtures. */
  handover(source: string, target: string, extra: Partial<LinkInput> = {}): this {
    return this.link('handover', source, target, { warmth: 'warm', owner: 'Els', ...extra });
  }

  read() {
    return this.map.read();
  }
}
