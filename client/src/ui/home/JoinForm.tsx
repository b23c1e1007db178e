import { useId, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { parseShareLink } from '../../routing/route';

export function JoinForm() {
  const t = useT();
  const id = useId();
  const [link, setLink] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      className="kk-card"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        const route = parseShareLink(link);
        if (!route) {
          setInvalid(true);
          return;
        }
        const trimmed = link.trim();
        window.location.hash = trimmed.slice(trimmed.indexOf('#'));
      }}
    >
      <h2 id={`${id}-h`}>{t('home.join')}</h2>
      <label className="kk-field">
        <span>{t('home.joinLabel')}</span>
        <input
          value={link}
          aria-invalid={invalid}
          onChange={(e) => {
            setLink(e.target.value);
            setInvalid(false);
          }}
        />
      </label>
      {invalid && <p role="alert">{t('home.joinInvalid')}</p>}
      <button type="submit" className="kk-button">
        {t('home.joinButton')}
      </button>
    </form>
  );
}
