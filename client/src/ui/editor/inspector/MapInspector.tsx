import type { ChainMap } from '../../../../../shared/model/ChainMap';
import type { ChainMapState } from '../../../../../shared/model/types';
import { useT } from '../../../i18n/i18n';
import { TextField } from './fields';

/** With nothing selected: the map's title, municipality and phase lanes. */
export function MapInspector({
  state,
  model,
  readOnly,
}: {
  state: ChainMapState;
  model: ChainMap;
  readOnly: boolean;
}) {
  const t = useT();
  const phases = state.phases;
  return (
    <div className="kk-inspector__form">
      <TextField
        label={t('editor.title')}
        value={state.meta.title}
        readOnly={readOnly}
        onChange={(title) => model.setMeta({ title })}
      />
      <TextField
        label={t('inspector.municipality')}
        value={state.meta.municipality}
        readOnly={readOnly}
        onChange={(municipality) => model.setMeta({ municipality })}
      />
      <h3 className="kk-panel-subtitle">{t('inspector.phases')}</h3>
      <ol className="kk-phases">
        {phases.map((phase, i) => (
          <li key={phase.id}>
            {readOnly ? (
              <span>{phase.label}</span>
            ) : (
              <>
                <input
                  aria-label={t('inspector.phaseName', { index: i + 1 })}
                  value={phase.label}
                  onChange={(e) => model.renamePhase(phase.id, e.target.value)}
                />
                <button
                  type="button"
                  className="kk-icon-button kk-icon-button--small"
                  aria-label={`${t('inspector.phaseLeft')}: ${phase.label}`}
                  disabled={i === 0}
                  onClick={() => model.movePhase(phase.id, phases[i - 1]!.id)}
                >
                  ←
                </button>
                <button
                  type="button"
                  className="kk-icon-button kk-icon-button--small"
                  aria-label={`${t('inspector.phaseRight')}: ${phase.label}`}
                  disabled={i === phases.length - 1}
                  onClick={() => model.movePhase(phase.id, phases[i + 2]?.id ?? null)}
                >
                  →
                </button>
                <button
                  type="button"
                  className="kk-icon-button kk-icon-button--small kk-button--danger"
                  aria-label={`${t('inspector.phaseDelete')}: ${phase.label}`}
                  onClick={() => model.deletePhase(phase.id)}
                >
                  ×
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && (
        <button
          type="button"
          className="kk-button kk-button--small"
          onClick={() => model.addPhase(t('inspector.newPhase'))}
        >
          + {t('inspector.addPhase')}
        </button>
      )}
      <p className="kk-muted kk-inspector__hint">{t('inspector.empty')}</p>
    </div>
  );
}
