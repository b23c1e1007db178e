import { describe, expect, it } from 'vitest';
import { decodeVersionSnapshot, encodeVersionSnapshot } from '../versions/versionSnapshot';
import { InvalidKboError } from './kbo';
import { elementOf, layoutOf } from './layout';
import { docStateOf, inMemoryMap, replicaOf } from './replicas';

describe('the KBO number on an actor', () => {
  it('is stored as its ten digits whatever the notation, and syncs to a peer', () => {
    const map = inMemoryMap({ title: 'Keten Halle' });
    const id = map.addActor({ kind: 'partner', label: 'VDAB', kbo: 'BE 0887.010.362' });
    expect(map.getActor(id)!.kbo).toBe('0887010362');
    map.updateActor(id, { kbo: '887 010 362' });
    expect(map.getActor(id)!.kbo).toBe('0887010362');
    expect(replicaOf(map).getActor(id)!.kbo).toBe('0887010362');
  });

  it('reads as empty when not given, and an empty value clears it', () => {
    const map = inMemoryMap({ title: 'Keten' });
    const id = map.addActor({ kind: 'collaboration', label: 'Welzijnsvereniging', kbo: '0207.451.227' });
    expect(map.addActor({ kind: 'partner', label: 'CAW' })).toBeTruthy();
    expect(map.read().actors.find((a) => a.label === 'CAW')!.kbo).toBe('');
    map.updateActor(id, { kbo: '  ' });
    expect(map.getActor(id)!.kbo).toBe('');
  });

  it.each([
    ['0123.456.789', 'checksum'],
    ['12345', 'format'],
    ['2.123.456.791', 'establishment'],
  ] as const)('refuses %s (%s) and writes nothing', (input, reason) => {
    const map = inMemoryMap({ title: 'Keten' });
    const id = map.addActor({ kind: 'partner', label: 'OCMW' });
    const before = docStateOf(map);
    let error: unknown;
    try {
      map.updateActor(id, { kbo: input });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidKboError);
    expect((error as InvalidKboError).reason).toBe(reason);
    expect(() => map.addActor({ kind: 'partner', label: 'X', kbo: input })).toThrow(InvalidKboError);
    expect(docStateOf(map)).toEqual(before);
  });

  it('reads a number a peer stored wrongly (bad check digits, dots, a number type) as none', () => {
    const map = inMemoryMap({ title: 'Keten' });
    const ids = ['0123456789', '0123.456.749', 123456749].map((stored) => {
      const id = map.addActor({ kind: 'partner', label: String(stored) });
      elementOf(layoutOf(map.doc).actors, id)!.set('kbo', stored);
      return id;
    });
    expect(ids.map((id) => map.getActor(id)!.kbo)).toEqual(['', '', '']);
  });

  it('is kept in a version and read back from it', () => {
    const map = inMemoryMap({ title: 'Keten' });
    map.addActor({ kind: 'partner', label: 'VDAB', kbo: '0887010362' });
    map.addActor({ kind: 'partner', label: 'CAW' });
    const { meta, phases, actors, links, notes } = map.read();
    const content = decodeVersionSnapshot(encodeVersionSnapshot({ meta, phases, actors, links, notes }));
    expect(content.actors.map((a) => a.kbo).sort()).toEqual(['', '0887010362']);
  });
});
