import { prefixed } from '../catalogue';

/**
 * Dutch: the texts of analysis findings, by the key a rule emits (`Finding.message.key`), for civil
 * servants: what is wrong, then why it matters. An empty label param reads as `unnamed`.
 */
export const findings = {
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
  'noteFollowUp.noOwner.quickWin':
    'De quick-win ‘{note}’ heeft geen eigenaar. Zonder iemand die het trekt, blijft het liggen.',
  'noteFollowUp.noOwner.gap':
    'Het knelpunt ‘{note}’ heeft geen eigenaar. Zonder iemand die het trekt, blijft het liggen.',
  'noteFollowUp.noOwner.action':
    'De actie ‘{note}’ heeft geen eigenaar. Zonder iemand die het trekt, blijft het liggen.',
  'noteFollowUp.noDue.quickWin':
    'De quick-win ‘{note}’ heeft geen einddatum. Zonder datum schuift het makkelijk door en is voortgang moeilijk op te volgen.',
  'noteFollowUp.noDue.gap':
    'Het knelpunt ‘{note}’ heeft geen einddatum. Zonder datum schuift het makkelijk door en is voortgang moeilijk op te volgen.',
  'noteFollowUp.noDue.action':
    'De actie ‘{note}’ heeft geen einddatum. Zonder datum schuift het makkelijk door en is voortgang moeilijk op te volgen.',
  'noteFollowUp.overdue.quickWin':
    'De quick-win ‘{note}’ had klaar moeten zijn op {due, date} en is dat nog niet. Bekijk wat nodig is om het af te ronden, of stel de datum bij.',
  'noteFollowUp.overdue.gap':
    'Het knelpunt ‘{note}’ had klaar moeten zijn op {due, date} en is dat nog niet. Bekijk wat nodig is om het af te ronden, of stel de datum bij.',
  'noteFollowUp.overdue.action':
    'De actie ‘{note}’ had klaar moeten zijn op {due, date} en is dat nog niet. Bekijk wat nodig is om het af te ronden, of stel de datum bij.',
  'collaboration.noMembers':
    'Het samenwerkingsverband ‘{collaboration}’ heeft geen leden op de kaart. Verbind de diensten en partners die erin zitten, anders is niet te zien wie het draagt.',
  'collaboration.oneMunicipality':
    'Alle leden van ‘{collaboration}’ komen uit één gemeente ({municipality}). Samenwerken over gemeenten heen deelt kosten en kennis: kijk of buurgemeenten of bovenlokale partners kunnen aansluiten.',
} as const;

/** Dutch: The analysis panel and the texts of its findings (what is wrong, then why it matters; plain words, no graph jargon). */
export const analysis = {
  'analysis.title': 'Analyse van de keten',
  'analysis.intro':
    'Wat de kaart laat zien over waar nieuwe inwoners uit de keten kunnen vallen. Klik op een punt om het op de kaart te tonen.',
  'analysis.none': 'Geen aandachtspunten gevonden. De keten ziet er volledig uit.',
  'analysis.count': { one: '1 aandachtspunt', other: '{count} aandachtspunten' },
  'analysis.clearHighlight': 'Markering op de kaart wissen',
  'analysis.dismiss': 'Negeren…',
  'analysis.dismissTitle': 'Aandachtspunt negeren',
  'analysis.dismissReason': 'Waarom negeer je dit punt?',
  'analysis.dismissHint':
    'Iedereen die de kaart bekijkt, ziet wie het punt negeerde en waarom. Je kan het later terugzetten.',
  'analysis.dismissConfirm': 'Negeren',
  'analysis.dismissedCount': 'Genegeerde punten ({count})',
  'analysis.dismissedBy': 'Genegeerd door {by} op {date}:',
  'analysis.someone': 'iemand',
  'analysis.restore': 'Terugzetten',
  'severity.high': 'Dringend',
  'severity.medium': 'Belangrijk',
  'severity.low': 'Ter info',
  'rule.noRoute': 'Doelgroep zonder route',
  'rule.emptyPhase': 'Lege fase',
  'rule.handover': 'Overdracht',
  'rule.isolatedActor': 'Niet verbonden',
  'rule.singlePointOfFailure': 'Alles via één actor',
  'rule.noteFollowUp': 'Opvolging',
  'rule.collaboration': 'Samenwerkingsverband',
  ...prefixed('finding', findings),
} as const;
