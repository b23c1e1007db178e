import type { Connection } from '@xyflow/react';
import type { LinkKind, Warmth } from '../../../shared/model/types';

/** The kinds of link the user can draw, as offered by the chooser and the legend. */
export type LinkChoice = { kind: 'handover'; warmth: Warmth } | { kind: Exclude<LinkKind, 'handover'> };

export const LINK_CHOICES: readonly LinkChoice[] = [
  { kind: 'handover', warmth: 'warm' },
  { kind: 'handover', warmth: 'cold' },
  { kind: 'partnership' },
  { kind: 'membership' },
  { kind: 'information' },
];

export function linkChoiceId(choice: LinkChoice): string {
  return choice.kind === 'handover' ? `handover-${choice.warmth}` : choice.kind;
}

/** A drawn connection becomes a link of the chosen kind, or null when it is not between two actors. */
export function connectionToLink(
  connection: Connection,
  actorIds: ReadonlySet<string>,
  choice: LinkChoice,
): { source: string; target: string; kind: LinkKind; warmth?: Warmth } | null {
  const { source, target } = connection;
  if (!source || !target || source === target) return null;
  if (!actorIds.has(source) || !actorIds.has(target)) return null;
  return choice.kind === 'handover'
    ? { source, target, kind: 'handover', warmth: choice.warmth }
    : { source, target, kind: choice.kind };
}
