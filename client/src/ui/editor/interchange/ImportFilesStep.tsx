import { useId, useRef, useState } from 'react';
import type { ImportFile, ImportProblem } from '../../../../../shared/interchange';
import { useT } from '../../../i18n/i18n';
import { ImportProblemList } from './ImportProblemList';

const ACCEPT = [
  '.csv',
  '.xlsx',
  '.json',
  'text/csv',
  'application/json',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');

async function toImportFiles(files: FileList | readonly File[]): Promise<ImportFile[]> {
  return Promise.all(
    [...files].map(async (f) => ({
      name: f.name,
      bytes: new Uint8Array(await f.arrayBuffer()),
      contentType: f.type,
    })),
  );
}

/** The first step: pick or drop one or more files (Kumu's two CSV files together). */
export function ImportFilesStep({
  fileNames,
  problems,
  failed,
  onFiles,
}: {
  fileNames: readonly string[];
  problems: readonly ImportProblem[];
  failed: boolean;
  onFiles: (files: ImportFile[]) => void;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [over, setOver] = useState(false);
  const take = async (files: FileList | readonly File[] | null) => {
    if (files && files.length > 0) onFiles(await toImportFiles(files));
  };
  return (
    <div className="kk-import__files">
      <p>{t('import.intro')}</p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target; the button inside is the keyboard way */}
      <div
        className={`kk-dropzone${over ? ' is-over' : ''}`}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes('Files')) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void take(e.dataTransfer.files);
        }}
      >
        <svg viewBox="0 0 24 24" width="36" height="36" aria-hidden="true">
          <path d="M12 16V4m0 0-5 5m5-5 5 5M4 20h16" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        <p className="kk-dropzone__text">{t('import.drop')}</p>
        <p className="kk-muted">{t('import.or')}</p>
        <button type="button" className="kk-button kk-button--primary" onClick={() => input.current?.click()}>
          {t('import.choose')}
        </button>
        {/* After the button, so the dialog's first focus lands on the button, not on the hidden input. */}
        <label htmlFor={inputId} className="kk-visually-hidden">
          {t('import.filesLabel')}
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          accept={ACCEPT}
          tabIndex={-1}
          className="kk-visually-hidden"
          onChange={(e) => {
            void take(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      {fileNames.length > 0 && (
        <p className="kk-muted">{t('import.chosen', { files: fileNames.join(', ') })}</p>
      )}
      {failed && (
        <p className="kk-error" role="alert">
          {t('import.failed')}
        </p>
      )}
      <ImportProblemList problems={problems} title={t('import.cannotRead')} />
    </div>
  );
}
