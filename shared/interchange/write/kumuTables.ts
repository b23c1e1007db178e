import { formatKbo } from '../../model/kbo';
import type { Actor, ChainMapState, Link, Note, Phase } from '../../model/types';
import { headerFor, type RoleFields, type TableRole } from '../vocabulary/headers';
import type { InterchangeLocale } from '../vocabulary/locale';
import {
  ACTOR_KIND_NAMES,
  BOOLEAN_NAMES,
  LINK_TYPE_NAMES,
  type LinkType,
  NOTE_KIND_NAMES,
  NOTE_STATUS_NAMES,
  nameOf,
  PRIORITY_NAMES,
  REGIE_NAMES,
} from '../vocabulary/values';

/**
 * The map as Kumu-layout tables: elements (`ID`, `Label`, `Type`, `Description`, `Tags`, then
 * KetenKaart's fields), connections (`ID`, `From`, `To`, `Type`, `Direction`, …), and KetenKaart's
 * own lanes and notes. Connections name their ends by element ID, which Kumu accepts when the
 * elements sheet has an ID column. Values are written with the names the UI shows, in `locale`;
 * several values in one cell are separated by `|`. Reading these tables back gives the same model.
 */

export type CellValue = string | number;

export interface OutputTable {
  readonly role: TableRole;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
}

type Column<R extends TableRole, T> = readonly [RoleFields[R], (element: T) => CellValue];

export function kumuTables(state: ChainMapState, locale: InterchangeLocale): Record<TableRole, OutputTable> {
  const phaseLabel = new Map(state.phases.map((p) => [p.id, p.label]));
  const lane = (id: string | null) => (id === null ? '' : (phaseLabel.get(id) ?? ''));
  const regie = (r: Actor['regie']) => (r === null ? '' : nameOf(REGIE_NAMES, r, locale));
  const yesNo = (b: boolean) => nameOf(BOOLEAN_NAMES, b, locale);
  const list = (values: readonly string[]) => values.join('|');

  const elements: Column<'elements', Actor>[] = [
    ['id', (a) => a.id],
    ['label', (a) => a.label],
    ['kind', (a) => nameOf(ACTOR_KIND_NAMES, a.kind, locale)],
    ['description', (a) => a.description],
    ['tags', (a) => list(a.tags)],
    ['phase', (a) => lane(a.phaseId)],
    ['regie', (a) => regie(a.regie)],
    ['contact', (a) => a.contact],
    ['municipality', (a) => a.municipality],
    ['kbo', (a) => formatKbo(a.kbo)],
    ['entryPoint', (a) => yesNo(a.entryPoint)],
    ['needs', (a) => a.needs],
    ['languages', (a) => list(a.languages)],
    ['x', (a) => a.position.x],
    ['y', (a) => a.position.y],
  ];
  const connections: Column<'connections', Link>[] = [
    ['id', (l) => l.id],
    ['from', (l) => l.source],
    ['to', (l) => l.target],
    ['kind', (l) => linkTypeName(l, locale)],
    ['direction', (l) => (l.kind === 'partnership' || l.kind === 'membership' ? 'undirected' : 'directed')],
    ['label', (l) => l.label],
    ['description', (l) => l.description],
    ['tags', (l) => list(l.tags)],
    ['dataShared', (l) => yesNo(l.dataShared)],
    ['owner', (l) => l.owner],
    ['regie', (l) => regie(l.regie)],
  ];
  const notes: Column<'notes', Note>[] = [
    ['id', (n) => n.id],
    ['kind', (n) => nameOf(NOTE_KIND_NAMES, n.kind, locale)],
    ['text', (n) => n.text],
    ['status', (n) => nameOf(NOTE_STATUS_NAMES, n.status, locale)],
    ['owner', (n) => n.owner],
    ['due', (n) => n.due],
    ['regie', (n) => regie(n.regie)],
    ['priority', (n) => (n.priority === null ? '' : nameOf(PRIORITY_NAMES, n.priority, locale))],
    ['phase', (n) => lane(n.phaseId)],
    ['anchor', (n) => n.anchor?.id ?? ''],
    ['source', (n) => n.sourceNoteId ?? ''],
    ['x', (n) => n.position.x],
    ['y', (n) => n.position.y],
  ];
  const phases: Column<'phases', Phase>[] = [
    ['id', (p) => p.id],
    ['label', (p) => p.label],
    ['order', (p) => p.order],
  ];
  return {
    elements: table('elements', elements, state.actors, locale),
    connections: table('connections', connections, state.links, locale),
    notes: table('notes', notes, state.notes, locale),
    phases: table('phases', phases, state.phases, locale),
  };
}

function table<R extends TableRole, T>(
  role: R,
  columns: readonly Column<R, T>[],
  elements: readonly T[],
  locale: InterchangeLocale,
): OutputTable {
  return {
    role,
    header: columns.map(([field]) => headerFor(role, field, locale)),
    rows: elements.map((e) => columns.map(([, value]) => value(e))),
  };
}

const sameType = (a: LinkType, b: LinkType) => a.kind === b.kind && a.warmth === b.warmth;

function linkTypeName(link: Link, locale: InterchangeLocale): string {
  return nameOf(
    LINK_TYPE_NAMES,
    { kind: link.kind, warmth: link.kind === 'handover' ? link.warmth : null },
    locale,
    sameType,
  );
}
