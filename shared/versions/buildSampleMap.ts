import * as Y from 'yjs';
import { ChainMap } from '../model/ChainMap';
import { type ActorKind, LINK_KINDS, NOTE_KINDS, REGIE_LEVELS } from '../model/types';
import { SeededRandom } from '../seededRandom';

/**
 * A realistic, seeded chain map for tests and the doc-growth benchmark: the starter lanes plus
 * `actors` actors with Flemish labels, about 1.3 links per actor and 0.4 notes per actor.
 * Element ids are derived from the seed, so the same seed gives the same map on every run.
 */
export function buildSampleMap(options: { seed: number; actors: number; doc?: Y.Doc }): ChainMap {
  const rnd = new SeededRandom(options.seed);
  const map = ChainMap.create(options.doc ?? new Y.Doc(), {
    title: 'Ketenaanpak Asse',
    municipality: 'Asse',
  });
  const id = seededIds(rnd);
  map.transact(() => {
    const phaseIds: string[] = [];
    for (const label of ['Aankomst', 'Inschrijving', 'Onthaal', 'Toeleiding', 'Opvolging']) {
      phaseIds.push(map.addPhase(label, { id: id() }));
    }
    const actorIds: string[] = [];
    for (let i = 0; i < options.actors; i++) {
      actorIds.push(
        map.addActor({
          id: id(),
          kind: rnd.pick(ACTOR_KIND_MIX)!,
          label: `${rnd.pick(LABELS)} ${i + 1}`,
          description: rnd.bool(0.4) ? rnd.pick(DESCRIPTIONS)! : '',
          phaseId: rnd.pick(phaseIds)!,
          regie: rnd.bool(0.6) ? rnd.pick(REGIE_LEVELS)! : null,
          tags: rnd.bool(0.3) ? [rnd.pick(TAGS)!] : [],
          position: { x: Math.round(rnd.next() * 4000), y: Math.round(rnd.next() * 2400) },
          entryPoint: rnd.bool(0.03),
        }),
      );
    }
    for (let i = 0; i < Math.round(options.actors * 1.3); i++) {
      const source = rnd.pick(actorIds)!;
      const target = rnd.pick(actorIds)!;
      if (source === target) continue;
      const kind = rnd.pick(LINK_KINDS)!;
      map.addLink({
        id: id(),
        kind,
        source,
        target,
        label: rnd.bool(0.3) ? 'doorverwijzing' : '',
        ...(kind === 'handover' ? { warmth: rnd.bool(0.4) ? 'warm' : 'cold' } : {}),
      });
    }
    for (let i = 0; i < Math.round(options.actors * 0.4); i++) {
      map.addNote({
        id: id(),
        kind: rnd.pick(NOTE_KINDS)!,
        text: rnd.pick(DESCRIPTIONS)!,
        status: rnd.bool(0.2) ? 'done' : 'open',
        anchor: rnd.bool(0.5) ? { type: 'actor', id: rnd.pick(actorIds)! } : null,
        position: { x: Math.round(rnd.next() * 4000), y: Math.round(rnd.next() * 2400) },
      });
    }
  });
  return map;
}

/** Ids that look like randomId()'s (22 URL-safe characters) but replay from the seed. */
export function seededIds(rnd: SeededRandom): () => string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return () => {
    let s = '';
    for (let i = 0; i < 22; i++) s += alphabet[rnd.int(64)];
    return s;
  };
}

const ACTOR_KIND_MIX: readonly ActorKind[] = [
  'service',
  'service',
  'partner',
  'partner',
  'role',
  'targetGroup',
  'collaboration',
];
const LABELS = [
  'Burgerzaken',
  'Sociale dienst',
  'Huis van het Kind',
  'Bibliotheek',
  'VDAB',
  'CLB',
  'Agentschap Integratie en Inburgering',
  'Wijkinspecteur',
  'Toeleider',
  'Vrijetijdsdienst',
  'Woonloket',
  'Basisschool De Linde',
];
const DESCRIPTIONS = [
  'Nieuwe inwoners krijgen bij de inschrijving een folder en een afspraak.',
  'Begeleidt nieuwkomers naar werk en opleiding.',
  'Toeleider spreekt Roemeens en bezoekt gezinnen thuis.',
  'Contactgegevens worden gedeeld met toestemming.',
  'Wachtlijst voor Nederlandse les is lang.',
];
const TAGS = ['onthaal', 'taal', 'werk', 'wonen', 'gezin'];
