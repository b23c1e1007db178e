import type { ChainMapState } from '../../model/types';
import type { InterchangeLocale } from '../vocabulary/locale';
import { type Attribute, edgeAttributes, isDirected, nodeAttributes } from './graphAttributes';
import { XML_DECLARATION, xmlText } from './xml';

export interface GexfOptions {
  readonly locale?: InterchangeLocale;
  /** The export's date (`lastmodifieddate`); passed in so output is reproducible. */
  readonly now?: Date;
}

/**
 * The map as GEXF 1.3, Gephi's own format: actors as nodes with `viz:position` (Gephi's y axis
 * points up, so the canvas y is negated there, and the picture is not mirrored), links as edges,
 * `type="undirected"` for partnerships and memberships. Every field is an `attvalue`, so Gephi's
 * partition and filter panels offer kind, phase, regie and warm/cold directly.
 */
export function exportGexf(state: ChainMapState, options: GexfOptions = {}): string {
  const locale = options.locale ?? 'nl';
  const nodeAttrs = nodeAttributes(state, locale).filter((a) => a.id !== 'label');
  const edgeAttrs = edgeAttributes(locale).filter((a) => a.id !== 'label');
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  const description = [state.meta.title, state.meta.municipality].filter((s) => s !== '').join(' — ');
  const out: string[] = [
    XML_DECLARATION,
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${date}">`,
    '    <creator>KetenKaart</creator>',
    `    <description>${xmlText(description)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    ...declarations('node', nodeAttrs),
    ...declarations('edge', edgeAttrs),
    '    <nodes>',
  ];
  for (const actor of state.actors) {
    out.push(`      <node id="${xmlText(actor.id)}" label="${xmlText(actor.label)}">`);
    out.push(...values(nodeAttrs, actor));
    out.push(`        <viz:position x="${actor.position.x}" y="${-actor.position.y}" z="0"/>`);
    out.push('      </node>');
  }
  out.push('    </nodes>', '    <edges>');
  for (const link of state.links) {
    const type = isDirected(link) ? 'directed' : 'undirected';
    out.push(
      `      <edge id="${xmlText(link.id)}" source="${xmlText(link.source)}" target="${xmlText(link.target)}" type="${type}" label="${xmlText(link.label)}">`,
    );
    out.push(...values(edgeAttrs, link));
    out.push('      </edge>');
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

function declarations<T>(kind: 'node' | 'edge', attrs: readonly Attribute<T>[]): string[] {
  return [
    `    <attributes class="${kind}">`,
    ...attrs.map((a) => `      <attribute id="${a.id}" title="${a.id}" type="${a.type}"/>`),
    '    </attributes>',
  ];
}

function values<T>(attrs: readonly Attribute<T>[], element: T): string[] {
  return [
    '        <attvalues>',
    ...attrs.map((a) => `          <attvalue for="${a.id}" value="${xmlText(a.value(element))}"/>`),
    '        </attvalues>',
  ];
}
