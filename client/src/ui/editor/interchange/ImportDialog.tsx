import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import type { MapUndoManager } from '../../../../../shared/model/undo';
import { useT } from '../../../i18n/i18n';
import { ImportSession } from '../../../interchange/ImportSession';
import type { MappingMemory } from '../../../interchange/mappingMemory';
import { Dialog } from '../../common/Dialog';
import { ColumnMappingStep } from './ColumnMappingStep';
import { ImportFilesStep } from './ImportFilesStep';
import { ImportPreviewStep } from './ImportPreviewStep';
import { ImportProgressBar } from './ImportProgressBar';
import './interchange.css';

/**
 * "Importeren": files → column mapping → preview → one transaction. Runs in the browser on the
 * local map, so it works offline; the import syncs like any edit once the map is online.
 */
export function ImportDialog({
  model,
  undo,
  memory,
  onClose,
  onImported,
}: {
  model: ChainMap;
  undo: MapUndoManager;
  memory: MappingMemory;
  onClose: () => void;
  /** The actors the import added or changed, once it is written. */
  onImported: (actorIds: readonly string[]) => void;
}) {
  const t = useT();
  const importer = useMemo(() => new ImportSession(model, undo, memory), [model, undo, memory]);
  const state = useSyncExternalStore(importer.subscribe, importer.getState);
  useEffect(() => () => importer.reset(), [importer]);
  const mapState = useMemo(() => (state.step === 'preview' ? model.read() : null), [model, state.step]);
  const busy = state.step === 'busy';
  const changes = state.plan ? countChanges(state.plan.summary) : 0;
  const title =
    state.step === 'mapping'
      ? t('import.mappingTitle')
      : state.step === 'preview'
        ? t('import.previewTitle')
        : state.step === 'done'
          ? t('import.doneTitle')
          : t('import.title');

  return (
    <Dialog title={title} {...(busy ? {} : { onClose })} wide>
      <div className="kk-import" aria-busy={busy}>
        {state.step === 'choose' && (
          <ImportFilesStep
            fileNames={state.fileNames}
            problems={state.problems}
            failed={state.failed}
            onFiles={(files) => void importer.chooseFiles(files)}
          />
        )}
        {busy && <ImportProgressBar progress={state.progress} />}
        {state.step === 'mapping' && (
          <ColumnMappingStep
            state={state}
            onRole={(key, role) => importer.setRole(key, role)}
            onColumn={(key, column, target) => importer.setColumn(key, column, target)}
            onDefaultKind={(kind) => importer.setDefaultKind(kind)}
          />
        )}
        {state.step === 'preview' && mapState && <ImportPreviewStep state={state} mapState={mapState} />}
        {state.step === 'done' && state.summary && (
          <div className="kk-import__done" role="status">
            <p>
              {t('import.done.added', { count: countAll(state.summary.added) })}
              {' · '}
              {t('import.done.updated', { count: countAll(state.summary.updated) })}
              {' · '}
              {t('import.done.unchanged', { count: state.summary.unchanged })}
            </p>
            <p className="kk-muted">{t('import.undoHint')}</p>
          </div>
        )}
        {state.failed && state.step !== 'choose' && (
          <p className="kk-error" role="alert">
            {t('import.failed')}
          </p>
        )}
      </div>
      <div className="kk-dialog__actions">
        {state.step === 'choose' && (
          <button type="button" className="kk-button" onClick={onClose}>
            {t('import.cancel')}
          </button>
        )}
        {state.step === 'mapping' && (
          <>
            <button type="button" className="kk-button" onClick={() => importer.reset()}>
              {t('import.otherFiles')}
            </button>
            <button
              type="button"
              className="kk-button kk-button--primary"
              disabled={!importer.canPreview()}
              onClick={() => void importer.preview()}
            >
              {t('import.toPreview')}
            </button>
          </>
        )}
        {state.step === 'preview' && (
          <>
            <button type="button" className="kk-button" onClick={() => importer.back()}>
              {t('import.back')}
            </button>
            <button
              type="button"
              className="kk-button kk-button--primary"
              disabled={state.problems.length > 0 || changes === 0}
              onClick={async () => {
                await importer.confirm();
                const done = importer.getState();
                if (done.step === 'done') onImported(done.touchedActorIds);
              }}
            >
              {state.problems.length > 0
                ? t('import.confirmBlocked')
                : t('import.confirm', { count: changes })}
            </button>
          </>
        )}
        {state.step === 'done' && (
          <button type="button" className="kk-button kk-button--primary" onClick={onClose}>
            {t('import.close')}
          </button>
        )}
      </div>
    </Dialog>
  );
}

type Counts = Readonly<Record<'phases' | 'actors' | 'links' | 'notes' | 'versions', number>>;

function countAll(c: Counts): number {
  return c.phases + c.actors + c.links + c.notes + c.versions;
}

function countChanges(summary: { added: Counts; updated: Counts }): number {
  return countAll(summary.added) + countAll(summary.updated);
}
