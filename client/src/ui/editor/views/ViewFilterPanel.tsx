import {
  ACTOR_KINDS,
  type ChainMapState,
  NOTE_KINDS,
  NOTE_STATUSES,
  REGIE_LEVELS,
} from '../../../../../shared/model/types';
import { useT } from '../../../i18n/i18n';
import { type CanvasFilter, EMPTY_CANVAS_FILTER, isFilterActive } from '../../../views/canvasFilter';
import './views.css';

/** "Filters": bring forward what matches, dim the rest. Nothing is hidden or changed on the map. */
export function ViewFilterPanel({
  state,
  filter,
  onChange,
}: {
  state: ChainMapState;
  filter: CanvasFilter;
  onChange: (filter: CanvasFilter) => void;
}) {
  const t = useT();
  const set = (patch: Partial<CanvasFilter>) => onChange({ ...filter, ...patch });
  return (
    <section className="kk-viewpanel" aria-labelledby="kk-filter-title">
      <h2 id="kk-filter-title" className="kk-panel-title">
        {t('filter.title')}
      </h2>
      <label className="kk-field">
        <span>{t('filter.search')}</span>
        <input type="search" value={filter.search} onChange={(e) => set({ search: e.target.value })} />
      </label>
      <label className="kk-field">
        <span>{t('filter.kind')}</span>
        <select
          value={filter.kind ?? ''}
          onChange={(e) => set({ kind: (e.target.value || null) as CanvasFilter['kind'] })}
        >
          <option value="">{t('plan.all')}</option>
          <optgroup label={t('filter.actors')}>
            {ACTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('palette.note')}>
            {NOTE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`note.${k}`)}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="kk-field">
        <span>{t('inspector.phase')}</span>
        <select value={filter.phaseId ?? ''} onChange={(e) => set({ phaseId: e.target.value || null })}>
          <option value="">{t('plan.all')}</option>
          {state.phases.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label className="kk-field">
        <span>{t('inspector.regie')}</span>
        <select
          value={filter.regie ?? ''}
          onChange={(e) => set({ regie: (e.target.value || null) as CanvasFilter['regie'] })}
        >
          <option value="">{t('plan.all')}</option>
          {REGIE_LEVELS.map((r) => (
            <option key={r} value={r}>
              {t(`regie.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="kk-field">
        <span>{t('filter.status')}</span>
        <select
          value={filter.status ?? ''}
          onChange={(e) => set({ status: (e.target.value || null) as CanvasFilter['status'] })}
        >
          <option value="">{t('plan.all')}</option>
          {NOTE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`noteStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {isFilterActive(filter) && (
        <button
          type="button"
          className="kk-button kk-button--small"
          onClick={() => onChange(EMPTY_CANVAS_FILTER)}
        >
          {t('filter.clear')}
        </button>
      )}
    </section>
  );
}
