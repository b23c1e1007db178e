import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../model/replicas';
import { planFiles } from '../testing/planFiles';

/**
 * The names people type: a Kumu-style pair of CSV files (elements, connections), recognised by their
 * headers, in Dutch and in English, with every kind by the name the UI gives it.
 */

const DUTCH = {
  'elementen.csv': [
    'Naam;Soort;Beschrijving',
    'Burgerzaken;Dienst;Inschrijving',
    'VDAB;Partner;',
    'Welkom Halle;Samenwerkingsverband;',
    'Onthaalgesprek;Overdrachtspunt;',
    'Nieuwe inwoners;Doelgroep;',
    'Toeleider;Rol;',
  ].join('\r\n'),
  'verbindingen.csv': [
    'Van;Naar;Soort',
    'Burgerzaken;Onthaalgesprek;Warme overdracht',
    'Onthaalgesprek;VDAB;Koude overdracht',
    'VDAB;Welkom Halle;Lidmaatschap',
    'Burgerzaken;VDAB;Partnerschap',
    'Toeleider;Burgerzaken;Informatiedeling',
  ].join('\r\n'),
};

const ENGLISH = {
  'elements.csv': [
    'Label,Type,Description',
    'Registry office,Service,',
    'Employment agency,Partner,',
    'Welcome network,Collaboration,',
    'Intake talk,Handover point,',
    'Newcomers,Target group,',
    'Guide,Role,',
  ].join('\n'),
  'connections.csv': [
    'From,To,Type,Direction',
    'Registry office,Intake talk,Warm handover,directed',
    'Intake talk,Employment agency,Cold handover,directed',
    'Employment agency,Welcome network,Membership,directed',
    'Registry office,Employment agency,Partnership,undirected',
    'Guide,Registry office,Information sharing,directed',
  ].join('\n'),
};

const KINDS = ['service', 'partner', 'collaboration', 'handover', 'targetGroup', 'role'];
const LINKS = [
  ['handover', 'warm'],
  ['handover', 'cold'],
  ['membership', null],
  ['partnership', null],
  ['information', null],
];

describe('the names of columns and kinds, in Dutch and English', () => {
  it('reads a Dutch pair of CSV files: Naam/Soort, Van/Naar, every actor and link kind by its UI name', async () => {
    const plan = await planFiles(inMemoryMap(), DUTCH);
    expect(plan.problems).toEqual([]);
    expect(plan.actors.map((a) => a.value.kind)).toEqual(KINDS);
    expect(plan.actors[0]!.value.description).toBe('Inschrijving');
    expect(plan.links.map((l) => [l.value.kind, l.value.warmth])).toEqual(LINKS);
  });

  it('reads the English pair the same way: Label/Type, From/To, the English kind names', async () => {
    const plan = await planFiles(inMemoryMap(), ENGLISH);
    expect(plan.problems).toEqual([]);
    expect(plan.actors.map((a) => a.value.kind)).toEqual(KINDS);
    expect(plan.links.map((l) => [l.value.kind, l.value.warmth])).toEqual(LINKS);
  });

  it('takes the files in either order: the headers, not the file names, tell elements from connections', async () => {
    const plan = await planFiles(inMemoryMap(), {
      'b.csv': DUTCH['verbindingen.csv'],
      'a.csv': DUTCH['elementen.csv'],
    });
    expect(plan.problems).toEqual([]);
    expect(plan.actors).toHaveLength(6);
    expect(plan.links).toHaveLength(5);
  });
});
