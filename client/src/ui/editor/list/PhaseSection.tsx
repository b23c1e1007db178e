import { memo, useEffect, useRef, useState } from 'react';
import type { Phase } from '../../../../../shared/model/types';
import { useT } from '../../../i18n/i18n';
import type { PhaseGroup } from '../../../list/actorList';
import { ActorRowView, type RowActions } from './ActorRowView';

/** Rows a phase shows at first, and how many more each step brings. */
export const FIRST_ROWS = 30;
export const MORE_ROWS = 60;
const NO_PHASES: readonly Phase[] = [];

/**
 * One phase of the list: a heading and its actors. Rows are rendered in steps, as the reader
 * scrolls or tabs towards the end (an observed sentinel) or asks for more (a button, for keyboard
 * and screen reader users), so a phase of 1,000 actors opens as fast as one of thirty; a row
 * that is asked for (the selection) is always rendered.
 */
export const PhaseSection = memo(function PhaseSection({
  group,
  selected,
  editingId,
  readOnly,
  phases,
  reveal,
  actions,
}: {
  group: PhaseGroup;
  /** The selected ids, joined: a string, so an unrelated selection change leaves this section alone. */
  selected: string;
  editingId: string | null;
  readOnly: boolean;
  phases: readonly Phase[];
  /** An actor whose row must be rendered (the selection, a just-added actor). */
  reveal: string | null;
  actions: RowActions;
}) {
  const t = useT();
  const { phase, rows, total } = group;
  const [limit, setLimit] = useState(FIRST_ROWS);
  const revealIndex = reveal ? rows.findIndex((r) => r.actor.id === reveal) : -1;
  const shownCount = Math.max(limit, revealIndex + 1);
  const shown = rows.slice(0, shownCount);
  const rest = rows.length - shown.length;
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || rest <= 0 || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setLimit((l) => Math.max(l, shownCount) + MORE_ROWS);
      },
      { rootMargin: '800px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [rest, shownCount]);
  const key = phase?.id ?? 'none';
  const headingId = `kk-list-phase-${key}`;
  const title = phase ? phase.label || t('phase.none') : t('list.noPhase');
  const ids = selected.split(' ');
  return (
    <section className="kk-list-phase" aria-labelledby={headingId}>
      <h2 className="kk-list-phase__title" id={headingId} tabIndex={-1}>
        {title} <span className="kk-list-phase__count">{t('list.phaseCount', { count: rows.length })}</span>
      </h2>
      {rows.length === 0 && (
        <p className="kk-list-phase__empty">
          {total > 0 ? t('list.phaseHidden', { count: total }) : t('list.phaseEmpty')}
        </p>
      )}
      {rows.length > 0 && total > rows.length && (
        <p className="kk-list-phase__empty">{t('list.phaseHidden', { count: total - rows.length })}</p>
      )}
      {shown.map((row) => {
        const id = row.actor.id;
        const linkIds = [...row.outgoing, ...row.incoming]
          .map((l) => l.link.id)
          .filter((l) => ids.includes(l));
        const editing = editingId === id;
        return (
          <ActorRowView
            key={id}
            row={row}
            selected={ids.includes(id)}
            selectedIds={linkIds.join(' ')}
            editing={editing}
            readOnly={readOnly}
            phases={editing ? phases : NO_PHASES}
            actions={actions}
          />
        );
      })}
      {rest > 0 && (
        <div ref={sentinel} className="kk-list-phase__more">
          <button
            type="button"
            className="kk-button kk-button--small"
            onClick={() => setLimit(shownCount + MORE_ROWS)}
          >
            {t('list.more', { count: Math.min(rest, MORE_ROWS) })}
          </button>
        </div>
      )}
    </section>
  );
});
