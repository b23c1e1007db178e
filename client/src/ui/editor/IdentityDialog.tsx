import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import type { Identity } from '../../presence/identity';
import { PRESENCE_COLOURS } from '../../theme/presenceColours';
import { Dialog } from '../common/Dialog';
import './identityDialog.css';

/** First use: the participant picks the name and colour others will see. */
export function IdentityDialog({
  initial,
  onSave,
  onClose,
}: {
  initial: Identity | null;
  onSave: (identity: Identity) => void;
  onClose?: () => void;
}) {
  const t = useT();
  const [name, setName] = useState(initial?.name ?? '');
  const [colour, setColour] = useState(
    initial?.colour ?? PRESENCE_COLOURS[Math.floor(Math.random() * PRESENCE_COLOURS.length)]!,
  );
  return (
    <Dialog title={t('identity.title')} {...(onClose ? { onClose } : {})}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave({ name: name.trim() || t('identity.defaultName'), colour });
        }}
      >
        <p className="kk-muted">{t('identity.intro')}</p>
        <label className="kk-field">
          <span>{t('identity.name')}</span>
          <input value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        </label>
        <fieldset className="kk-colours">
          <legend>{t('identity.colour')}</legend>
          {PRESENCE_COLOURS.map((c, i) => (
            <label key={c} className="kk-colour" style={{ background: c }}>
              <input
                type="radio"
                name="kk-colour"
                value={c}
                checked={colour === c}
                aria-label={t('identity.colourOption', { index: i + 1 })}
                onChange={() => setColour(c)}
              />
            </label>
          ))}
        </fieldset>
        <div className="kk-dialog__actions">
          <button type="submit" className="kk-button kk-button--primary">
            {t('identity.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
