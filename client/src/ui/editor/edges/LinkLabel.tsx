import type { LinkEdgeData } from '../../../canvas/flowTypes';
import { useT } from '../../../i18n/i18n';

/** Whether a link shows a label box: its text, notes, or a handover's owner and data mark. */
export function hasLinkLabel(data: LinkEdgeData): boolean {
  const { link } = data;
  const handover = link.kind === 'handover';
  return Boolean(link.label || data.notes > 0 || (handover && (data.ownerName || link.dataShared)));
}

/**
 * A link's label box at (x, y) in flow coordinates: at most two lines, its notes, and for a
 * handover its owner and a "gegevens gedeeld" mark. Drawn by `LinkEdge` and by the still layer of
 * `FrozenLinks` alike, so a link looks the same in both.
 */
export function LinkLabel({
  data,
  selected,
  x,
  y,
}: {
  data: LinkEdgeData;
  selected: boolean;
  x: number;
  y: number;
}) {
  const t = useT();
  const { link } = data;
  const handover = link.kind === 'handover';
  const owner = handover ? data.ownerName : '';
  return (
    <div
      className={`kk-link-label${selected ? ' is-selected' : ''}`}
      data-link={link.id}
      style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
      title={[link.label, owner && t('link.ownerMark', { name: owner })].filter(Boolean).join(' · ')}
    >
      {link.label && <span className="kk-link-label__text">{link.label}</span>}
      {(owner || (handover && link.dataShared) || data.notes > 0) && (
        <span className="kk-link-label__marks">
          {owner && (
            <span className="kk-link-label__owner" data-mark="owner">
              <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                <circle cx="8" cy="5" r="3" fill="currentColor" />
                <path d="M2 15c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5z" fill="currentColor" />
              </svg>
              <span className="kk-visually-hidden">{t('link.ownerMark', { name: '' })}</span>
              <span className="kk-link-label__name">{owner}</span>
            </span>
          )}
          {handover && link.dataShared && (
            <span className="kk-link-label__data" data-mark="dataShared">
              {t('link.dataSharedMark')}
            </span>
          )}
          {data.notes > 0 && (
            <span className="kk-link-label__notes" title={t('link.notesMark', { count: data.notes })}>
              ● {data.notes}
            </span>
          )}
        </span>
      )}
    </div>
  );
}
