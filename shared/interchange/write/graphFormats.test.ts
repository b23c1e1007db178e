import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { ChainMap } from '../../model/ChainMap';
import { inMemoryMap } from '../../model/replicas';
import { buildRichMap } from '../testing/richMap';
import { exportGexf } from './writeGexf';
import { exportGraphml } from './writeGraphml';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['node', 'edge', 'data', 'key', 'attvalue', 'attribute', 'attributes'].includes(name),
  parseAttributeValue: false,
  parseTagValue: false,
});

function trickyMap(): ChainMap {
  const map = inMemoryMap({ title: 'Keten <Halle> & "Leeuw"', municipality: 'Halle' });
  map.transact(() => {
    const lane = map.addPhase('Onthaal', { id: 'p1' });
    map.addActor({
      id: 'a',
      kind: 'service',
      label: 'Balie & loket <1>',
      phaseId: lane,
      regie: 'zelf',
      position: { x: 10, y: 20 },
    });
    map.addActor({
      id: 'b',
      kind: 'partner',
      label: 'Café “De Kring”\u0001',
      description: "l'été\nen meer",
      position: { x: 400, y: 20 },
    });
    map.addLink({ id: 'l1', kind: 'handover', source: 'a', target: 'b', warmth: 'warm', dataShared: true });
    map.addLink({ id: 'l2', kind: 'partnership', source: 'b', target: 'a' });
  });
  return map;
}

describe('GraphML', () => {
  it('is well-formed XML, with special characters escaped and forbidden ones dropped', () => {
    const xml = exportGraphml(trickyMap().read());
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('\u0001');
    expect(xml).toContain('Balie &amp; loket &lt;1&gt;');
  });

  it('carries kinds, phases, regie and warm/cold as attributes, and says which links have no direction', () => {
    const doc = parser.parse(exportGraphml(trickyMap().read(), { locale: 'nl' }));
    const graph = doc.graphml.graph;
    expect(graph.edgedefault).toBe('directed');
    const data = (el: { data: { key: string; '#text'?: string }[] }) =>
      Object.fromEntries(el.data.map((d) => [d.key, d['#text'] ?? '']));
    const a = data(graph.node.find((n: { id: string }) => n.id === 'a'));
    expect(a).toMatchObject({
      n_kind: 'service',
      n_kindLabel: 'Dienst',
      n_phase: 'Onthaal',
      n_regie: 'zelf',
      n_x: '10',
      n_y: '20',
    });
    const [handover, partnership] = graph.edge;
    expect(data(handover)).toMatchObject({
      e_kind: 'handover',
      e_kindLabel: 'Warme overdracht',
      e_warmth: 'warm',
      e_dataShared: 'true',
    });
    expect(handover.directed).toBeUndefined();
    expect(partnership.directed).toBe('false');
    expect(doc.graphml.key.map((k: { id: string }) => k.id)).toContain('n_phase');
  });

  it('writes a node per actor and an edge per link of a larger map', () => {
    const state = buildRichMap(11, 60).read();
    const doc = parser.parse(exportGraphml(state));
    expect(doc.graphml.graph.node).toHaveLength(state.actors.length);
    expect(doc.graphml.graph.edge).toHaveLength(state.links.length);
  });
});

describe('GEXF', () => {
  it('is well-formed GEXF 1.3 with declared attributes, positions (y flipped for Gephi) and edge types', () => {
    const xml = exportGexf(trickyMap().read(), { now: new Date('2026-03-12T09:00:00Z') });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.gexf.version).toBe('1.3');
    expect(doc.gexf.meta.lastmodifieddate).toBe('2026-03-12');
    const graph = doc.gexf.graph;
    const node = graph.nodes.node.find((n: { id: string }) => n.id === 'a');
    expect(node.label).toBe('Balie & loket <1>');
    expect(node['viz:position']).toMatchObject({ x: '10', y: '-20' });
    const values = Object.fromEntries(
      node.attvalues.attvalue.map((v: { for: string; value: string }) => [v.for, v.value]),
    );
    expect(values).toMatchObject({ kind: 'service', phase: 'Onthaal', regie: 'zelf', entryPoint: 'false' });
    expect(graph.edges.edge.map((e: { type: string }) => e.type)).toEqual(['directed', 'undirected']);
    const declared = graph.attributes
      .find((a: { class: string }) => a.class === 'edge')
      .attribute.map((a: { id: string }) => a.id);
    expect(declared).toEqual(expect.arrayContaining(['kind', 'warmth', 'regie', 'dataShared']));
  });
});
