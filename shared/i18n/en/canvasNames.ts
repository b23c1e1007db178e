import type { Translation } from '../catalogue';
import type { canvasNames as nl } from '../nl/canvasNames';

/** English: what a screen reader says for the cards and links of the canvas. */
export const canvasNames: Translation<typeof nl> = {
  linkName: '{kind} from {from} to {to}',
  linkOwner: 'Owner: {owner}',
  inPhase: 'phase {phase}',
  noPhase: 'outside the phases',
  quickWins: { one: '1 quick win', other: '{count, number} quick wins' },
  gaps: { one: '1 gap', other: '{count, number} gaps' },
  actions: { one: '1 action', other: '{count, number} actions' },
  'role.actor': 'actor',
  'role.note': 'note',
  'role.link': 'link',
};
