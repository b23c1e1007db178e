import { useState } from 'react';
import type { ChainMap } from '../../../../shared/model/ChainMap';
import { useT } from '../../i18n/i18n';

/**
 * "Automatisch schikken": arranges the actors by phase with a layered layout. All moves go in one
 * model transaction: one undo step, one sync frame for everyone. The layout engine (elkjs, about
 * 1.5 MB) is loaded on first use, so it never weighs on opening the app.
 */
export function AutoLayoutButton({ model, onDone }: { model: ChainMap; onDone?: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(false);
  return (
    <>
      <button
        type="button"
        className="kk-button"
        aria-busy={busy}
        disabled={busy}
        title={t('layout.help')}
        onClick={async () => {
          setBusy(true);
          setError(false);
          try {
            const { autoLayout } = await import('../../../../shared/analysis/autoLayout');
            const moves = await autoLayout(model.read());
            if (moves.length > 0) model.moveActors(moves);
            onDone?.();
          } catch {
            setError(true);
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy && <span className="kk-spinner kk-spinner--small" aria-hidden="true" />}
        {busy ? t('layout.busy') : t('layout.button')}
      </button>
      {error && (
        <span role="alert" className="kk-error-text">
          {t('layout.failed')}
        </span>
      )}
    </>
  );
}
