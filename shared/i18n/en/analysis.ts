import { prefixed, type Translation } from '../catalogue';
import type { analysis as nl, findings as nlFindings } from '../nl/analysis';

/** English: the texts of analysis findings (see `nl/analysis.ts`). */
export const findings: Translation<typeof nlFindings> = {
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
  'noteFollowUp.noOwner.quickWin':
    'The quick win ‘{note}’ has no owner. Without someone to drive it, it stalls.',
  'noteFollowUp.noOwner.gap': 'The bottleneck ‘{note}’ has no owner. Without someone to drive it, it stalls.',
  'noteFollowUp.noOwner.action': 'The action ‘{note}’ has no owner. Without someone to drive it, it stalls.',
  'noteFollowUp.noDue.quickWin':
    'The quick win ‘{note}’ has no due date. Without a date it easily slips and progress is hard to follow.',
  'noteFollowUp.noDue.gap':
    'The bottleneck ‘{note}’ has no due date. Without a date it easily slips and progress is hard to follow.',
  'noteFollowUp.noDue.action':
    'The action ‘{note}’ has no due date. Without a date it easily slips and progress is hard to follow.',
  'noteFollowUp.overdue.quickWin':
    'The quick win ‘{note}’ was due on {due, date} and is not done yet. Check what it takes to finish it, or move the date.',
  'noteFollowUp.overdue.gap':
    'The bottleneck ‘{note}’ was due on {due, date} and is not done yet. Check what it takes to finish it, or move the date.',
  'noteFollowUp.overdue.action':
    'The action ‘{note}’ was due on {due, date} and is not done yet. Check what it takes to finish it, or move the date.',
  'collaboration.noMembers':
    'The collaboration ‘{collaboration}’ has no members on the map. Link the services and partners that take part, otherwise nobody can see who carries it.',
  'collaboration.oneMunicipality':
    'All members of ‘{collaboration}’ come from one municipality ({municipality}). Working across municipalities shares cost and know-how: see whether neighbouring municipalities or supralocal partners can join.',
};

/** English: The analysis panel and the texts of its findings (what is wrong, then why it matters; plain words, no graph jargon). */
export const analysis: Translation<typeof nl> = {
  'analysis.title': 'Analysis of the chain',
  'analysis.intro':
    'What the map shows about where newcomers may fall through the chain. Click an item to show it on the map.',
  'analysis.none': 'No issues found. The chain looks complete.',
  'analysis.count': { one: '1 issue', other: '{count} issues' },
  'analysis.clearHighlight': 'Clear the highlight on the map',
  'analysis.dismiss': 'Dismiss…',
  'analysis.dismissTitle': 'Dismiss issue',
  'analysis.dismissReason': 'Why do you dismiss this issue?',
  'analysis.dismissHint':
    'Everyone who views the map sees who dismissed it and why. You can restore it later.',
  'analysis.dismissConfirm': 'Dismiss',
  'analysis.dismissedCount': 'Dismissed issues ({count})',
  'analysis.dismissedBy': 'Dismissed by {by} on {date}:',
  'analysis.someone': 'someone',
  'analysis.restore': 'Restore',
  'severity.high': 'Urgent',
  'severity.medium': 'Important',
  'severity.low': 'For information',
  'rule.noRoute': 'Target group without a route',
  'rule.emptyPhase': 'Empty phase',
  'rule.handover': 'Handover',
  'rule.isolatedActor': 'Not connected',
  'rule.singlePointOfFailure': 'Everything through one actor',
  'rule.noteFollowUp': 'Follow-up',
  'rule.collaboration': 'Collaboration',
  ...prefixed('finding', findings),
};
