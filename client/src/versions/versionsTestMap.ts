import type { ChainMap } from '../../../shared/model/ChainMap';
import { inMemoryMap } from '../../../shared/model/replicas';

/**
 * A small workshop map with fixed ids for the versions tests: lanes p1, p2; actors a1..a4; a cold
 * handover l1 (a1 → a2) and an information link l2 (a2 → a3); a free quick-win n1 and a gap n2
 * anchored to a2.
 */
export function workshopMap(): ChainMap {
  const map = inMemoryMap({ title: 'Ketenaanpak Halle', municipality: 'Halle' });
  map.addPhase('Inschrijving', { id: 'p1' });
  map.addPhase('Onthaal', { id: 'p2' });
  map.addActor({ id: 'a1', kind: 'service', label: 'Burgerzaken', phaseId: 'p1', position: { x: 0, y: 0 } });
  map.addActor({ id: 'a2', kind: 'role', label: 'Toeleider', phaseId: 'p2', position: { x: 300, y: 0 } });
  map.addActor({ id: 'a3', kind: 'partner', label: 'VDAB', position: { x: 600, y: 0 } });
  map.addActor({ id: 'a4', kind: 'partner', label: 'CLB', position: { x: 900, y: 40 } });
  map.addLink({ id: 'l1', kind: 'handover', source: 'a1', target: 'a2' });
  map.addLink({ id: 'l2', kind: 'information', source: 'a2', target: 'a3' });
  map.addNote({ id: 'n1', kind: 'quickWin', text: 'Folder', position: { x: 10, y: 200 } });
  map.addNote({ id: 'n2', kind: 'gap', text: 'Geen tolk', anchor: { type: 'actor', id: 'a2' } });
  return map;
}
