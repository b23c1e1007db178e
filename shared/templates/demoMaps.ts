import type { ChainMap } from '../model/ChainMap';
import { buildTemplate, type TemplateSpec } from './buildTemplate';
import { defaultPhaseLabels } from './starter';

/**
 * Demo maps inspired by the examples in PIN vzw's article on the ketenaanpak (March 2024). They are
 * fictional: every label, person and date is made up, and the titles say so ("Fictief voorbeeld").
 * Each one is built to show the analysis at work, so each contains a few deliberate weak spots
 * (cold or unowned handovers, an actor nobody is linked to, overdue items, ...).
 */

export interface DemoMap {
  readonly id: string;
  readonly title: string;
  readonly municipality: string;
  /** Fills a freshly created map (ChainMap.create with this title and municipality), in one transaction. */
  build(map: ChainMap): void;
}

const FICTIEF = 'Fictief voorbeeld';

/** (a) Every new resident lands on the toeleiders' contact list at registration (after Denderleeuw). */
const contactenlijst: TemplateSpec = {
  phases: defaultPhaseLabels(),
  actors: [
    {
      key: 'nieuwkomers',
      kind: 'targetGroup',
      label: 'Nieuwe inwoners',
      lane: 0,
      row: 0,
      extra: { needs: 'Wegwijs in de gemeente, Nederlands leren, werk, huisvesting' },
    },
    {
      key: 'gezinnen',
      kind: 'targetGroup',
      label: 'Gezinnen met jonge kinderen',
      lane: 0,
      row: 3,
      extra: { needs: 'Kinderopvang, een school, een huisarts' },
    },
    {
      key: 'burgerzaken',
      kind: 'service',
      label: 'Burgerzaken (inschrijving)',
      lane: 0,
      row: 1,
      extra: {
        entryPoint: true,
        regie: 'zelf',
        description: 'Vraagt bij de inschrijving toestemming voor contact.',
      },
    },
    {
      key: 'lijst',
      kind: 'handover',
      label: 'Contactenlijst toeleiders',
      lane: 1,
      row: 0,
      extra: { regie: 'zelf', description: 'Elke nieuwe inwoner komt bij de inschrijving op deze lijst.' },
    },
    {
      key: 'toeleiders',
      kind: 'role',
      label: 'Toeleiders',
      lane: 2,
      row: 0,
      extra: { regie: 'zelf', languages: ['Nederlands', 'Frans', 'Engels', 'Arabisch'] },
    },
    {
      key: 'agii',
      kind: 'partner',
      label: 'Agentschap Integratie en Inburgering',
      lane: 2,
      row: 1,
      extra: { regie: 'bovenlokaal', municipality: 'Vlaanderen' },
    },
    { key: 'ocmw', kind: 'service', label: 'Sociaal Huis / OCMW', lane: 3, row: 0, extra: { regie: 'zelf' } },
    {
      key: 'hvhk',
      kind: 'service',
      label: 'Huis van het Kind',
      lane: 3,
      row: 1,
      extra: { regie: 'partnerschap' },
    },
    { key: 'vdab', kind: 'partner', label: 'VDAB', lane: 3, row: 2, extra: { regie: 'bovenlokaal' } },
    { key: 'clb', kind: 'partner', label: 'CLB', lane: 3, row: 3, extra: { regie: 'bovenlokaal' } },
    {
      key: 'overleg',
      kind: 'collaboration',
      label: 'Lokaal welzijnsoverleg',
      lane: 4,
      row: 1,
      extra: { regie: 'partnerschap' },
    },
    {
      key: 'vrijetijd',
      kind: 'service',
      label: 'Vrijetijdsdienst & bibliotheek',
      lane: 4,
      row: 0,
      extra: { regie: 'zelf' },
    },
  ],
  links: [
    {
      from: 'nieuwkomers',
      to: 'burgerzaken',
      kind: 'handover',
      extra: { warmth: 'warm', owner: 'Burgerzaken' },
    },
    {
      from: 'gezinnen',
      to: 'burgerzaken',
      kind: 'handover',
      extra: { warmth: 'warm', owner: 'Burgerzaken' },
    },
    {
      from: 'burgerzaken',
      to: 'lijst',
      kind: 'handover',
      extra: { warmth: 'warm', dataShared: true, owner: 'Burgerzaken', label: 'Automatisch op de lijst' },
    },
    {
      from: 'lijst',
      to: 'toeleiders',
      kind: 'handover',
      extra: { warmth: 'warm', owner: 'Coördinator toeleiding', label: 'Toeleider belt binnen de week' },
    },
    { from: 'toeleiders', to: 'ocmw', kind: 'handover', extra: { warmth: 'warm', owner: 'Toeleiders' } },
    { from: 'toeleiders', to: 'hvhk', kind: 'handover', extra: { warmth: 'warm', owner: 'Toeleiders' } },
    { from: 'toeleiders', to: 'agii', kind: 'handover', extra: { warmth: 'cold', label: 'Adres meegeven' } },
    { from: 'ocmw', to: 'vdab', kind: 'partnership' },
    {
      from: 'hvhk',
      to: 'vrijetijd',
      kind: 'handover',
      extra: { warmth: 'cold', owner: 'Huis van het Kind' },
    },
    { from: 'ocmw', to: 'overleg', kind: 'membership' },
    { from: 'hvhk', to: 'overleg', kind: 'membership' },
  ],
  notes: [
    {
      kind: 'quickWin',
      text: 'Bij de inschrijving meteen toestemming vragen om op de contactenlijst te komen',
      owner: { actor: 'burgerzaken' },
      due: '2026-03-31',
      status: 'done',
      regie: 'zelf',
      on: { actor: 'burgerzaken' },
    },
    {
      key: 'koud',
      kind: 'gap',
      text: 'Doorverwijzing naar het Agentschap is koud: mensen krijgen enkel een adres mee',
      priority: 'high',
      regie: 'bovenlokaal',
      on: { link: ['toeleiders', 'agii'] },
    },
    {
      kind: 'action',
      text: 'Vaste spreekuren van het Agentschap in het Sociaal Huis afspreken',
      owner: 'Coördinator toeleiding',
      due: '2027-03-31',
      status: 'inProgress',
      regie: 'bovenlokaal',
      tackles: 'koud',
      on: { link: ['toeleiders', 'agii'] },
    },
    {
      kind: 'gap',
      text: 'Het CLB staat los van de keten: schoolgaande kinderen worden niet doorverwezen',
      owner: 'Stafmedewerker integratie',
      priority: 'medium',
      regie: 'partnerschap',
      on: { actor: 'clb' },
    },
  ],
};

/** (b) A Romanian-speaking toeleider bridges to labour migrants (after Asse). */
const roemeenseToeleider: TemplateSpec = {
  phases: defaultPhaseLabels(),
  actors: [
    {
      key: 'migranten',
      kind: 'targetGroup',
      label: 'Roemeense arbeidsmigranten',
      lane: 0,
      row: 0,
      extra: { needs: 'Werk met een eerlijk contract, betaalbare huisvesting, Nederlands leren' },
    },
    {
      key: 'nieuwkomers',
      kind: 'targetGroup',
      label: 'Nieuwe inwoners (algemeen)',
      lane: 0,
      row: 2,
      extra: { needs: 'Wegwijs in de gemeente' },
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
      key: 'gedetacheerden',
      kind: 'targetGroup',
      label: 'Gedetacheerde bouwvakkers',
      lane: 0,
      row: 3,
      extra: { needs: 'Info over rechten als werknemer, huisvesting, gezondheidszorg' },
    },
    { key: 'onthaal', kind: 'handover', label: 'Onthaalbalie', lane: 1, row: 0, extra: { regie: 'zelf' } },
    {
      key: 'straathoek',
      kind: 'role',
      label: 'Straathoekwerker',
      lane: 1,
      row: 2,
      extra: { regie: 'partnerschap', description: 'Spreekt bouwvakkers aan op werven en in cafés.' },
    },
    {
      key: 'toeleider',
      kind: 'role',
      label: 'Toeleider (spreekt Roemeens)',
      lane: 2,
      row: 0,
      extra: {
        regie: 'zelf',
        languages: ['Roemeens', 'Nederlands', 'Engels'],
        description: 'Brug tussen de gemeente en de Roemeense gemeenschap; bouwt vertrouwen op.',
      },
    },
    {
      key: 'agii',
      kind: 'partner',
      label: 'Agentschap Integratie en Inburgering',
      lane: 2,
      row: 1,
      extra: { regie: 'bovenlokaal', municipality: 'Vlaanderen' },
    },
    {
      key: 'ocmw',
      kind: 'service',
      label: 'Sociale dienst / OCMW',
      lane: 3,
      row: 0,
      extra: { regie: 'zelf' },
    },
    { key: 'vdab', kind: 'partner', label: 'VDAB', lane: 3, row: 1, extra: { regie: 'bovenlokaal' } },
    {
      key: 'svk',
      kind: 'partner',
      label: 'Sociaal verhuurkantoor',
      lane: 3,
      row: 2,
      extra: { regie: 'intergemeentelijk', municipality: 'Merchtem' },
    },
    {
      key: 'regio',
      kind: 'collaboration',
      label: 'Regionaal overleg arbeidsmigratie',
      lane: 3,
      row: 3,
      extra: { regie: 'intergemeentelijk' },
    },
    {
      key: 'taalcafe',
      kind: 'service',
      label: 'Taalcafé in de bibliotheek',
      lane: 4,
      row: 0,
      extra: { regie: 'partnerschap' },
    },
  ],
  links: [
    {
      from: 'migranten',
      to: 'toeleider',
      kind: 'handover',
      extra: { warmth: 'warm', owner: 'Toeleider', label: 'Via kerk, werkgevers en mond-tot-mond' },
    },
    {
      from: 'nieuwkomers',
      to: 'burgerzaken',
      kind: 'handover',
      extra: { warmth: 'warm', owner: 'Burgerzaken' },
    },
    {
      from: 'straathoek',
      to: 'gedetacheerden',
      kind: 'handover',
      extra: { warmth: 'warm', owner: 'Straathoekwerker', label: 'Contact op de werf' },
    },
    {
      from: 'burgerzaken',
      to: 'onthaal',
      kind: 'handover',
      extra: { warmth: 'cold', label: 'Folder meegeven' },
    },
    { from: 'onthaal', to: 'ocmw', kind: 'handover', extra: { warmth: 'warm', owner: 'Onthaalbalie' } },
    { from: 'onthaal', to: 'agii', kind: 'handover', extra: { warmth: 'warm', owner: 'Onthaalbalie' } },
    { from: 'toeleider', to: 'vdab', kind: 'handover', extra: { warmth: 'warm', owner: 'Toeleider' } },
    { from: 'toeleider', to: 'svk', kind: 'handover', extra: { warmth: 'warm', owner: 'Toeleider' } },
    { from: 'toeleider', to: 'agii', kind: 'handover', extra: { warmth: 'cold', owner: 'Toeleider' } },
    { from: 'ocmw', to: 'vdab', kind: 'partnership' },
  ],
  notes: [
    {
      kind: 'quickWin',
      text: 'Welkomstfolder ook in het Roemeens aan de balie van burgerzaken',
      owner: { actor: 'toeleider' },
      due: '2026-09-30',
      regie: 'zelf',
      on: { actor: 'burgerzaken' },
    },
    {
      key: 'alleen',
      kind: 'gap',
      text: 'De toeleider werkt alleen: bij ziekte of verlof valt de brug naar de Roemeense gemeenschap weg',
      owner: 'Diensthoofd welzijn',
      due: '2027-01-31',
      priority: 'high',
      regie: 'zelf',
      on: { actor: 'toeleider' },
    },
    {
      kind: 'action',
      text: 'Tweede toeleider met een Oost-Europees taalprofiel aanwerven',
      tackles: 'alleen',
      regie: 'zelf',
      on: { actor: 'toeleider' },
    },
    {
      kind: 'gap',
      text: 'Taalcafé bereikt de arbeidsmigranten niet: uren vallen samen met de ploegen',
      owner: 'Bibliotheek',
      due: '2027-06-30',
      regie: 'partnerschap',
      on: { actor: 'taalcafe' },
    },
  ],
};

/** (c) Wijkinspecteurs collect contact data during the residence check (after Halle). */
const wijkinspecteurs: TemplateSpec = {
  phases: defaultPhaseLabels(),
  actors: [
    {
      key: 'nieuwkomers',
      kind: 'targetGroup',
      label: 'Nieuwe inwoners',
      lane: 0,
      row: 0,
      extra: { needs: 'Praktische info over de gemeente, diensten en verenigingen' },
    },
    {
      key: 'gezinnen',
      kind: 'targetGroup',
      label: 'Anderstalige gezinnen',
      lane: 0,
      row: 3,
      extra: { needs: 'Kinderopvang, school, info in een taal die ze begrijpen' },
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
      key: 'wijk',
      kind: 'role',
      label: 'Wijkinspecteurs',
      lane: 0,
      row: 2,
      extra: { regie: 'partnerschap', description: 'Vragen bij de woonstcontrole contactgegevens op.' },
    },
    {
      key: 'bestand',
      kind: 'handover',
      label: 'Contactbestand nieuwe inwoners',
      lane: 1,
      row: 0,
      extra: { regie: 'zelf' },
    },
    {
      key: 'communicatie',
      kind: 'service',
      label: 'Dienst communicatie (welkomstpakket)',
      lane: 1,
      row: 1,
      extra: { regie: 'zelf' },
    },
    {
      key: 'infomoment',
      kind: 'handover',
      label: 'Infomoment voor nieuwe inwoners',
      lane: 2,
      row: 0,
      extra: { regie: 'zelf' },
    },
    {
      key: 'agii',
      kind: 'partner',
      label: 'Agentschap Integratie en Inburgering',
      lane: 2,
      row: 1,
      extra: { regie: 'bovenlokaal', municipality: 'Vlaanderen' },
    },
    { key: 'ocmw', kind: 'service', label: 'Sociaal Huis / OCMW', lane: 3, row: 0, extra: { regie: 'zelf' } },
    {
      key: 'hvhk',
      kind: 'service',
      label: 'Huis van het Kind',
      lane: 3,
      row: 1,
      extra: { regie: 'partnerschap' },
    },
    { key: 'clb', kind: 'partner', label: 'CLB', lane: 3, row: 2, extra: { regie: 'bovenlokaal' } },
    { key: 'vdab', kind: 'partner', label: 'VDAB', lane: 3, row: 3, extra: { regie: 'bovenlokaal' } },
    {
      key: 'overleg',
      kind: 'collaboration',
      label: 'Welzijnsoverleg',
      lane: 3,
      row: 4,
      extra: { regie: 'partnerschap' },
    },
  ],
  links: [
    {
      from: 'nieuwkomers',
      to: 'burgerzaken',
      kind: 'handover',
      extra: { warmth: 'warm', owner: 'Burgerzaken' },
    },
    {
      from: 'burgerzaken',
      to: 'wijk',
      kind: 'information',
      extra: { dataShared: true, label: 'Adres voor de woonstcontrole' },
    },
    {
      from: 'wijk',
      to: 'bestand',
      kind: 'information',
      extra: { dataShared: true, label: 'Telefoon en e-mail, met toestemming' },
    },
    { from: 'bestand', to: 'communicatie', kind: 'information' },
    {
      from: 'communicatie',
      to: 'infomoment',
      kind: 'handover',
      extra: { warmth: 'cold', owner: 'Dienst communicatie', label: 'Uitnodiging per post' },
    },
    { from: 'infomoment', to: 'ocmw', kind: 'handover', extra: { warmth: 'warm', owner: 'Sociaal Huis' } },
    { from: 'infomoment', to: 'agii', kind: 'handover', extra: { warmth: 'cold' } },
    { from: 'gezinnen', to: 'hvhk', kind: 'handover', extra: { warmth: 'warm', owner: 'Huis van het Kind' } },
    { from: 'hvhk', to: 'clb', kind: 'partnership' },
    { from: 'ocmw', to: 'vdab', kind: 'partnership' },
    { from: 'ocmw', to: 'overleg', kind: 'membership' },
    { from: 'hvhk', to: 'overleg', kind: 'membership' },
    { from: 'clb', to: 'overleg', kind: 'membership' },
  ],
  notes: [
    {
      kind: 'gap',
      text: 'Contactgegevens van de wijkinspecteurs komen pas weken later bij de dienst communicatie',
      owner: 'Lokale politie',
      due: '2026-06-30',
      priority: 'high',
      regie: 'partnerschap',
      on: { link: ['wijk', 'bestand'] },
    },
    {
      kind: 'quickWin',
      text: 'Wijkinspecteurs geven meteen de welkomstfolder mee bij de woonstcontrole',
      owner: { actor: 'wijk' },
      regie: 'partnerschap',
      on: { actor: 'wijk' },
    },
    {
      kind: 'gap',
      text: 'Niemand volgt op wie na het infomoment nog niet bij een dienst terechtkwam',
      priority: 'medium',
      regie: 'zelf',
      on: { actor: 'infomoment' },
    },
  ],
};

function demo(id: string, title: string, municipality: string, spec: TemplateSpec): DemoMap {
  return { id, title: `${FICTIEF}: ${title}`, municipality, build: (map) => buildTemplate(map, spec) };
}

export const DEMO_MAPS: readonly DemoMap[] = [
  demo(
    'contactenlijst',
    'contactenlijst van de toeleiders bij de inschrijving',
    'Denderleeuw (fictief)',
    contactenlijst,
  ),
  demo('roemeense-toeleider', 'een Roemeenstalige toeleider als brug', 'Asse (fictief)', roemeenseToeleider),
  demo('wijkinspecteurs', 'wijkinspecteurs verzamelen contactgegevens', 'Halle (fictief)', wijkinspecteurs),
];
