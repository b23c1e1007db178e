import { useT } from '../../i18n/i18n';
import { ACCESSIBILITY_HASH } from '../../routing/route';
import { localMapStore } from '../appServices';
import { BrandHeader } from '../common/BrandHeader';
import { DemoMapsSection } from './DemoMapsSection';
import { JoinForm } from './JoinForm';
import { MapListItem } from './MapListItem';
import { NewMapForm } from './NewMapForm';
import { useMapList } from './useMapList';
import './home.css';

export function HomePage() {
  const t = useT();
  const { maps, loaded, error } = useMapList(localMapStore);
  return (
    <div className="kk-home">
      <BrandHeader />
      <main className="kk-home__main">
        <h1>{t('home.title')}</h1>
        <p className="kk-muted">{t('app.tagline')}</p>
        <div className="kk-home__grid">
          <section aria-labelledby="kk-maps-heading" className="kk-home__maps">
            <h2 id="kk-maps-heading" className="kk-visually-hidden">
              {t('home.list')}
            </h2>
            {error ? (
              <p role="alert">{t('error.storage', { message: String(error) })}</p>
            ) : loaded && maps.length === 0 ? (
              <p className="kk-empty">{t('home.empty')}</p>
            ) : (
              <ul className="kk-map-list" aria-label={t('home.list')}>
                {maps.map((m) => (
                  <MapListItem key={m.id} record={m} />
                ))}
              </ul>
            )}
          </section>
          <aside className="kk-home__side">
            <NewMapForm />
            <JoinForm />
            <DemoMapsSection />
          </aside>
        </div>
      </main>
      <footer className="kk-home__footer">
        <a href={ACCESSIBILITY_HASH}>{t('statement.link')}</a>
      </footer>
    </div>
  );
}
