import { useT } from '../../../i18n/i18n';
import type { ShareBase } from '../../../sync/shareBase';

/**
 * The warning for links made from a loopback address: they would not open on anyone else's device.
 * Offers the server's network addresses to build the links from instead.
 */
export function LinkBaseNotice({
  shareBase,
  base,
  onPick,
}: {
  shareBase: ShareBase;
  base: string;
  onPick: (alternative: string) => void;
}) {
  const t = useT();
  if (shareBase.kind !== 'loopback') return null;
  return (
    <div className="kk-share-base" role="note">
      <p className="kk-share-base__warning">{t('shareBase.loopbackWarning')}</p>
      {shareBase.alternatives.length === 0 ? (
        <p>{t('shareBase.noAddresses')}</p>
      ) : (
        <fieldset className="kk-share-base__choices">
          <legend>{t('shareBase.pick')}</legend>
          {shareBase.alternatives.map((alternative) => (
            <label key={alternative} className="kk-check">
              <input
                type="radio"
                name="kk-share-base"
                value={alternative}
                checked={alternative === base}
                onChange={() => onPick(alternative)}
              />
              <span>{alternative}</span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
