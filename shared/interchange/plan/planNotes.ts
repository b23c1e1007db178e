import type { Note, NoteAnchor } from '../../model/types';
import { randomId } from '../../randomId';
import { locate, type NoteRecord, type RecordSource, rowOf } from '../mapping/records';
import { normaliseName } from '../normaliseName';
import { type ImportProblem, problem } from '../problems';
import { changedFields, type PlannedElement } from './importPlan';
import type { ActorPlanner } from './planActors';
import type { LinkPlanner } from './planLinks';
import type { PhasePlanner } from './planPhases';

/**
 * Notes of an import (quick-wins, gaps, actions). A row with an ID is the note with that ID (or a
 * new one); a row without one matches a note of the same kind and text (normalised). `Gekoppeld aan` names an actor (by ID or name) or a link (by ID); a
 * name that is nowhere is an error. A note without a type is an action.
 */
export class NotePlanner {
  private readonly byId = new Map<string, Note>();
  private readonly byText = new Map<string, Note>();
  private readonly fileIds = new Map<string, string>();
  private readonly claimedBy = new Map<string, RecordSource>();
  readonly planned: PlannedElement<Note>[] = [];

  constructor(
    existing: readonly Note[],
    private readonly phases: PhasePlanner,
    private readonly actors: ActorPlanner,
    private readonly links: LinkPlanner,
    private readonly problems: ImportProblem[],
  ) {
    for (const n of existing) {
      this.byId.set(n.id, n);
      const key = textKey(n);
      if (!this.byText.has(key)) this.byText.set(key, n);
    }
  }

  plan(records: readonly NoteRecord[]): void {
    const planned = records.map((r) => this.planOne(r));
    // A gap an action came from may stand later in the file: resolved once every note has its id.
    planned.forEach((index, i) => {
      const r = records[i]!;
      if (index === null || r.sourceNote === undefined) return;
      this.setSourceNote(index, r.sourceNote === null ? null : this.resolveNote(r.sourceNote.value));
    });
  }

  private planOne(r: NoteRecord): number | null {
    const anchor = this.anchor(r);
    if (anchor === 'reported') return null;
    const kind = r.kind ?? 'action';
    const current =
      r.id !== null
        ? this.byId.get(r.id)
        : r.fields.text !== undefined
          ? this.byText.get(textKey({ kind, text: r.fields.text }))
          : undefined;
    if (current && this.claimedBy.has(current.id)) {
      this.problems.push(
        problem('duplicateRow', locate(r.source), { other: rowOf(this.claimedBy.get(current.id)!) }),
      );
      return null;
    }
    const phaseId = this.phases.resolve(r.phase, r.source);
    const given: Partial<Note> = {
      ...r.fields,
      ...(r.kind !== null ? { kind: r.kind } : {}),
      ...(phaseId !== undefined ? { phaseId } : {}),
      ...(anchor !== undefined ? { anchor } : {}),
      ...(r.position !== null ? { position: r.position } : {}),
    };
    let entry: PlannedElement<Note>;
    if (current) {
      const patch = changedFields(current, given);
      entry = {
        source: r.source,
        status: Object.keys(patch).length > 0 ? 'update' : 'unchanged',
        id: current.id,
        value: { ...current, ...patch },
        patch,
      };
    } else {
      const value: Note = {
        id: r.id ?? randomId(),
        kind,
        text: '',
        status: 'open',
        owner: '',
        due: '',
        regie: null,
        priority: null,
        phaseId: null,
        anchor: null,
        position: { x: 0, y: 0 },
        sourceNoteId: null,
        ...given,
      };
      entry = { source: r.source, status: 'new', id: value.id, value, patch: value };
    }
    this.claimedBy.set(entry.id, r.source);
    if (r.id !== null) this.fileIds.set(r.id, entry.id);
    this.byId.set(entry.id, entry.value);
    this.byText.set(textKey(entry.value), entry.value);
    this.planned.push(entry);
    return this.planned.length - 1;
  }

  private anchor(r: NoteRecord): NoteAnchor | undefined | 'reported' {
    const ref = r.anchor;
    if (ref === undefined || ref === null) return ref;
    if (ref.type !== 'actor') {
      const link = this.links.resolve(ref.value);
      if (link !== undefined) return { type: 'link', id: link };
    }
    if (ref.type !== 'link') {
      const actor = this.actors.resolve(ref);
      if (actor.ok) return { type: 'actor', id: actor.id };
    }
    // An exact id (JSON) that names nothing reads as a free note, as the model reads a stale anchor.
    if (ref.by === 'id') return null;
    this.problems.push(problem('unknownAnchor', locate(r.source, 'anchor'), { value: ref.value }));
    return 'reported';
  }

  private resolveNote(id: string): string | null {
    return this.fileIds.get(id) ?? (this.byId.has(id) ? id : null);
  }

  private setSourceNote(index: number, sourceNoteId: string | null): void {
    const entry = this.planned[index]!;
    if (entry.value.sourceNoteId === sourceNoteId) return;
    this.planned[index] = {
      ...entry,
      status: entry.status === 'new' ? 'new' : 'update',
      value: { ...entry.value, sourceNoteId },
      patch: { ...entry.patch, sourceNoteId },
    };
  }
}

function textKey(n: Pick<Note, 'kind' | 'text'>): string {
  return `${n.kind}\u0000${normaliseName(n.text)}`;
}
