import { useId, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { mapHash, navigate } from '../../routing/route';
import { createLocalMap } from '../../session/mapLifecycle';
import { localMapStore } from '../appServices';

export function NewMapForm() {
  const t = useT();
  const id = useId();
  const [title, setTitle] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [starter, setStarter] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  return (
    <form
      className="kk-card"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        createLocalMap(
          localMapStore,
          { title: title.trim() || t('home.defaultTitle'), municipality: municipality.trim() },
          starter,
        ).then(
          (mapId) => navigate(mapHash(mapId)),
          (err: unknown) => {
            setBusy(false);
            setError(t('error.storage', { message: String(err) }));
          },
        );
      }}
    >
      <h2 id={`${id}-h`}>{t('home.new')}</h2>
      <label className="kk-field">
        <span>{t('home.newTitle')}</span>
        <input
          value={title}
          placeholder={t('home.defaultTitle')}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label className="kk-field">
        <span>{t('home.newMunicipality')}</span>
        <input value={municipality} onChange={(e) => setMunicipality(e.target.value)} />
      </label>
      <fieldset className="kk-radio-group">
        <legend className="kk-visually-hidden">{t('home.new')}</legend>
        <label>
          <input type="radio" name={`${id}-starter`} checked={starter} onChange={() => setStarter(true)} />
          <span>{t('home.newStarter')}</span>
        </label>
        <label>
          <input type="radio" name={`${id}-starter`} checked={!starter} onChange={() => setStarter(false)} />
          <span>{t('home.newBlank')}</span>
        </label>
      </fieldset>
      {error && <p role="alert">{error}</p>}
      <button type="submit" className="kk-button kk-button--primary" disabled={busy} aria-busy={busy}>
        {t('home.create')}
      </button>
    </form>
  );
}
