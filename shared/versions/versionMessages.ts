import type { ActivityEntry } from '../model/types';
import type { SummaryItem, SummaryKey } from './diffSummary';

/**
 * The words of the versions feature, in Dutch (the users' language) and English. Kept beside the
 * logic so the summary's keys and its wording cannot drift apart; the client's catalogue may copy
 * them. `one` is used for a count of exactly 1, `other` for every other count (nl and en agree).
 */

export type VersionLocale = 'nl' | 'en';

export interface Plural {
  readonly one: string;
  readonly other: string;
}

export type ActivityMessageKey = `${ActivityEntry['op']}.${ActivityEntry['collection']}`;

export interface VersionMessages {
  readonly summary: Readonly<Record<SummaryKey, Plural>>;
  readonly noChanges: string;
  readonly autoVersionName: string;
  readonly unnamedVersion: string;
  readonly activity: Readonly<Record<ActivityMessageKey, Plural>>;
  readonly someone: string;
}

const nl: VersionMessages = {
  summary: {
    titleChanged: { one: 'titel gewijzigd in "{after}"', other: 'titel gewijzigd in "{after}"' },
    municipalityChanged: { one: 'gemeente gewijzigd in "{after}"', other: 'gemeente gewijzigd in "{after}"' },
    phasesAdded: { one: '1 fase toegevoegd', other: '{count} fasen toegevoegd' },
    phasesRemoved: { one: '1 fase verwijderd', other: '{count} fasen verwijderd' },
    phasesRenamed: { one: '1 fase hernoemd', other: '{count} fasen hernoemd' },
    phasesReordered: { one: '1 fase van plaats veranderd', other: '{count} fasen van plaats veranderd' },
    actorsAdded: { one: '1 actor toegevoegd', other: '{count} actoren toegevoegd' },
    actorsRemoved: { one: '1 actor verwijderd', other: '{count} actoren verwijderd' },
    actorsChanged: { one: '1 actor gewijzigd', other: '{count} actoren gewijzigd' },
    actorsMoved: { one: '1 actor verplaatst', other: '{count} actoren verplaatst' },
    linksAdded: { one: '1 verbinding toegevoegd', other: '{count} verbindingen toegevoegd' },
    linksRemoved: { one: '1 verbinding verwijderd', other: '{count} verbindingen verwijderd' },
    handoversWarmed: { one: '1 overdracht warm geworden', other: '{count} overdrachten warm geworden' },
    handoversCooled: { one: '1 overdracht koud geworden', other: '{count} overdrachten koud geworden' },
    linksChanged: { one: '1 verbinding gewijzigd', other: '{count} verbindingen gewijzigd' },
    quickWinsAdded: { one: '1 quick-win toegevoegd', other: '{count} quick-wins toegevoegd' },
    gapsAdded: { one: '1 knelpunt toegevoegd', other: '{count} knelpunten toegevoegd' },
    actionsAdded: { one: '1 actie toegevoegd', other: '{count} acties toegevoegd' },
    notesRemoved: { one: '1 notitie verwijderd', other: '{count} notities verwijderd' },
    quickWinsDone: { one: '1 quick-win klaar', other: '{count} quick-wins klaar' },
    gapsDone: { one: '1 knelpunt opgelost', other: '{count} knelpunten opgelost' },
    actionsDone: { one: '1 actie klaar', other: '{count} acties klaar' },
    notesChanged: { one: '1 notitie gewijzigd', other: '{count} notities gewijzigd' },
    notesMoved: { one: '1 notitie verplaatst', other: '{count} notities verplaatst' },
  },
  noChanges: 'Geen wijzigingen',
  autoVersionName: 'Automatisch bewaard — {date}',
  unnamedVersion: 'Versie van {date}',
  activity: {
    'add.actors': { one: 'voegde actor "{label}" toe', other: 'voegde {count} actoren toe' },
    'update.actors': { one: 'wijzigde actor "{label}"', other: 'wijzigde {count} actoren' },
    'delete.actors': { one: 'verwijderde actor "{label}"', other: 'verwijderde {count} actoren' },
    'add.links': { one: 'legde een verbinding', other: 'legde {count} verbindingen' },
    'update.links': { one: 'wijzigde een verbinding', other: 'wijzigde {count} verbindingen' },
    'delete.links': { one: 'verwijderde een verbinding', other: 'verwijderde {count} verbindingen' },
    'add.notes': { one: 'voegde notitie "{label}" toe', other: 'voegde {count} notities toe' },
    'update.notes': { one: 'wijzigde notitie "{label}"', other: 'wijzigde {count} notities' },
    'delete.notes': { one: 'verwijderde notitie "{label}"', other: 'verwijderde {count} notities' },
    'add.phases': { one: 'voegde fase "{label}" toe', other: 'voegde {count} fasen toe' },
    'update.phases': { one: 'wijzigde fase "{label}"', other: 'wijzigde {count} fasen' },
    'delete.phases': { one: 'verwijderde fase "{label}"', other: 'verwijderde {count} fasen' },
    'restore.map': { one: 'zette de kaart terug naar "{label}"', other: 'zette de kaart {count} keer terug' },
    'layout.map': { one: 'schikte de kaart', other: 'schikte de kaart {count} keer' },
    // Entries only the bulk API could write; kept so every (op, collection) pair has words.
    'add.map': { one: 'wijzigde de kaart', other: 'wijzigde de kaart {count} keer' },
    'update.map': { one: 'wijzigde de kaart', other: 'wijzigde de kaart {count} keer' },
    'delete.map': { one: 'wijzigde de kaart', other: 'wijzigde de kaart {count} keer' },
    'restore.actors': { one: 'zette actor "{label}" terug', other: 'zette {count} actoren terug' },
    'restore.links': { one: 'zette een verbinding terug', other: 'zette {count} verbindingen terug' },
    'restore.notes': { one: 'zette notitie "{label}" terug', other: 'zette {count} notities terug' },
    'restore.phases': { one: 'zette fase "{label}" terug', other: 'zette {count} fasen terug' },
    'layout.actors': { one: 'schikte actor "{label}"', other: 'schikte {count} actoren' },
    'layout.links': { one: 'schikte een verbinding', other: 'schikte {count} verbindingen' },
    'layout.notes': { one: 'schikte notitie "{label}"', other: 'schikte {count} notities' },
    'layout.phases': { one: 'schikte fase "{label}"', other: 'schikte {count} fasen' },
  },
  someone: 'Iemand',
};

const en: VersionMessages = {
  summary: {
    titleChanged: { one: 'title changed to "{after}"', other: 'title changed to "{after}"' },
    municipalityChanged: {
      one: 'municipality changed to "{after}"',
      other: 'municipality changed to "{after}"',
    },
    phasesAdded: { one: '1 phase added', other: '{count} phases added' },
    phasesRemoved: { one: '1 phase removed', other: '{count} phases removed' },
    phasesRenamed: { one: '1 phase renamed', other: '{count} phases renamed' },
    phasesReordered: { one: '1 phase moved in the order', other: '{count} phases moved in the order' },
    actorsAdded: { one: '1 actor added', other: '{count} actors added' },
    actorsRemoved: { one: '1 actor removed', other: '{count} actors removed' },
    actorsChanged: { one: '1 actor changed', other: '{count} actors changed' },
    actorsMoved: { one: '1 actor moved', other: '{count} actors moved' },
    linksAdded: { one: '1 connection added', other: '{count} connections added' },
    linksRemoved: { one: '1 connection removed', other: '{count} connections removed' },
    handoversWarmed: { one: '1 handover became warm', other: '{count} handovers became warm' },
    handoversCooled: { one: '1 handover became cold', other: '{count} handovers became cold' },
    linksChanged: { one: '1 connection changed', other: '{count} connections changed' },
    quickWinsAdded: { one: '1 quick win added', other: '{count} quick wins added' },
    gapsAdded: { one: '1 gap added', other: '{count} gaps added' },
    actionsAdded: { one: '1 action added', other: '{count} actions added' },
    notesRemoved: { one: '1 note removed', other: '{count} notes removed' },
    quickWinsDone: { one: '1 quick win done', other: '{count} quick wins done' },
    gapsDone: { one: '1 gap resolved', other: '{count} gaps resolved' },
    actionsDone: { one: '1 action done', other: '{count} actions done' },
    notesChanged: { one: '1 note changed', other: '{count} notes changed' },
    notesMoved: { one: '1 note moved', other: '{count} notes moved' },
  },
  noChanges: 'No changes',
  autoVersionName: 'Saved automatically — {date}',
  unnamedVersion: 'Version of {date}',
  activity: {
    'add.actors': { one: 'added actor "{label}"', other: 'added {count} actors' },
    'update.actors': { one: 'changed actor "{label}"', other: 'changed {count} actors' },
    'delete.actors': { one: 'removed actor "{label}"', other: 'removed {count} actors' },
    'add.links': { one: 'added a connection', other: 'added {count} connections' },
    'update.links': { one: 'changed a connection', other: 'changed {count} connections' },
    'delete.links': { one: 'removed a connection', other: 'removed {count} connections' },
    'add.notes': { one: 'added note "{label}"', other: 'added {count} notes' },
    'update.notes': { one: 'changed note "{label}"', other: 'changed {count} notes' },
    'delete.notes': { one: 'removed note "{label}"', other: 'removed {count} notes' },
    'add.phases': { one: 'added phase "{label}"', other: 'added {count} phases' },
    'update.phases': { one: 'changed phase "{label}"', other: 'changed {count} phases' },
    'delete.phases': { one: 'removed phase "{label}"', other: 'removed {count} phases' },
    'restore.map': { one: 'restored the map to "{label}"', other: 'restored the map {count} times' },
    'layout.map': { one: 'arranged the map', other: 'arranged the map {count} times' },
    'add.map': { one: 'changed the map', other: 'changed the map {count} times' },
    'update.map': { one: 'changed the map', other: 'changed the map {count} times' },
    'delete.map': { one: 'changed the map', other: 'changed the map {count} times' },
    'restore.actors': { one: 'restored actor "{label}"', other: 'restored {count} actors' },
    'restore.links': { one: 'restored a connection', other: 'restored {count} connections' },
    'restore.notes': { one: 'restored note "{label}"', other: 'restored {count} notes' },
    'restore.phases': { one: 'restored phase "{label}"', other: 'restored {count} phases' },
    'layout.actors': { one: 'arranged actor "{label}"', other: 'arranged {count} actors' },
    'layout.links': { one: 'arranged a connection', other: 'arranged {count} connections' },
    'layout.notes': { one: 'arranged note "{label}"', other: 'arranged {count} notes' },
    'layout.phases': { one: 'arranged phase "{label}"', other: 'arranged {count} phases' },
  },
  someone: 'Someone',
};

export const VERSION_MESSAGES: Readonly<Record<VersionLocale, VersionMessages>> = { nl, en };

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed. */
export function fillMessage(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function pluralMessage(
  plural: Plural,
  count: number,
  params: Readonly<Record<string, string | number>> = {},
) {
  return fillMessage(count === 1 ? plural.one : plural.other, { ...params, count });
}

/** One summary item in words, e.g. "3 actoren toegevoegd". */
export function formatSummaryItem(item: SummaryItem, locale: VersionLocale): string {
  return pluralMessage(VERSION_MESSAGES[locale].summary[item.key], item.count, item.params);
}

/** The whole summary as one line: "3 actoren toegevoegd, 2 overdrachten warm geworden, 4 quick-wins klaar". */
export function formatSummary(items: readonly SummaryItem[], locale: VersionLocale): string {
  if (items.length === 0) return VERSION_MESSAGES[locale].noChanges;
  return items.map((item) => formatSummaryItem(item, locale)).join(', ');
}

/**
 * The name to show for a version: its own name, or for an automatic (or unnamed) one a name made
 * from its date in the locale's words, e.g. "Automatisch bewaard — 12 maart 2024".
 */
export function versionDisplayName(
  version: { readonly name: string; readonly auto: boolean; readonly createdAt: number },
  locale: VersionLocale,
  timeZone = 'Europe/Brussels',
): string {
  if (version.name.trim()) return version.name;
  const date = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-BE' : 'en-GB', {
    dateStyle: 'long',
    timeZone,
  }).format(new Date(version.createdAt));
  const m = VERSION_MESSAGES[locale];
  return fillMessage(version.auto ? m.autoVersionName : m.unnamedVersion, { date });
}
