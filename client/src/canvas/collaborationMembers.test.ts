import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../../shared/model/replicas';
import { collaborationMembers, memberCounts } from './collaborationMembers';

describe('collaboration members', () => {
  it('are the actors joined by membership links, either way round, each once, by name', () => {
    const map = inMemoryMap({ title: 'T' });
    const igs = map.addActor({ kind: 'collaboration', label: 'Lokaal overleg' });
    const vdab = map.addActor({ kind: 'partner', label: 'VDAB' });
    const ocmw = map.addActor({ kind: 'service', label: 'OCMW' });
    const clb = map.addActor({ kind: 'partner', label: 'CLB' });
    map.addLink({ kind: 'membership', source: vdab, target: igs });
    map.addLink({ kind: 'membership', source: igs, target: ocmw });
    map.addLink({ kind: 'membership', source: ocmw, target: igs });
    map.addLink({ kind: 'partnership', source: clb, target: igs });
    const state = map.read();
    expect(collaborationMembers(state, igs).map((m) => m.actor.label)).toEqual(['OCMW', 'VDAB']);
    expect(memberCounts(state)).toEqual(new Map([[igs, 2]]));
  });
});
