import { ACTOR_HEIGHT, laneX } from './laneGeometry';
import type { ActorInput, ActorKind, LinkInput } from './types';

/**
 * The ketenaanpak starter: the default lanes from arrival to participation, the actors most
 * municipalities in the Vlaamse Rand have, and a few example links. Everything is ordinary,
 * editable content. Labels are Dutch because they are content, not interface text.
 */

export function defaultPhaseLabels(): string[] {
  return [
    'Aankomst & inschrijving',
    'Onthaal & eerste contact',
    'Toeleiding',
    'Begeleiding & ondersteuning',
    'Participatie',
  ];
}

interface StarterActor {
  readonly key: string;
  readonly kind: ActorKind;
  readonly label: string;
  readonly lane: number;
  readonly row: number;
  readonly extra?: Partial<ActorInput>;
}

const ACTORS: readonly StarterActor[] = [
  {
    key: 'nieuwkomers',
    kind: 'targetGroup',
    label: 'Nieuwe inwoners',
    lane: 0,
    row: 0,
    extra: { needs: 'Wegwijs in de gemeente, taal, werk, kinderopvang' },
  },
  {
    key: 'burgerzaken',
    kind: 'service',
    label: 'Burgerzaken (inschrijving)',
    lane: 0,
    row: 1,
    extra: { entryPoint: true, regie: 'zelf' },
  },
  {
    key: 'wijkinspecteur',
    kind: 'role',
    label: 'Wijkinspecteur',
    lane: 0,
    row: 2,
    extra: { regie: 'partnerschap' },
  },
  { key: 'onthaal', kind: 'handover', label: 'Onthaalgesprek', lane: 1, row: 0, extra: { regie: 'zelf' } },
  { key: 'ocmw', kind: 'service', label: 'Sociale dienst / OCMW', lane: 1, row: 1, extra: { regie: 'zelf' } },
  { key: 'toeleider', kind: 'role', label: 'Toeleider', lane: 2, row: 0, extra: { regie: 'zelf' } },
  {
    key: 'agii',
    kind: 'partner',
    label: 'Agentschap Integratie en Inburgering',
    lane: 2,
    row: 1,
    extra: { regie: 'bovenlokaal' },
  },
  {
    key: 'hvhk',
    kind: 'service',
    label: 'Huis van het Kind',
    lane: 3,
    row: 0,
    extra: { regie: 'partnerschap' },
  },
  { key: 'vdab', kind: 'partner', label: 'VDAB', lane: 3, row: 1, extra: { regie: 'bovenlokaal' } },
  { key: 'clb', kind: 'partner', label: 'CLB', lane: 3, row: 2, extra: { regie: 'bovenlokaal' } },
  {
    key: 'vrijetijd',
    kind: 'service',
    label: 'Vrije tijd & bibliotheek',
    lane: 4,
    row: 0,
    extra: { regie: 'zelf' },
  },
];

const LINKS: readonly { from: string; to: string; kind: LinkInput['kind']; warmth?: 'warm' | 'cold' }[] = [
  { from: 'nieuwkomers', to: 'burgerzaken', kind: 'handover', warmth: 'warm' },
  { from: 'burgerzaken', to: 'onthaal', kind: 'handover', warmth: 'warm' },
  { from: 'burgerzaken', to: 'wijkinspecteur', kind: 'information' },
  { from: 'onthaal', to: 'toeleider', kind: 'handover', warmth: 'warm' },
  { from: 'toeleider', to: 'agii', kind: 'handover', warmth: 'cold' },
  { from: 'toeleider', to: 'hvhk', kind: 'handover', warmth: 'warm' },
  { from: 'ocmw', to: 'vdab', kind: 'partnership' },
];

const ROW_HEIGHT = ACTOR_HEIGHT + 72;
const TOP = 120;
const INSET = 90;

export interface StarterPlan {
  readonly phases: readonly string[];
  readonly actors: readonly (ActorInput & { readonly key: string; readonly lane: number })[];
  readonly links: readonly {
    readonly from: string;
    readonly to: string;
    readonly input: Omit<LinkInput, 'source' | 'target'>;
  }[];
}

/** The starter as plain data; ChainMap.applyStarter turns it into elements with fresh ids. */
export function ketenaanpakStarter(): StarterPlan {
  return {
    phases: defaultPhaseLabels(),
    actors: ACTORS.map((a) => ({
      key: a.key,
      lane: a.lane,
      kind: a.kind,
      label: a.label,
      position: { x: laneX(a.lane) + INSET, y: TOP + a.row * ROW_HEIGHT },
      ...a.extra,
    })),
    links: LINKS.map((l) => ({
      from: l.from,
      to: l.to,
      input: { kind: l.kind, ...(l.warmth ? { warmth: l.warmth } : {}) },
    })),
  };
}
