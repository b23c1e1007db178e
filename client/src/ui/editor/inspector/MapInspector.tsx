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
      <p className="kk-muted kk-inspector__hint">{t('inspector.phasesHint')}</p>
      <p className="kk-muted kk-inspector__hint">{t('inspector.empty')}</p>
    </div>
  );
}
