import type { Note } from '../../model/types';
import { elements, type Finding } from '../finding';
import { labelOf, type RuleContext } from './ruleContext';

const MAX_TEXT = 60;

/**
 * Rule 6: a quick-win, gap or action that nobody owns, has no due date, or is overdue. Done items
 * are never flagged. A gap that was turned into an action ("aanpakken") is judged through its
 * action(s) instead: owner and due date then live on the action, and flagging the gap too would
 * say the same thing twice.
 */
export function noteFollowUpRule({ cg, today }: RuleContext): Finding[] {
  const { notes } = cg.state;
  const tackled = new Set<string>();
  for (const n of notes) if (n.kind === 'action' && n.sourceNoteId !== null) tackled.add(n.sourceNoteId);
  const out: Finding[] = [];
  for (const note of notes) {
    if (note.status === 'done' || (note.kind === 'gap' && tackled.has(note.id))) continue;
    const params = {
      note: shorten(note.text),
      owner: ownerLabel(note, (id) => labelOf(cg.actorsById.get(id))),
      due: note.due,
      today,
    };
    const elementIds = elements({
      notes: [note.id],
      actors: note.anchor?.type === 'actor' ? [note.anchor.id] : [],
      links: note.anchor?.type === 'link' ? [note.anchor.id] : [],
      phases: note.phaseId ? [note.phaseId] : [],
    });
    const add = (variant: 'noOwner' | 'noDue' | 'overdue', severity: Finding['severity']) =>
      out.push({
        key: `noteFollowUp:${variant}:${note.id}`,
        rule: 'noteFollowUp',
        severity,
        elementIds,
        message: { key: `noteFollowUp.${variant}.${note.kind}`, params },
      });
    if (note.owner.trim() === '') add('noOwner', 'medium');
    if (note.due === '') add('noDue', 'low');
    else if (note.due < today) add('overdue', 'medium');
  }
  return out;
}

function shorten(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= MAX_TEXT ? t : `${t.slice(0, MAX_TEXT - 1)}…`;
}

/** The owner is an actor id on the map or a person's name; show the actor's label when it is an id. */
function ownerLabel(note: Note, actorLabel: (id: string) => string): string {
  const owner = note.owner.trim();
  return actorLabel(owner) || owner;
}
