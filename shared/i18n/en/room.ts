import type { Translation } from '../catalogue';
import type { room as nl } from '../nl/room';

/** English: The room view: presentation mode, collapsible panels, link marks, members, filter chip, printing the map. */
export const room: Translation<typeof nl> = {
  'present.start': 'Present',
  'present.startHint': 'Show the map full screen, without panels (P)',
  'present.stop': 'Leave presentation',
  'present.stopHint': 'Back to editing (Esc)',
  'present.label': 'Presentation',
  'panel.collapseLeft': 'Hide left panel',
  'panel.expandLeft': 'Show left panel',
  'panel.collapseRight': 'Hide right panel',
  'panel.expandRight': 'Show right panel',
  'link.ownerMark': 'Owner: {name}',
  'link.dataSharedMark': 'data shared',
  'link.notesMark': { one: '1 note', other: '{count} notes' },
  'node.memberCount': { one: '1 member', other: '{count} members' },
  'members.title': 'Members',
  'members.none': 'No members yet.',
  'members.add': 'Add member',
  'members.remove': 'Remove ‘{name}’ as a member',
  'members.hint': 'A member is a membership link to this partnership.',
  'filterChip.active': { one: 'Filter on: 1 actor shown', other: 'Filter on: {count} actors shown' },
  'filterChip.none': 'No actors match these filters',
  'filterChip.clear': 'Clear filter',
  'print.map': 'Print map',
  'print.mapHint': 'Print the map on one landscape page (A4 or A3)',
  'print.printedOn': 'Printed on {date, date, long}',
  'print.phases': 'Phases',
};
