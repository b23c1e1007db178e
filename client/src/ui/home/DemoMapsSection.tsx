import { useState } from 'react';
import { DEMO_MAPS } from '../../../../shared/templates/demoMaps';
import { useT } from '../../i18n/i18n';
import { mapHash, navigate } from '../../routing/route';
import { createLocalMap } from '../../session/mapLifecycle';
import { localMapStore } from '../appServices';
import './demoMaps.css';

/**
 * "Voorbeeldkaarten": fictional maps inspired by the article, each opened as a new map on this
 * device so people can try the analysis and the action plan without touching real data.
 */
export function DemoMapsSection() {
  const t = useT();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="kk-card kk-demos" aria-labelledby="kk-demos-title">
      <h2 id="kk-demos-title">{t('demo.title')}</h2>
      <p className="kk-muted kk-demos__intro">{t('demo.intro')}</p>
      <ul className="kk-demos__list">
        {DEMO_MAPS.map((demo) => (
          <li key={demo.id} className="kk-demos__item">
            <span className="kk-badge kk-badge--demo">{t('demo.fictional')}</span>
            <strong>{demo.title.replace(/^Fictief voorbeeld:\s*/, '')}</strong>
            <span className="kk-muted">{demo.municipality}</span>
            <button
              type="button"
              className="kk-button kk-button--small"
              disabled={busy !== null}
              aria-busy={busy === demo.id}
              aria-label={t('demo.openNamed', { title: demo.title })}
              onClick={() => {
                setBusy(demo.id);
                setError(null);
                createLocalMap(
                  localMapStore,
                  { title: demo.title, municipality: demo.municipality },
                  false,
                  (map) => demo.build(map),
                ).then(
                  (mapId) => navigate(mapHash(mapId)),
                  (err: unknown) => {
                    setBusy(null);
                    setError(t('error.storage', { message: String(err) }));
                  },
                );
              }}
            >
              {t('demo.open')}
            </button>
          </li>
        ))}
      </ul>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
