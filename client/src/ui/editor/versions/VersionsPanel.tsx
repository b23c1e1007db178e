import { useState } from 'react';
import { formatRelativeTime } from '../../../../../shared/i18n';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import type { VersionInfo } from '../../../../../shared/model/types';
import { saveVersion, versionDisplayName } from '../../../../../shared/versions';
import { useLocale, useT } from '../../../i18n/i18n';
import type { CompareSession, Comparison } from '../../../versions/CompareSession';
import { newestFirst, suggestVersionName, versionAtOrBefore } from '../../../versions/versionChoice';
import { absoluteTime } from './formatTime';
import { RestoreDialog } from './RestoreDialog';
import { useNow, useVersions } from './useVersionsModel';
import './versions.css';

interface Props {
  model: ChainMap;
  readOnly: boolean;
  compare: CompareSession;
  comparison: Comparison | null;
  /** Restores the map to a version as one undoable change. */
  onRestore: (versionId: string) => void;
}

/**
 * "Versies": save a named version, the list of versions (live, the same for every participant),
 * compare with one of them or with the map as of a date, and restore. Read-only participants see
 * the list and can compare, without the save and restore controls.
 */
export function VersionsPanel({ model, readOnly, compare, comparison, onRestore }: Props) {
  const t = useT();
  const locale = useLocale();
  const now = useNow();
  const versions = useVersions(model);
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');
  const [sinceDay, setSinceDay] = useState('');
  const [restoring, setRestoring] = useState<VersionInfo | null>(null);
  const suggestion = suggestVersionName(versions, now, t('versions.suggestion'), locale);
  const name = draft ?? suggestion;
  const display = (v: VersionInfo) => versionDisplayName(v, locale);

  const startCompare = (v: VersionInfo) => {
    setProblem('');
    try {
      compare.start(v.id);
    } catch {
      setProblem(t('versions.unreadable'));
    }
  };

  return (
    <section className="kk-versions" aria-labelledby="kk-versions-title">
      <h2 id="kk-versions-title" className="kk-panel-title">
        {t('versions.title')}
      </h2>
      <p className="kk-muted kk-versions__intro">
        {t(readOnly ? 'versions.introReadOnly' : 'versions.intro')}
      </p>
      {!readOnly && (
        <form
          className="kk-versions__save"
          onSubmit={(e) => {
            e.preventDefault();
            const trimmed = name.trim();
            if (!trimmed) return;
            saveVersion(model, trimmed, { now: Date.now() });
            setDraft(null);
            setMessage(t('versions.saved', { name: trimmed }));
          }}
        >
          <label className="kk-field">
            <span>{t('versions.name')}</span>
            <input value={name} maxLength={120} onChange={(e) => setDraft(e.target.value)} />
          </label>
          <button type="submit" className="kk-button kk-button--primary" disabled={!name.trim()}>
            {t('versions.save')}
          </button>
        </form>
      )}
      <p className="kk-versions__message" role="status">
        {message}
      </p>

      <form
        className="kk-versions__since"
        aria-label={t('versions.sinceTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          const version = versionAtOrBefore(versions, sinceDay);
          if (version) startCompare(version);
          else setProblem(t('versions.sinceNone'));
        }}
      >
        <label className="kk-field">
          <span>{t('versions.sinceDate')}</span>
          <input type="date" value={sinceDay} required onChange={(e) => setSinceDay(e.target.value)} />
        </label>
        <button type="submit" className="kk-button" disabled={!sinceDay || versions.length === 0}>
          {t('versions.sinceButton')}
        </button>
      </form>
      {problem && (
        <p className="kk-error-text" role="alert">
          {problem}
        </p>
      )}

      <h3 className="kk-versions__subtitle" id="kk-versions-list-title">
        {t('versions.list')}
      </h3>
      {versions.length === 0 ? (
        <p className="kk-muted">{t('versions.none')}</p>
      ) : (
        <ol className="kk-version-list" aria-labelledby="kk-versions-list-title">
          {newestFirst(versions).map((v) => {
            const label = display(v);
            const active = comparison?.version.id === v.id;
            return (
              <li
                key={v.id}
                className={`kk-version${v.auto ? ' kk-version--auto' : ''}${active ? ' is-active' : ''}`}
              >
                <div className="kk-version__name">
                  {label}
                  {v.auto && <span className="kk-version__badge">{t('versions.auto')}</span>}
                </div>
                <div className="kk-version__meta kk-muted">
                  {v.author ? `${t('versions.by', { name: v.author })} · ` : ''}
                  <time
                    dateTime={new Date(v.createdAt).toISOString()}
                    title={absoluteTime(v.createdAt, locale)}
                  >
                    {formatRelativeTime(v.createdAt, now, locale)}
                  </time>{' '}
                  <span className="kk-version__absolute">({absoluteTime(v.createdAt, locale)})</span>
                </div>
                <div className="kk-version__actions">
                  {active ? (
                    <span className="kk-version__comparing">{t('versions.comparing')}</span>
                  ) : (
                    <button
                      type="button"
                      className="kk-button kk-button--small"
                      aria-label={t('versions.compareWith', { name: label })}
                      onClick={() => startCompare(v)}
                    >
                      {t('versions.compare')}
                    </button>
                  )}
                  {!readOnly && (
                    <button
                      type="button"
                      className="kk-button kk-button--small"
                      aria-label={t('versions.restoreNamed', { name: label })}
                      onClick={() => setRestoring(v)}
                    >
                      {t('versions.restore')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {restoring && (
        <RestoreDialog
          name={display(restoring)}
          date={absoluteTime(restoring.createdAt, locale)}
          onCancel={() => setRestoring(null)}
          onRestore={() => {
            const version = restoring;
            setRestoring(null);
            try {
              onRestore(version.id);
              setProblem('');
              setMessage(t('versions.restored', { name: display(version) }));
            } catch {
              setProblem(t('versions.unreadable'));
            }
          }}
        />
      )}
    </section>
  );
}
