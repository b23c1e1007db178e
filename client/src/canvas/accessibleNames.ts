import type { Actor, Link } from '../../../shared/model/types';
import { getLocale, translator } from '../i18n/i18n';
import type { NoteCounts } from './flowTypes';

/**
 * What a screen reader says for a card and a link on the canvas, in the app's language: React Flow
 * would say "node"/"edge" and our English kind ids ("handover"). A card's name reads its label,
 * phase and note counts, so it is rendered by the card (`ActorNode`, from `ActorContent`) and its
 * node points to it (`aria-labelledby`, `actorNameId`): renaming an actor rebuilds no node. A link's name reads its two ends'
 * labels, so it is rendered by the link (`LinkEdge`, from `ActorLabels`) and its edge points to it
 * (`aria-labelledby`, `linkNameId`): renaming an actor rebuilds no edge. The canvas store rebuilds
 * its graph when the language switches (`onLocaleChange`), which re-labels every element.
 */

/** The id of the element that holds a card's accessible name (rendered inside the card). */
export function actorNameId(actorId: string): string {
  return `kk-actor-name-${actorId}`;
}

/** The id of the element that holds a link's accessible name (rendered inside the link's edge). */
export function linkNameId(linkId: string): string {
  return `kk-link-name-${linkId}`;
}

/** "Warme overdracht van Burgerzaken naar Toeleider", with its label and owner when it has them. */
export function linkAccessibleName(link: Link, from: string, to: string, owner: string): string {
  const t = translator(getLocale());
  const kind =
    link.kind === 'handover'
      ? t(link.warmth === 'warm' ? 'link.warmHandover' : 'link.coldHandover')
      : t(`link.${link.kind}`);
  let name = t('a11y.linkName', { kind, from: from || '?', to: to || '?' });
  if (link.label) name += `: ${link.label}`;
  if (owner) name += `. ${t('a11y.linkOwner', { owner })}`;
  return name;
}

/** "VDAB, partner, fase Toeleiding, 1 quick-win, 2 knelpunten". */
export function actorAccessibleName(actor: Actor, phaseName: string | null, notes: NoteCounts): string {
  const t = translator(getLocale());
  const parts = [actor.label || t(`kind.${actor.kind}`), t(`kind.${actor.kind}`).toLowerCase()];
  parts.push(phaseName ? t('a11y.inPhase', { phase: phaseName }) : t('a11y.noPhase'));
  if (notes.quickWin > 0) parts.push(t('a11y.quickWins', { count: notes.quickWin }));
  if (notes.gap > 0) parts.push(t('a11y.gaps', { count: notes.gap }));
  if (notes.action > 0) parts.push(t('a11y.actions', { count: notes.action }));
  return parts.join(', ');
}

/** The role descriptions that replace React Flow's English "node" and "edge". */
export function roleDescription(kind: 'actor' | 'note' | 'link'): string {
  return translator(getLocale())(`a11y.role.${kind}`);
}
