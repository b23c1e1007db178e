import type { ChainMap } from '../model/ChainMap';
import { buildTemplate, type TemplateSpec } from './buildTemplate';

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

export const KETENAANPAK_STARTER: TemplateSpec = {
  phases: defaultPhaseLabels(),
  actors: [
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
    {
      key: 'ocmw',
      kind: 'service',
      label: 'Sociale dienst / OCMW',
      lane: 1,
      row: 1,
      extra: { regie: 'zelf' },
    },
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
  ],
  links: [
    { from: 'nieuwkomers', to: 'burgerzaken', kind: 'handover', extra: { warmth: 'warm' } },
    { from: 'burgerzaken', to: 'onthaal', kind: 'handover', extra: { warmth: 'warm' } },
    { from: 'burgerzaken', to: 'wijkinspecteur', kind: 'information' },
    { from: 'onthaal', to: 'toeleider', kind: 'handover', extra: { warmth: 'warm' } },
    { from: 'toeleider', to: 'agii', kind: 'handover', extra: { warmth: 'cold' } },
    { from: 'toeleider', to: 'hvhk', kind: 'handover', extra: { warmth: 'warm' } },
    { from: 'ocmw', to: 'vdab', kind: 'partnership' },
  ],
  notes: [],
};

/** Fills `map` with the starter; pass it as `ChainMap.create(doc, meta, { fill: applyStarter })`. */
export function applyStarter(map: ChainMap): void {
  buildTemplate(map, KETENAANPAK_STARTER);
}
