import type { Actor, ActorKind } from '../../model/types';
import { randomId } from '../../randomId';
import { type ActorRecord, locate, type RecordSource, type Ref, rowOf } from '../mapping/records';
import { normaliseName } from '../normaliseName';
import { type ImportProblem, type ProblemCode, type ProblemParams, problem } from '../problems';
import { ActorIndex } from './actorIndex';
import { changedFields, type PlannedActor } from './importPlan';
import type { PhasePlanner } from './planPhases';

export type Resolved =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly code: ProblemCode; readonly params: ProblemParams };

/**
 * Actors of an import, matched against the map: on `ID`, then on KBO number, then on the name
 * (case, accents and spacing ignored; an actor with another KBO number is another organisation).
 * Rows are told apart by their identity (the ID, else the KBO number, else name and kind): two rows
 * with one identity, or two rows that land on one actor of the map, are an error. The fields the
 * file gives are updated; see `planUpdate` for the name.
 */
export class ActorPlanner {
  readonly index: ActorIndex;
  private readonly fileIds = new Map<string, string>();
  private readonly claimedBy = new Map<string, RecordSource>();
  private readonly identities = new Map<string, RecordSource>();
  readonly planned: PlannedActor[] = [];

  constructor(
    existing: readonly Actor[],
    private readonly phases: PhasePlanner,
    private readonly problems: ImportProblem[],
    private readonly defaultKind: ActorKind,
  ) {
    this.index = new ActorIndex(existing);
  }

  plan(records: readonly ActorRecord[]): void {
    for (const r of records) this.planOne(r);
  }

  /** The actor a connection's or note's reference means. */
  resolve(ref: Ref): Resolved {
    const aliased = this.fileIds.get(ref.value);
    if (aliased !== undefined) return { ok: true, id: aliased };
    if (this.index.get(ref.value)) return { ok: true, id: ref.value };
    if (ref.by === 'id') return { ok: false, code: 'unknownEndpoint', params: { value: ref.value } };
    const match = this.index.byLabel(ref.value);
    if (match.kind === 'one') return { ok: true, id: match.id };
    if (match.kind === 'ambiguous') {
      return { ok: false, code: 'ambiguousMatch', params: { value: ref.value, count: match.count } };
    }
    return { ok: false, code: 'unknownEndpoint', params: { value: ref.value } };
  }

  private planOne(r: ActorRecord): void {
    const identity =
      r.id !== null
        ? `id:${r.id}`
        : r.kbo !== null
          ? `kbo:${r.kbo}`
          : `name:${normaliseName(r.label)}:${r.kind ?? ''}`;
    const earlier = this.identities.get(identity);
    if (earlier) {
      this.problems.push(problem('duplicateRow', locate(r.source), { other: rowOf(earlier) }));
      return;
    }
    this.identities.set(identity, r.source);
    const match = this.match(r);
    if (match === 'reported') return;
    if (match !== null && this.claimedBy.has(match.id)) {
      this.problems.push(
        problem('duplicateRow', locate(r.source), { other: rowOf(this.claimedBy.get(match.id)!) }),
      );
      return;
    }
    const phaseId = this.phases.resolve(r.phase, r.source);
    if (match === null) this.planNew(r, phaseId);
    else this.planUpdate(r, match.actor, match.keepName, phaseId);
  }

  /** The map's actor this record is; `keepName`: matched on something else than the ID. */
  private match(r: ActorRecord): { id: string; actor: Actor; keepName: boolean } | null | 'reported' {
    const byId = r.id !== null ? this.index.get(r.id) : undefined;
    if (byId) return { id: byId.id, actor: byId, keepName: false };
    const kboId = r.kbo !== null ? this.index.byKboNumber(r.kbo) : undefined;
    if (kboId !== undefined) return { id: kboId, actor: this.index.get(kboId)!, keepName: true };
    const byName = this.index.byLabel(r.label, { kind: r.kind, kbo: r.kbo, existingOnly: true });
    if (byName.kind === 'none') return null;
    if (byName.kind === 'ambiguous') {
      this.problems.push(
        problem('ambiguousMatch', locate(r.source, 'label'), { value: r.label, count: byName.count }),
      );
      return 'reported';
    }
    return { id: byName.id, actor: this.index.get(byName.id)!, keepName: true };
  }

  private planNew(r: ActorRecord, phaseId: string | null | undefined): void {
    const value: Actor = {
      id: r.id ?? randomId(),
      kind: r.kind ?? this.defaultKind,
      label: r.label,
      description: '',
      phaseId: phaseId ?? null,
      regie: null,
      tags: [],
      contact: '',
      position: r.position ?? { x: 0, y: 0 },
      entryPoint: false,
      municipality: '',
      needs: '',
      languages: [],
      kbo: r.kbo ?? '',
      ...r.fields,
    };
    this.index.add(value, true);
    this.claim(r, value.id);
    this.planned.push({
      source: r.source,
      status: 'new',
      id: value.id,
      value,
      patch: value,
      needsPlacement: r.position === null,
    });
  }

  private planUpdate(
    r: ActorRecord,
    current: Actor,
    keepName: boolean,
    phaseId: string | null | undefined,
  ): void {
    // Matched on KBO number or name, a name the file spells differently ("ocmw" for "OCMW") is the
    // same name: the map's spelling stays. An ID match takes the file's name, even a respelling.
    const sameName = keepName && normaliseName(r.label) === normaliseName(current.label);
    const next: Partial<Actor> = {
      ...r.fields,
      ...(sameName ? {} : { label: r.label }),
      ...(r.kind !== null ? { kind: r.kind } : {}),
      ...(phaseId !== undefined ? { phaseId } : {}),
      ...(r.position !== null ? { position: r.position } : {}),
      ...(r.kbo !== null ? { kbo: r.kbo } : {}),
    };
    const patch = changedFields(current, next);
    const value = { ...current, ...patch };
    if (patch.label !== undefined) this.index.addName(patch.label, current.id);
    this.claim(r, current.id);
    this.planned.push({
      source: r.source,
      status: Object.keys(patch).length > 0 ? 'update' : 'unchanged',
      id: current.id,
      value,
      patch,
      needsPlacement: false,
    });
  }

  private claim(r: ActorRecord, id: string): void {
    this.claimedBy.set(id, r.source);
    if (r.id !== null) this.fileIds.set(r.id, id);
  }
}
