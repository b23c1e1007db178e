import type { ChainMapState } from '../../model/types';
import type { InterchangeLocale } from '../vocabulary/locale';
import { edgeAttributes, isDirected, nodeAttributes } from './graphAttributes';
import { XML_DECLARATION, xmlText } from './xml';

export interface GraphOptions {
  readonly locale?: InterchangeLocale;
}

/**
 * The map as GraphML (yEd, Gephi, networkx): one node per actor, one edge per link, every field a
 * `<data>` value under a declared key. The graph is directed by default; partnerships and
 * memberships say `directed="false"`. `x` and `y` are canvas positions (y grows downwards, as in
 * yEd); Gephi reads them as its layout.
 */
export function exportGraphml(state: ChainMapState, options: GraphOptions = {}): string {
  const locale = options.locale ?? 'nl';
  const nodeAttrs = nodeAttributes(state, locale);
  const edgeAttrs = edgeAttributes(locale);
  const out: string[] = [
    XML_DECLARATION,
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="g_title" for="graph" attr.name="title" attr.type="string"/>',
    '  <key id="g_municipality" for="graph" attr.name="municipality" attr.type="string"/>',
  ];
  for (const a of nodeAttrs)
    out.push(`  <key id="n_${a.id}" for="node" attr.name="${a.id}" attr.type="${a.type}"/>`);
  for (const a of edgeAttrs)
    out.push(`  <key id="e_${a.id}" for="edge" attr.name="${a.id}" attr.type="${a.type}"/>`);
  out.push('  <graph id="ketenkaart" edgedefault="directed">');
  out.push(`    <data key="g_title">${xmlText(state.meta.title)}</data>`);
  out.push(`    <data key="g_municipality">${xmlText(state.meta.municipality)}</data>`);
  for (const actor of state.actors) {
    out.push(`    <node id="${xmlText(actor.id)}">`);
    for (const a of nodeAttrs) out.push(`      <data key="n_${a.id}">${xmlText(a.value(actor))}</data>`);
    out.push('    </node>');
  }
  for (const link of state.links) {
    const directed = isDirected(link) ? '' : ' directed="false"';
    out.push(
      `    <edge id="${xmlText(link.id)}" source="${xmlText(link.source)}" target="${xmlText(link.target)}"${directed}>`,
    );
    for (const a of edgeAttrs) out.push(`      <data key="e_${a.id}">${xmlText(a.value(link))}</data>`);
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
