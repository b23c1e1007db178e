import { useState } from 'react';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import type { MapUndoManager } from '../../../../../shared/model/undo';
import { useT } from '../../../i18n/i18n';
import { MappingMemory } from '../../../interchange/mappingMemory';
import { ExportMenu } from './ExportMenu';
import { ImportDialog } from './ImportDialog';
import './exportMenu.css';

/**
 * "Importeren" and "Exporteren" beside the map's tools. Import writes, so a view link gets only the
 * export; both work on the local map, online or not.
 */
export function InterchangeTools({
  model,
  undo,
  readOnly,
  onImported,
}: {
  model: ChainMap;
  undo: MapUndoManager;
  readOnly: boolean;
  onImported: (actorIds: readonly string[]) => void;
}) {
  const t = useT();
  const [importing, setImporting] = useState(false);
  // One memory per open map: a re-import starts from the last import's column choices.
  const [memory] = useState(() => new MappingMemory());
  return (
    <>
      {!readOnly && (
        <button
          type="button"
          className="kk-button"
          title={t('import.help')}
          onClick={() => setImporting(true)}
        >
          {t('import.button')}
        </button>
      )}
      <ExportMenu model={model} />
      {importing && (
        <ImportDialog
          model={model}
          undo={undo}
          memory={memory}
          onClose={() => setImporting(false)}
          onImported={onImported}
        />
      )}
    </>
  );
}
