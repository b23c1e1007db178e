import type { FindingMessage } from './finding';

/**
 * The texts of analysis findings, for civil servants: what is wrong, then why it matters. Plain
 * words, no graph jargon. `{name}` is replaced by the finding's param of that name. Every message
 * key an analysis rule can produce has a text in both languages (pinned by a test).
 */

export type FindingLocale = 'nl' | 'en';

const NOTE_NOUN_NL = { quickWin: 'De quick-win', gap: 'Het knelpunt', action: 'De actie' } as const;
const NOTE_NOUN_EN = { quickWin: 'The quick win', gap: 'The bottleneck', action: 'The action' } as const;

function noteMessages(
  nouns: Readonly<Record<'quickWin' | 'gap' | 'action', string>>,
  texts: Readonly<Record<'noOwner' | 'noDue' | 'overdue', (noun: string) => string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [variant, text] of Object.entries(texts)) {
    for (const [kind, noun] of Object.entries(nouns)) out[`noteFollowUp.${variant}.${kind}`] = text(noun);
  }
  return out;
}

export const FINDING_MESSAGES: Readonly<Record<FindingLocale, Readonly<Record<string, string>>>> = {
  nl: {
    unnamed: '(zonder naam)',
    'noRoute.noDestination':
      'Doelgroep ‘{targetGroup}’ komt via de keten bij geen enkele dienst of partner terecht. Nieuwe inwoners uit deze groep blijven zo zonder hulp: zorg dat het toegangspunt of hun contactpersoon hen doorverwijst naar een dienst of partner.',
    'noRoute.noStart':
      'Voor doelgroep ‘{targetGroup}’ staat op de kaart geen toegangspunt en geen contact. Zo is niet te zien waar deze nieuwe inwoners binnenkomen: duid een toegangspunt aan (bijvoorbeeld burgerzaken) of verbind de doelgroep met wie haar als eerste ziet.',
    emptyPhase:
      'In de fase ‘{phase}’ staat nog niemand. Dan neemt niemand nieuwe inwoners door die stap: zet er de diensten of partners in die dit doen, of verwijder de fase.',
    'handover.cold':
      'De overdracht van ‘{from}’ naar ‘{to}’ is koud: nieuwe inwoners krijgen alleen een adres mee. Zo haken mensen vaak af; een warme overdracht, waarbij iemand hen persoonlijk voorstelt, houdt hen in de keten.',
    'handover.noOwner':
      'Niemand is verantwoordelijk voor de overdracht van ‘{from}’ naar ‘{to}’. Zonder eigenaar volgt niemand op of die overdracht echt gebeurt.',
    'isolatedActor.actor':
      '‘{actor}’ is met niemand verbonden. Nieuwe inwoners komen er via de keten dus niet terecht, en anderen weten niet wanneer ze naar hier kunnen doorverwijzen.',
    'isolatedActor.targetGroup':
      'Doelgroep ‘{actor}’ is met niemand verbonden. Zo toont de kaart niet wie deze nieuwe inwoners bereikt; ze kunnen enkel via de algemene toegangspunten binnenkomen.',
    'singlePointOfFailure.one':
      'Alles loopt via ‘{actor}’: valt die weg, dan bereikt doelgroep {targetGroups} geen enkele dienst of partner meer. Zorg voor een tweede weg of een vervanger.',
    'singlePointOfFailure.many':
      'Alles loopt via ‘{actor}’: valt die weg, dan bereiken {count} doelgroepen ({targetGroups}) geen enkele dienst of partner meer. Zorg voor een tweede weg of een vervanger.',
    ...noteMessages(NOTE_NOUN_NL, {
      noOwner: (n) => `${n} ‘{note}’ heeft geen eigenaar. Zonder iemand die het trekt, blijft het liggen.`,
      noDue: (n) =>
        `${n} ‘{note}’ heeft geen einddatum. Zonder datum schuift het makkelijk door en is voortgang moeilijk op te volgen.`,
      overdue: (n) =>
        `${n} ‘{note}’ had klaar moeten zijn op {due} en is dat nog niet. Bekijk wat nodig is om het af te ronden, of stel de datum bij.`,
    }),
    'collaboration.noMembers':
      'Het samenwerkingsverband ‘{collaboration}’ heeft geen leden op de kaart. Verbind de diensten en partners die erin zitten, anders is niet te zien wie het draagt.',
    'collaboration.oneMunicipality':
      'Alle leden van ‘{collaboration}’ komen uit één gemeente ({municipality}). Samenwerken over gemeenten heen deelt kosten en kennis: kijk of buurgemeenten of bovenlokale partners kunnen aansluiten.',
  },
  en: {
    unnamed: '(unnamed)',
    'noRoute.noDestination':
      'Target group ‘{targetGroup}’ does not reach any service or partner through the chain. Newcomers in this group are left without help: make sure the entry point or their contact refers them on to a service or partner.',
    'noRoute.noStart':
      'For target group ‘{targetGroup}’ the map shows no entry point and no contact. So it is not visible where these newcomers come in: mark an entry point (for example civil affairs) or link the group to whoever sees them first.',
    emptyPhase:
      'Nobody stands in the phase ‘{phase}’ yet. Then nobody takes newcomers through that step: place the services or partners that do so in it, or remove the phase.',
    'handover.cold':
      'The handover from ‘{from}’ to ‘{to}’ is cold: newcomers only get an address. People often drop out there; a warm handover, where someone introduces them in person, keeps them in the chain.',
    'handover.noOwner':
      'Nobody is responsible for the handover from ‘{from}’ to ‘{to}’. Without an owner, nobody checks that it actually happens.',
    'isolatedActor.actor':
      '‘{actor}’ is not connected to anyone. Newcomers cannot reach it through the chain, and others do not know when to refer people here.',
    'isolatedActor.targetGroup':
      'Target group ‘{actor}’ is not connected to anyone. The map does not show who reaches these newcomers; they can only come in through the general entry points.',
    'singlePointOfFailure.one':
      'Everything runs through ‘{actor}’: if it drops out, target group {targetGroups} no longer reaches any service or partner. Arrange a second route or a stand-in.',
    'singlePointOfFailure.many':
      'Everything runs through ‘{actor}’: if it drops out, {count} target groups ({targetGroups}) no longer reach any service or partner. Arrange a second route or a stand-in.',
    ...noteMessages(NOTE_NOUN_EN, {
      noOwner: (n) => `${n} ‘{note}’ has no owner. Without someone to drive it, it stalls.`,
      noDue: (n) =>
        `${n} ‘{note}’ has no due date. Without a date it easily slips and progress is hard to follow.`,
      overdue: (n) =>
        `${n} ‘{note}’ was due on {due} and is not done yet. Check what it takes to finish it, or move the date.`,
    }),
    'collaboration.noMembers':
      'The collaboration ‘{collaboration}’ has no members on the map. Link the services and partners that take part, otherwise nobody can see who carries it.',
    'collaboration.oneMunicipality':
      'All members of ‘{collaboration}’ come from one municipality ({municipality}). Working across municipalities shares cost and know-how: see whether neighbouring municipalities or supralocal partners can join.',
  },
};

/** The text of a finding in a language; an unknown key shows as itself so that it is noticed, not hidden. */
export function formatFindingMessage(message: FindingMessage, locale: FindingLocale = 'nl'): string {
  const dictionary = FINDING_MESSAGES[locale];
  const template = dictionary[message.key];
  if (template === undefined) return message.key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = message.params[name];
    if (value === undefined) return match;
    return value === '' ? (dictionary.unnamed ?? '') : String(value);
  });
}
