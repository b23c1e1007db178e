import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../../shared/model/replicas';
import {
  EMPTY_PLAN_FILTER,
  filterPlanRows,
  groupPlanRows,
  ownerChoices,
  planRows,
  sortPlanRows,
  statusCounts,
} from './actionPlan';

function planMap() {
  const map = inMemoryMap({ title: 'Plan', municipality: 'Asse' });
  const p1 = map.addPhase('Aankomst', { id: 'p1' });
  map.addPhase('Toeleiding', { id: 'p2', afterId: p1 });
  map.addActor({ id: 'bz', kind: 'service', label: 'Burgerzaken' });
  map.addActor({ id: 'vdab', kind: 'partner', label: 'VDAB' });
  map.addLink({ id: 'l1', kind: 'handover', source: 'bz', target: 'vdab', warmth: 'cold' });
  map.addNote({
    id: 'n1',
    kind: 'gap',
    text: 'Geen tolk',
    status: 'open',
    owner: 'bz',
    phaseId: 'p2',
    anchor: { type: 'link', id: 'l1' },
    due: '2025-03-01',
    priority: 'high',
    regie: 'zelf',
  });
  map.addNote({
    id: 'n2',
    kind: 'quickWin',
    text: 'Folder vertalen',
    status: 'done',
    owner: 'José',
    phaseId: 'p1',
    due: '',
    priority: 'low',
    regie: 'partnerschap',
  });
  map.addNote({
    id: 'n3',
    kind: 'action',
    text: 'Tolk inhuren',
    status: 'inProgress',
    owner: '',
    phaseId: null,
    due: '2025-01-15',
    priority: null,
    regie: null,
    sourceNoteId: 'n1',
  });
  return map;
}

describe('action plan rows', () => {
  it('shows an actor owner by its name and a link anchor as "from → to"', () => {
    const rows = planRows(planMap().read());
    const n1 = rows.find((r) => r.note.id === 'n1')!;
    expect(n1.ownerLabel).toBe('Burgerzaken');
    expect(n1.anchorLabel).toBe('Burgerzaken → VDAB');
    expect(rows.find((r) => r.note.id === 'n2')!.ownerLabel).toBe('José');
  });

  it('filters by kind, status, owner and accent-insensitive text', () => {
    const rows = planRows(planMap().read());
    const ids = (f: Partial<typeof EMPTY_PLAN_FILTER>) =>
      filterPlanRows(rows, { ...EMPTY_PLAN_FILTER, ...f }).map((r) => r.note.id);
    expect(ids({ kinds: ['gap', 'action'] })).toEqual(['n1', 'n3']);
    expect(ids({ statuses: ['done'] })).toEqual(['n2']);
    expect(ids({ owner: 'Burgerzaken' })).toEqual(['n1']);
    expect(ids({ text: 'jose' })).toEqual(['n2']);
    expect(ids({ text: 'vdab' })).toEqual(['n1']);
  });

  it('sorts by a column both ways, always putting empty values last', () => {
    const rows = planRows(planMap().read());
    const by = (key: Parameters<typeof sortPlanRows>[1]['key'], direction: 'asc' | 'desc') =>
      sortPlanRows(rows, { key, direction }).map((r) => r.note.id);
    expect(by('due', 'asc')).toEqual(['n3', 'n1', 'n2']);
    expect(by('due', 'desc')).toEqual(['n1', 'n3', 'n2']);
    expect(by('priority', 'asc')).toEqual(['n1', 'n2', 'n3']);
    expect(by('status', 'asc')).toEqual(['n1', 'n3', 'n2']);
    expect(by('owner', 'asc')).toEqual(['n1', 'n2', 'n3']);
  });

  it('groups by phase in lane order and by regie level, with the rest last', () => {
    const state = planMap().read();
    const rows = planRows(state);
    const byPhase = groupPlanRows(rows, 'phase', state);
    expect(byPhase.map((g) => [g.key, g.label, g.rows.map((r) => r.note.id)])).toEqual([
      ['p1', 'Aankomst', ['n2']],
      ['p2', 'Toeleiding', ['n1']],
      [null, '', ['n3']],
    ]);
    const byRegie = groupPlanRows(rows, 'regie', state);
    expect(byRegie.map((g) => g.key)).toEqual(['zelf', 'partnerschap', null]);
  });

  it('treats a note whose phase was removed as phase-less', () => {
    const map = planMap();
    map.deletePhase('p1');
    const state = map.read();
    const groups = groupPlanRows(planRows(state), 'phase', state);
    expect(groups.map((g) => g.key)).toEqual(['p2', null]);
    expect(groups[1]!.rows.map((r) => r.note.id)).toEqual(['n2', 'n3']);
  });

  it('counts statuses and lists owners once', () => {
    const state = planMap().read();
    expect(statusCounts(state.notes)).toEqual({ open: 1, inProgress: 1, done: 1 });
    expect(ownerChoices(planRows(state))).toEqual(['Burgerzaken', 'José']);
  });
});
