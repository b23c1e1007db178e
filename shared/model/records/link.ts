import { LINK_KINDS, type Link, type LinkInput, type LinkKind, REGIE_LEVELS, WARMTHS } from '../types';
import { type Fields, flag, idOrNull, oneOf, type Parsed, stringList, text } from './fieldValues';

/**
 * The link record: a handover, partnership, membership or information flow between two actors.
 *
 * Required: `kind` (one of LINK_KINDS), `source` and `target`. A link whose endpoint is gone (a
 * concurrent delete-and-connect) is stored but not shown; the model filters it, not this parser.
 * `warmth` only means something for a handover: a handover without one reads as cold, any other
 * kind reads as having none.
 */

/** What each optional field of a link of `kind` reads as when absent or invalid. */
export function linkDefaults(kind: LinkKind): Readonly<Omit<Link, 'id' | 'kind' | 'source' | 'target'>> {
  return kind === 'handover' ? HANDOVER_DEFAULTS : OTHER_DEFAULTS;
}

const OTHER_DEFAULTS: Readonly<Omit<Link, 'id' | 'kind' | 'source' | 'target'>> = Object.freeze({
  label: '',
  description: '',
  warmth: null,
  dataShared: false,
  owner: '',
  regie: null,
  tags: Object.freeze([]),
});
const HANDOVER_DEFAULTS = Object.freeze({ ...OTHER_DEFAULTS, warmth: 'cold' as const });

/** Fields a stored link must have to be read at all. */
export const LINK_REQUIRED = ['kind', 'source', 'target'] as const;

/** The fields stored for a new link: a handover states its warmth and data sharing from the start. */
export function newLinkFields(input: Omit<LinkInput, 'id'>): Record<string, unknown> {
  if (input.kind !== 'handover') return { ...input };
  const d = linkDefaults(input.kind);
  return { warmth: d.warmth, dataShared: d.dataShared, ...input };
}

export function parseLink(id: string, f: Fields): Parsed<Link> {
  const kind = oneOf(LINK_KINDS, f.kind);
  if (!kind) return { ok: false, reason: `unknown link kind ${JSON.stringify(f.kind)}` };
  const source = idOrNull(f.source);
  const target = idOrNull(f.target);
  if (!source || !target) return { ok: false, reason: 'missing source or target' };
  const d = linkDefaults(kind);
  return {
    ok: true,
    value: {
      id,
      kind,
      source,
      target,
      label: text(f.label, d.label),
      description: text(f.description, d.description),
      warmth: kind === 'handover' ? (oneOf(WARMTHS, f.warmth) ?? d.warmth) : null,
      dataShared: flag(f.dataShared, d.dataShared),
      owner: text(f.owner, d.owner),
      regie: oneOf(REGIE_LEVELS, f.regie) ?? d.regie,
      tags: stringList(f.tags, d.tags),
    },
  };
}
