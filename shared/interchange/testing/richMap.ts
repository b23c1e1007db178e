import type { ChainMap } from '../../model/ChainMap';
import { inMemoryMap } from '../../model/replicas';
import { ACTOR_KINDS, NOTE_KINDS, NOTE_STATUSES, PRIORITIES, REGIE_LEVELS } from '../../model/types';
import { SeededRandom } from '../../seededRandom';

/**
 * A seeded map that uses every field with the text that breaks naive importers and exporters:
 * accents (Café, Sint-Pieters-Leeuw), quotes, semicolons and commas, line breaks, text that Excel
 * would take for a formula (`=`, `+`, `-`, `@`), XML specials (`<`, `&`). List values never hold
 * `|`, the list separator of Kumu's layout. Ids derive from the seed.
 */
/** A valid KBO number for `n`: eight digits from it, then their mod-97 check. */
function kboNumber(n: number): string {
  const base = (1_000_000 + n * 7919) % 20_000_000;
  return `${String(base).padStart(8, '0')}${String(97 - (base % 97)).padStart(2, '0')}`;
}

export function buildRichMap(seed: number, actors = 24): ChainMap {
  const rnd = new SeededRandom(seed);
  let next = 0;
  const id = () => `s${seed}-${(next++).toString(36)}`;
  const map = inMemoryMap({
    title: 'Ketenaanpak Sint-Pieters-Leeuw',
    municipality: 'Sint-Pieters-Leeuw',
  });
  const pick = <T>(items: readonly T[]) => rnd.pick(items)!;
  map.transact(() => {
    const phases = ['Aankomst', 'Inschrijving & onthaal', 'Toeleiding', 'Opvolging'].map((label) =>
      map.addPhase(label, { id: id() }),
    );
    const actorIds: string[] = [];
    for (let i = 0; i < actors; i++) {
      actorIds.push(
        map.addActor({
          id: id(),
          kind: ACTOR_KINDS[i % ACTOR_KINDS.length]!,
          label: `${pick(LABELS)} ${i + 1}`,
          description: rnd.bool(0.7) ? pick(TEXTS) : '',
          phaseId: rnd.bool(0.85) ? pick(phases) : null,
          regie: rnd.bool(0.6) ? pick(REGIE_LEVELS) : null,
          tags: rnd.bool(0.5) ? [pick(TAGS), pick(TAGS)].filter((t, j, all) => all.indexOf(t) === j) : [],
          contact: rnd.bool(0.5) ? 'onthaal@gemeente.be; 02 123 45 67' : '',
          position: { x: rnd.int(3000) - 200, y: rnd.int(2000) + (rnd.bool(0.3) ? 0.5 : 0) },
          entryPoint: rnd.bool(0.1),
          municipality: rnd.bool(0.5) ? pick(['Sint-Pieters-Leeuw', 'Dilbeek', 'Halle']) : '',
          needs: rnd.bool(0.3) ? 'Taal, werk\nen huisvesting' : '',
          languages: rnd.bool(0.3) ? ['Nederlands', 'Roemeens'] : [],
          kbo: rnd.bool(0.6) ? kboNumber(seed * 1000 + i) : '',
        }),
      );
    }
    for (let i = 0; i < actors * 1.5; i++) {
      const source = pick(actorIds);
      const target = pick(actorIds);
      if (source === target) continue;
      const kind = pick(['handover', 'handover', 'partnership', 'membership', 'information'] as const);
      map.addLink({
        id: id(),
        kind,
        source,
        target,
        label: rnd.bool(0.3) ? pick(TEXTS).slice(0, 30).trim() : '',
        description: rnd.bool(0.3) ? pick(TEXTS) : '',
        ...(kind === 'handover'
          ? { warmth: pick(['warm', 'cold'] as const), dataShared: rnd.bool(0.4) }
          : {}),
        owner: rnd.bool(0.3) ? 'Sociale dienst' : '',
        regie: rnd.bool(0.4) ? pick(REGIE_LEVELS) : null,
        tags: rnd.bool(0.3) ? [pick(TAGS)] : [],
      });
    }
    const noteIds: string[] = [];
    for (let i = 0; i < actors / 2; i++) {
      const anchored = rnd.bool(0.5);
      noteIds.push(
        map.addNote({
          id: id(),
          kind: pick(NOTE_KINDS),
          text: pick(TEXTS),
          status: pick(NOTE_STATUSES),
          owner: rnd.bool(0.5) ? 'Schepen van Welzijn' : '',
          due: rnd.bool(0.5) ? `2026-0${1 + rnd.int(9)}-1${rnd.int(10)}` : '',
          regie: rnd.bool(0.5) ? pick(REGIE_LEVELS) : null,
          priority: rnd.bool(0.6) ? pick(PRIORITIES) : null,
          phaseId: rnd.bool(0.6) ? pick(phases) : null,
          anchor: anchored ? { type: 'actor', id: pick(actorIds) } : null,
          position: { x: rnd.int(2000), y: rnd.int(1000) },
          sourceNoteId: noteIds.length > 0 && rnd.bool(0.2) ? pick(noteIds) : null,
        }),
      );
    }
  });
  return map;
}

const LABELS = [
  'Café De Kring',
  'OCMW Sint-Pieters-Leeuw',
  'Huis van het Kind',
  'VDAB "Werkwinkel"',
  'Agentschap Integratie & Inburgering',
  'CLB <Halle>',
  'Bibliotheek; filiaal Ruisbroek',
  'Wijkinspecteur, zone Zennevallei',
];
const TEXTS = [
  'Eerste onthaal, met tolk waar nodig',
  '=Toeleiding via het welzijnsloket',
  '+32 2 123 45 67 (enkel voormiddag)',
  '-Nog geen vaste contactpersoon',
  '@sociale dienst: opvolging na 3 maanden',
  'Lijn één\nLijn twee, met "aanhalingstekens"',
  'Prijs: € 5 – “korting” voor nieuwkomers',
];
const TAGS = ['taal', 'werk', 'huisvesting', 'onderwijs', 'gezin & kind'];
