import { memo } from 'react';
import { formatKbo } from '../../../../../shared/model/kbo';
import type { Phase } from '../../../../../shared/model/types';
import { type Translate, useT } from '../../../i18n/i18n';
import type { ActorRow, ListLink } from '../../../list/actorList';
import { ActorEditForm, type ActorEditServices } from './ActorEditForm';

/** What a row can ask of the list (stable across renders, so an unchanged row is skipped). */
export interface RowActions extends ActorEditServices {
  select(id: string): void;
  edit(id: string | null): void;
  connect(id: string): void;
  remove(id: string): void;
  removeLink(linkId: string): void;
}

export function linkKindLabel(t: Translate, l: ListLink): string {
  const { kind, warmth } = l.link;
  if (kind === 'handover' && warmth) return t(warmth === 'warm' ? 'link.warmHandover' : 'link.coldHandover');
  return t(`link.${kind}`);
}

/** The DOM id of an actor's row, for focus and scrolling. */
export const rowId = (actorId: string) => `kk-list-row-${actorId}`;

/**
 * One actor in the list: its name (which selects it, on the canvas too), a description list of its
 * kind, regie, municipality, KBO number, links out and in and notes, and its commands. Memoised:
 * the list builder keeps the row object while nothing in it changed.
 */
export const ActorRowView = memo(function ActorRowView({
  row,
  selected,
  editing,
  readOnly,
  selectedIds,
  phases,
  actions,
}: {
  row: ActorRow;
  /** The map's phases, for the edit form (only the row being edited gets them). */
  phases: readonly Phase[];
  selected: boolean;
  editing: boolean;
  readOnly: boolean;
  /** Selected link ids of this row only (so other rows do not re-render on a link's selection). */
  selectedIds: string;
  actions: RowActions;
}) {
  const t = useT();
  const { actor } = row;
  const name = actor.label || t(`kind.${actor.kind}`);
  const headingId = `${rowId(actor.id)}-name`;
  const links = (items: readonly ListLink[], direction: 'out' | 'in') =>
    items.length === 0 ? (
      t('list.none')
    ) : (
      <ul className="kk-list-row__links">
        {items.map((l) => {
          const label = t(direction === 'out' ? 'list.linkTo' : 'list.linkFrom', {
            kind: linkKindLabel(t, l),
            name: l.other.label || t(`kind.${l.other.kind}`),
          });
          return (
            <li key={l.link.id} data-link={l.link.kind}>
              <span>
                <button
                  type="button"
                  className={`kk-list-link${selectedIds.includes(l.link.id) ? ' is-selected' : ''}`}
                  aria-pressed={selectedIds.includes(l.link.id)}
                  onClick={() => actions.select(l.link.id)}
                >
                  {label}
                </button>
                {l.owner && (
                  <span className="kk-list-row__owner"> · {t('list.linkOwner', { name: l.owner })}</span>
                )}
              </span>
              {!readOnly && (
                <button
                  type="button"
                  className="kk-button kk-button--small kk-list-row__unlink"
                  aria-label={t('list.removeLink', { name: label })}
                  title={t('list.removeLink', { name: label })}
                  onClick={() => actions.removeLink(l.link.id)}
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
    );
  return (
    <article
      id={rowId(actor.id)}
      className={`kk-list-row${selected ? ' is-selected' : ''}`}
      aria-labelledby={headingId}
      data-actor={actor.id}
    >
      <div className="kk-list-row__head">
        <h3 className="kk-list-row__title" id={headingId}>
          <button
            type="button"
            className="kk-list-row__name"
            aria-pressed={selected}
            onClick={() => actions.select(actor.id)}
          >
            {name}
          </button>
          {actor.entryPoint && <span className="kk-list-row__entry">{t('node.entryPoint')}</span>}
        </h3>
        {!readOnly && (
          <div className="kk-list-row__actions">
            <button
              type="button"
              className="kk-button kk-button--small"
              data-action="edit"
              aria-expanded={editing}
              aria-describedby={headingId}
              onClick={() => actions.edit(editing ? null : actor.id)}
            >
              {t('list.edit')}
            </button>
            <button
              type="button"
              className="kk-button kk-button--small"
              data-action="connect"
              aria-haspopup="dialog"
              aria-describedby={headingId}
              onClick={() => actions.connect(actor.id)}
            >
              {t('list.connect')}
            </button>
            <button
              type="button"
              className="kk-button kk-button--small kk-button--danger"
              data-action="remove"
              aria-describedby={headingId}
              onClick={() => actions.remove(actor.id)}
            >
              {t('list.remove')}
            </button>
          </div>
        )}
      </div>
      <dl className="kk-list-row__facts">
        <div>
          <dt>{t('inspector.kind')}</dt>
          <dd>{t(`kind.${actor.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('inspector.regie')}</dt>
          <dd>{actor.regie ? t(`regie.${actor.regie}`) : t('list.none')}</dd>
        </div>
        <div>
          <dt>{t('inspector.municipality')}</dt>
          <dd>{actor.municipality || t('list.none')}</dd>
        </div>
        <div>
          <dt>{t('inspector.kbo')}</dt>
          <dd>{actor.kbo ? formatKbo(actor.kbo) : t('list.none')}</dd>
        </div>
        <div className="kk-list-row__wide">
          <dt>{t('list.outgoing')}</dt>
          <dd>{links(row.outgoing, 'out')}</dd>
        </div>
        <div className="kk-list-row__wide">
          <dt>{t('list.incoming')}</dt>
          <dd>{links(row.incoming, 'in')}</dd>
        </div>
        <div className="kk-list-row__full">
          <dt>{t('list.notes')}</dt>
          <dd>
            {row.notes.length === 0 ? (
              t('list.none')
            ) : (
              <ul className="kk-list-row__notes">
                {row.notes.map((n) => (
                  <li key={n.id} className={`kk-note-line kk-note-line--${n.kind}`}>
                    <strong>{t(`note.${n.kind}`)}</strong> {n.text || '…'}{' '}
                    <em>({t(`noteStatus.${n.status}`)})</em>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {editing && !readOnly && (
        <ActorEditForm row={row} phases={phases} services={actions} onDone={() => actions.edit(null)} />
      )}
    </article>
  );
});
