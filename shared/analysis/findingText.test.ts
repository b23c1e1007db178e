import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../model/replicas';
import { NOTE_KINDS } from '../model/types';
import { DEMO_MAPS } from '../templates/demoMaps';
import { analyse } from './findings';
import { FINDING_MESSAGES, formatFindingMessage } from './findingText';

/** Every message key a rule can emit (kept in step with the rules by the last test). */
const EMITTED = [
  'noRoute.noDestination',
  'noRoute.noStart',
  'emptyPhase',
  'handover.cold',
  'handover.noOwner',
  'isolatedActor.actor',
  'isolatedActor.targetGroup',
  'singlePointOfFailure.one',
  'singlePointOfFailure.many',
  ...['noOwner', 'noDue', 'overdue'].flatMap((v) => NOTE_KINDS.map((k) => `noteFollowUp.${v}.${k}`)),
  'collaboration.noMembers',
  'collaboration.oneMunicipality',
];

describe('finding messages', () => {
  it('have a Dutch and an English text for every key a rule emits, and no other', () => {
    for (const locale of ['nl', 'en'] as const) {
      expect(Object.keys(FINDING_MESSAGES[locale]).sort()).toEqual([...EMITTED, 'unnamed'].sort());
    }
  });

  it('fill in the params', () => {
    const message = { key: 'handover.cold', params: { from: 'Burgerzaken', to: 'VDAB' } };
    expect(formatFindingMessage(message, 'nl')).toMatch(
      /^De overdracht van ‘Burgerzaken’ naar ‘VDAB’ is koud/,
    );
    expect(formatFindingMessage(message, 'en')).toMatch(/^The handover from ‘Burgerzaken’ to ‘VDAB’ is cold/);
  });

  it('show an empty label as unnamed and an unknown key as itself', () => {
    expect(formatFindingMessage({ key: 'emptyPhase', params: { phase: '' } })).toContain('‘(zonder naam)’');
    expect(formatFindingMessage({ key: 'nope', params: {} })).toBe('nope');
  });

  it('leave no placeholder unfilled for the params the rules give', () => {
    for (const demo of DEMO_MAPS) {
      const map = inMemoryMap({ title: demo.title, municipality: demo.municipality });
      demo.build(map);
      for (const finding of analyse(map.read(), { today: '2024-06-01' })) {
        expect(EMITTED).toContain(finding.message.key);
        for (const locale of ['nl', 'en'] as const) {
          expect(formatFindingMessage(finding.message, locale)).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });
});
