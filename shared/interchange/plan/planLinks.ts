import type { Link, LinkKind } from '../../model/types';
import { randomId } from '../../randomId';
import { type LinkRecord, locate, type RecordSource, rowOf } from '../mapping/records';
import { type ImportProblem, problem } from '../problems';
import { changedFields, type PlannedElement } from './importPlan';
import type { ActorPlanner } from './planActors';

/** Kinds drawn without an arrow: partnership and membership (as in the chain graph). */
const UNDIRECTED: ReadonlySet<LinkKind> = new Set(['partnership', 'membership']);

/**
 * Connections of an import. Each end names an element by ID or by name, of the file or of the map;
 * an end that names nothing is an error for that row. A row with an ID matches the connection with
 * that ID (or is new); a row without one matches by its two ends and kind (either way round for
 * undirected kinds), and a second such row with the same ends is a duplicate. A row without a type gets
 * one from Kumu's `Direction`: undirected or mutual → partnership, otherwise information sharing.
 */
export class LinkPlanner {
  private readonly byId = new Map<string, Link>();
  private readonly byEnds = new Map<string, Link[]>();
  private readonly claimedBy = new Map<string, RecordSource>();
  readonly fileIds = new Map<string, string>();
  readonly planned: PlannedElement<Link>[] = [];

  constructor(
    existing: readonly Link[],
    private readonly actors: ActorPlanner,
    private readonly problems: ImportProblem[],
  ) {
    for (const l of existing) {
      this.byId.set(l.id, l);
      const key = ends(l.source, l.target);
      this.byEnds.set(key, [...(this.byEnds.get(key) ?? []), l]);
    }
  }

  plan(records: readonly LinkRecord[]): void {
    for (const r of records) this.planOne(r);
  }

  has(id: string): boolean {
    return this.byId.has(id) || this.fileIds.has(id);
  }

  resolve(id: string): string | undefined {
    return this.fileIds.get(id) ?? (this.byId.has(id) ? id : undefined);
  }

  private planOne(r: LinkRecord): void {
    const from = this.actors.resolve(r.from);
    const to = this.actors.resolve(r.to);
    if (!from.ok) this.problems.push(problem(from.code, locate(r.source, 'from'), from.params));
    if (!to.ok) this.problems.push(problem(to.code, locate(r.source, 'to'), to.params));
    if (!from.ok || !to.ok) return;
    if (from.id === to.id) {
      this.problems.push(problem('selfLink', locate(r.source, 'to'), { value: r.to.value }));
      return;
    }
    const current = this.match(r, from.id, to.id);
    if (current && this.claimedBy.has(current.id)) {
      this.problems.push(
        problem('duplicateRow', locate(r.source), { other: rowOf(this.claimedBy.get(current.id)!) }),
      );
      return;
    }
    if (current) this.planUpdate(r, current, from.id, to.id);
    else this.planNew(r, from.id, to.id);
  }

  private match(r: LinkRecord, source: string, target: string): Link | undefined {
    // A row with an ID is that connection: found by it, or new. Only rows without one are matched
    // by their ends (the map may hold several connections between the same two elements).
    if (r.id !== null) return this.byId.get(r.id);
    const kind = r.kind;
    const forward = this.byEnds.get(ends(source, target)) ?? [];
    const backward = (this.byEnds.get(ends(target, source)) ?? []).filter((l) => UNDIRECTED.has(l.kind));
    return [...forward, ...backward]
      .filter((l) => kind === null || l.kind === kind)
      .sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  }

  private planNew(r: LinkRecord, source: string, target: string): void {
    const kind =
      r.kind ?? (r.direction === 'undirected' || r.direction === 'mutual' ? 'partnership' : 'information');
    const value: Link = {
      id: r.id ?? randomId(),
      kind,
      source,
      target,
      label: '',
      description: '',
      dataShared: false,
      owner: '',
      regie: null,
      tags: [],
      ...r.fields,
      warmth: kind === 'handover' ? (r.warmth ?? 'cold') : null,
    };
    this.remember(r, value);
    this.planned.push({ source: r.source, status: 'new', id: value.id, value, patch: value });
  }

  private planUpdate(r: LinkRecord, current: Link, source: string, target: string): void {
    const kind = r.kind ?? current.kind;
    const sameWay = current.source === source || !UNDIRECTED.has(kind);
    const next: Partial<Link> = {
      ...r.fields,
      kind,
      ...(sameWay ? { source, target } : {}),
      warmth: kind === 'handover' ? (r.warmth ?? current.warmth ?? 'cold') : null,
    };
    const patch = changedFields(current, next);
    const value = { ...current, ...patch };
    this.remember(r, value);
    this.planned.push({
      source: r.source,
      status: Object.keys(patch).length > 0 ? 'update' : 'unchanged',
      id: value.id,
      value,
      patch,
    });
  }

  private remember(r: LinkRecord, link: Link): void {
    this.claimedBy.set(link.id, r.source);
    if (r.id !== null) this.fileIds.set(r.id, link.id);
    this.byId.set(link.id, link);
    const key = ends(link.source, link.target);
    this.byEnds.set(key, [...(this.byEnds.get(key) ?? []), link]);
  }
}

function ends(source: string, target: string): string {
  return `${source}\u0000${target}`;
}
