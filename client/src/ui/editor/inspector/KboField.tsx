import { useEffect, useId, useState } from 'react';
import { formatKbo, normaliseKbo } from '../../../../../shared/model/kbo';
import { useT } from '../../../i18n/i18n';
import './kboField.css';

const REASON_KEYS = {
  format: 'interchange.invalidKbo',
  checksum: 'interchange.kboChecksum',
  establishment: 'interchange.kboEstablishment',
} as const;

/**
 * The KBO number of a partner or collaboration: typed in any common notation ("BE 0123 456 749"),
 * checked on blur or Enter against its mod-97 check digits, stored as its ten digits by the model
 * and shown as 0123.456.749. A number that fails its check stays in the box with the same Dutch
 * sentence the import uses, and nothing is written; Escape restores the stored number.
 */
export function KboField({
  value,
  readOnly,
  onChange,
}: {
  value: string;
  readOnly: boolean;
  onChange: (kbo: string) => void;
}) {
  const t = useT();
  const shown = formatKbo(value);
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  useEffect(() => {
    setDraft(shown);
    setError(null);
  }, [shown]);

  if (readOnly) {
    return (
      <div className="kk-field kk-field--readonly">
        <span className="kk-field__label">{t('inspector.kbo')}</span>
        <span className="kk-field__value">{shown || '—'}</span>
      </div>
    );
  }

  const commit = () => {
    const typed = draft.trim();
    if (typed === '') {
      setError(null);
      if (value !== '') onChange('');
      return;
    }
    const result = normaliseKbo(typed);
    if (!result.ok) {
      setError(t(REASON_KEYS[result.reason], { value: typed }));
      return;
    }
    setError(null);
    setDraft(formatKbo(result.value));
    if (result.value !== value) onChange(result.value);
  };

  return (
    <label className="kk-field">
      <span className="kk-field__label">{t('inspector.kbo')}</span>
      <input
        value={draft}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('inspector.kboPlaceholder')}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? errorId : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(shown);
            setError(null);
          }
        }}
      />
      {error !== null && (
        <span id={errorId} className="kk-field__error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
