import { useState } from 'react';
import { formatDate } from '../../../../shared/i18n';
import { useLocale, useT } from '../../i18n/i18n';
import type { MapRecord } from '../../persistence/LocalMapStore';
import { mapHash } from '../../routing/route';
import { isLinkRevoked } from '../../session/linkRevocation';
import { localMapStore } from '../appServices';
import { renameStoredMap } from './renameStoredMap';

export function MapListItem({ record }: { record: MapRecord }) {
  const t = useT();
  const locale = useLocale();
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(record.title);
  const displayTitle = record.title || t('home.untitled');
  const opened = record.lastOpened ? formatDate(record.lastOpened, locale, 'dateTime') : t('home.never');
  return (
    <li className="kk-map-item">
      {renaming ? (
        <form
          className="kk-map-item__rename"
          onSubmit={(e) => {
            e.preventDefault();
            void renameStoredMap(localMapStore, record.id, title.trim() || displayTitle).then(() =>
              setRenaming(false),
            );
          }}
        >
          <label className="kk-field">
            <span>{t('home.renamePrompt')}</span>
            {/* biome-ignore lint/a11y/noAutofocus: the user just asked to rename this map */}
            <input autoFocus value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <button type="submit" className="kk-button kk-button--primary">
            {t('home.save')}
          </button>
          <button type="button" className="kk-button kk-button--ghost" onClick={() => setRenaming(false)}>
            {t('home.cancel')}
          </button>
        </form>
      ) : (
        <>
          <a className="kk-map-item__main" href={mapHash(record.id)}>
            <span className="kk-map-item__title">{displayTitle}</span>
            <span className="kk-map-item__meta">
              {record.municipality && <span>{record.municipality}</span>}
              <span>
                {t('home.lastOpened')}: {opened}
              </span>
            </span>
          </a>
          {isLinkRevoked(record) ? (
            <span className="kk-badge kk-badge--revoked">{t('home.shared.revoked')}</span>
          ) : (
            <span className={`kk-badge kk-badge--${record.shared}`}>{t(`home.shared.${record.shared}`)}</span>
          )}
          <div className="kk-map-item__actions">
            {(record.shared === 'local' || record.shared === 'edit') && (
              <button
                type="button"
                className="kk-button kk-button--ghost kk-button--small"
                aria-label={`${t('home.rename')}: ${displayTitle}`}
                onClick={() => {
                  setTitle(record.title);
                  setRenaming(true);
                }}
              >
                {t('home.rename')}
              </button>
            )}
            <button
              type="button"
              className="kk-button kk-button--ghost kk-button--small kk-button--danger"
              aria-label={`${t('home.remove')}: ${displayTitle}`}
              onClick={() => {
                if (window.confirm(t('home.removeConfirm', { title: displayTitle }))) {
                  void localMapStore.remove(record.id);
                }
              }}
            >
              {t('home.remove')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
