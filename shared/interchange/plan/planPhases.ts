import type { Phase } from '../../model/types';
import { randomId } from '../../randomId';
import { locate, type PhaseRecord, type RecordSource, type Ref, rowOf } from '../mapping/records';
import { normaliseName } from '../normaliseName';
import { type ImportProblem, problem } from '../problems';
import { changedFields, type PlannedElement } from './importPlan';
import { compareByOrder, isOrderKey, keyAfter } from './orderKeys';

/**
 * Lanes of an import. Explicit lanes (a "Fasen" sheet, a JSON file) match existing ones by id, then
 * by name; a lane named in an actor's or note's `Fase` cell that exists nowhere is created after the
 * last lane, in the order the names first appear.
 */
export class PhasePlanner {
  private readonly byId = new Map<string, Phase>();
  private readonly byName = new Map<string, string>();
  private readonly planned = new Map<string, PlannedElement<Phase>>();
  private readonly claimedBy = new Map<string, RecordSource>();
  private lastOrder: string | null = null;

  constructor(
    existing: readonly Phase[],
    private readonly problems: ImportProblem[],
  ) {
    for (const p of existing) this.remember(p);
  }

  planRecords(records: readonly PhaseRecord[]): void {
    for (const r of records) {
      const matchId =
        (r.id !== null && this.byId.has(r.id) ? r.id : null) ?? this.byName.get(normaliseName(r.label));
      if (matchId !== undefined && this.claimedBy.has(matchId)) {
        this.problems.push(
          problem('duplicateRow', locate(r.source), { other: rowOf(this.claimedBy.get(matchId)!) }),
        );
        continue;
      }
      if (matchId !== undefined) {
        const current = this.byId.get(matchId)!;
        const next: Partial<Phase> = {
          ...(r.id === matchId ? { label: r.label } : {}),
          ...(isOrderKey(r.order) ? { order: r.order } : {}),
        };
        const patch = changedFields(current, next);
        this.add(
          r.source,
          { ...current, ...patch },
          patch,
          Object.keys(patch).length > 0 ? 'update' : 'unchanged',
        );
        continue;
      }
      const value: Phase = {
        id: r.id ?? randomId(),
        label: r.label,
        order: isOrderKey(r.order) ? r.order : keyAfter(this.lastOrder),
      };
      this.add(r.source, value, value, 'new');
    }
  }

  /**
   * The lane a `Fase` cell or a phaseId means: undefined when not given, null for "no lane".
   * An exact id (JSON) that names no lane reads as no lane, as the model reads a stale phaseId.
   */
  resolve(ref: Ref | null | undefined, source: RecordSource): string | null | undefined {
    if (ref === undefined || ref === null) return ref;
    if (this.byId.has(ref.value)) return ref.value;
    if (ref.by === 'id') return null;
    const byName = this.byName.get(normaliseName(ref.value));
    if (byName !== undefined) return byName;
    const value: Phase = { id: randomId(), label: ref.value, order: keyAfter(this.lastOrder) };
    this.add(source, value, value, 'new');
    return value.id;
  }

  result(): PlannedElement<Phase>[] {
    return [...this.planned.values()];
  }

  /** Every lane after the import, in lane order. */
  lanes(): Phase[] {
    return [...this.byId.values()].sort(compareByOrder);
  }

  private add(
    source: RecordSource,
    value: Phase,
    patch: Partial<Phase>,
    status: PlannedElement<Phase>['status'],
  ) {
    this.planned.set(value.id, { source, status, id: value.id, value, patch });
    this.claimedBy.set(value.id, source);
    this.remember(value);
  }

  private remember(p: Phase): void {
    this.byId.set(p.id, p);
    const key = normaliseName(p.label);
    if (!this.byName.has(key)) this.byName.set(key, p.id);
    if (this.lastOrder === null || p.order > this.lastOrder) this.lastOrder = p.order;
  }
}
