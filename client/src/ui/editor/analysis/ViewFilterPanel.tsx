import type { ChainMapState } from '../../../../../shared/model/types';
import { type CanvasFilter, EMPTY_CANVAS_FILTER, isFilterActive } from '../../../analysis/canvasFilter';
import { useT } from '../../../i18n/i18n';
import { EnumSelect } from '../../common/EnumSelect';
import { enumOptions } from '../../common/enumOptions';
import './overlayPanels.css';

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
  const o = enumOptions(t);
  const all = t('plan.all');
  return (
    <section className="kk-viewpanel" aria-labelledby="kk-filter-title">
      <h2 id="kk-filter-title" className="kk-panel-title">
        {t('filter.title')}
      </h2>
      <label className="kk-field">
        <span>{t('filter.search')}</span>
        <input type="search" value={filter.search} onChange={(e) => set({ search: e.target.value })} />
      </label>
      <div className="kk-viewpanel__grid">
        <label className="kk-field">
          <span>{t('filter.kind')}</span>
          <EnumSelect<NonNullable<CanvasFilter['kind']>>
            value={filter.kind}
            emptyLabel={all}
            options={[
              { group: t('filter.actors'), options: o.actorKinds },
              { group: t('palette.note'), options: o.noteKinds },
            ]}
            onChange={(kind) => set({ kind })}
          />
        </label>
        <label className="kk-field">
          <span>{t('inspector.phase')}</span>
          <EnumSelect
            value={filter.phaseId}
            emptyLabel={all}
            options={state.phases.map((p) => ({ value: p.id, label: p.label }))}
            onChange={(phaseId) => set({ phaseId })}
          />
        </label>
        <label className="kk-field">
          <span>{t('inspector.regie')}</span>
          <EnumSelect
            value={filter.regie}
            emptyLabel={all}
            options={o.regie}
            onChange={(regie) => set({ regie })}
          />
        </label>
        <label className="kk-field">
          <span>{t('filter.status')}</span>
          <EnumSelect
            value={filter.status}
            emptyLabel={all}
            options={o.noteStatuses}
            onChange={(status) => set({ status })}
          />
        </label>
      </div>
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
