import type { Translation } from '../catalogue';
import type { phases as nl } from '../nl/phases';

/** English: The phases panel. */
export const phases: Translation<typeof nl> = {
  'phases.title': 'Phases',
  'phases.intro':
    'Phases run from arrival to participation. Drag a phase or use the arrows to change the order.',
  'phases.introReadOnly': 'The phases of the chain, from arrival to participation.',
  'phases.name': 'Name of phase {index}',
  'phases.dragHint': 'Drag to move',
  'phases.actorCount': { one: '1 actor in this phase', other: '{count} actors in this phase' },
  'phases.moveUp': 'Move ‘{label}’ earlier',
  'phases.moveDown': 'Move ‘{label}’ later',
  'phases.moved': '‘{label}’ is now at position {position}.',
  'phases.remove': 'Remove ‘{label}’',
  'phases.removeTitle': 'Remove phase',
  'phases.removeConfirm': {
    one: 'Remove phase ‘{label}’? The actor in it stays on the map, but no longer belongs to a phase.',
    other:
      'Remove phase ‘{label}’? The {count} actors in it stay on the map, but no longer belong to a phase.',
  },
  'phases.removeButton': 'Remove phase',
  'phases.newName': 'New phase',
  'phases.none': 'This map has no phases yet.',
};
