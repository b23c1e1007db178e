import { useState, useSyncExternalStore } from 'react';
import { useT } from '../../i18n/i18n';
import { shareLink } from '../../routing/route';
import type { MapSession } from '../../session/MapSession';
import {
  registerMap,
  rememberCreateToken,
  rememberedCreateToken,
  rotateKeys,
  ServerApiError,
} from '../../sync/serverApi';
import { serverOrigin } from '../appServices';
import { Dialog } from '../common/Dialog';
import { JoinScreen } from './share/JoinScreen';
import { LinkBaseNotice } from './share/LinkBaseNotice';
import { ShareLink } from './share/ShareLink';
import { useShareBase } from './share/useShareBase';
import './shareDialog.css';

type Busy = null | 'register' | 'rotate';

/**
 * "Delen": put a local map on the server, show its links (to copy, and as QR codes), put a large
 * "Doe mee" code on the projector, rotate the links. Links are built on the server's PUBLIC_URL, or
 * on a network address of the server when the page was opened through localhost.
 */
export function ShareDialog({ session, onClose }: { session: MapSession; onClose: () => void }) {
  const t = useT();
  useSyncExternalStore(session.subscribe, session.getVersion);
  const record = session.getRecord();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const origin = record.serverUrl ?? serverOrigin();
  const { shareBase, base, pick } = useShareBase(origin);
  const [presenting, setPresenting] = useState(false);
  const editLink = record.editKey ? shareLink(base, record.id, record.editKey, 'edit') : null;
  const participateLink = record.participateKey
    ? shareLink(base, record.id, record.participateKey, 'participate')
    : null;
  const title = session.model.getMeta().title;
  /** Shown once the server said it needs a map-creation access code. */
  const [token, setToken] = useState<{ value: string; wrong: boolean } | null>(null);

  const explain = (err: unknown) =>
    err instanceof ServerApiError && err.status > 0
      ? t('error.server', { status: err.status })
      : t('error.network');

  const register = async () => {
    setBusy('register');
    setError(null);
    // Once asked for, only what the user typed; before that, a code remembered from an earlier share.
    const code = token ? token.value.trim() || undefined : rememberedCreateToken(origin);
    try {
      const keys = await registerMap(origin, record.id, session.model.getMeta().title, code);
      if (code) rememberCreateToken(origin, code);
      await session.setShared({
        shared: 'edit',
        editKey: keys.editKey,
        viewKey: keys.viewKey,
        participateKey: keys.participateKey,
        serverUrl: origin,
      });
    } catch (err) {
      if (err instanceof ServerApiError && err.tokenRequired) {
        setToken({ value: token?.value ?? '', wrong: Boolean(code) });
      } else {
        setError(explain(err));
      }
    } finally {
      setBusy(null);
    }
  };

  const rotate = async () => {
    if (!record.editKey || !window.confirm(t('share.rotateConfirm'))) return;
    setBusy('rotate');
    setError(null);
    setNotice(null);
    session.beginKeyRotation();
    try {
      const keys = await rotateKeys(origin, record.id, record.editKey);
      await session.setShared({
        shared: 'edit',
        editKey: keys.editKey,
        viewKey: keys.viewKey,
        participateKey: keys.participateKey,
        serverUrl: origin,
      });
      setNotice(t('share.rotated'));
    } catch (err) {
      session.endKeyRotation();
      setError(explain(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog title={t('share.title')} onClose={onClose} wide>
      {record.shared === 'local' ? (
        <>
          <p>{t('share.registerHint')}</p>
          {token && (
            <>
              <p role="alert" className={token.wrong ? 'kk-error' : undefined}>
                {t(token.wrong ? 'share.tokenWrong' : 'share.tokenRequired')}
              </p>
              <label className="kk-field">
                <span className="kk-field__label">{t('share.tokenLabel')}</span>
                <input
                  type="password"
                  autoComplete="off"
                  value={token.value}
                  onChange={(e) => setToken({ value: e.currentTarget.value, wrong: token.wrong })}
                />
              </label>
            </>
          )}
          <button
            type="button"
            className="kk-button kk-button--primary"
            disabled={busy !== null}
            aria-busy={busy === 'register'}
            onClick={register}
          >
            {busy === 'register'
              ? t('share.registering')
              : token
                ? t('share.tokenSubmit')
                : t('share.register')}
          </button>
        </>
      ) : record.shared === 'view' ? (
        <p>{t('share.viewOnly')}</p>
      ) : record.shared === 'participate' ? (
        <p>{t('share.participantOnly')}</p>
      ) : (
        <>
          <p className="kk-muted">{t('share.intro')}</p>
          <LinkBaseNotice shareBase={shareBase} base={base} onPick={pick} />
          <div className="kk-share-links">
            {editLink && (
              <ShareLink
                role={t('share.role.edit')}
                hint={t('share.role.editHint')}
                label={t('share.editLink')}
                copyLabel={t('share.copyEdit')}
                qrLabel={t('shareQr.edit')}
                value={editLink}
              />
            )}
            {participateLink ? (
              <ShareLink
                role={t('share.role.participate')}
                hint={t('share.role.participateHint')}
                label={t('share.participateLink')}
                copyLabel={t('share.copyParticipate')}
                qrLabel={t('shareQr.participate')}
                value={participateLink}
              />
            ) : (
              <div className="kk-share-link kk-share-link--missing">
                <h3 className="kk-share-link__role">{t('share.role.participate')}</h3>
                <p className="kk-muted">
                  {t(record.viewKey ? 'share.participateMissing' : 'share.participateElsewhere')}
                </p>
              </div>
            )}
            {record.viewKey && (
              <ShareLink
                role={t('share.role.view')}
                hint={t('share.role.viewHint')}
                label={t('share.viewLink')}
                copyLabel={t('share.copyView')}
                qrLabel={t('shareQr.view')}
                value={shareLink(base, record.id, record.viewKey, 'view')}
              />
            )}
          </div>
          <div className="kk-share-actions">
            {/* The room sees the projector: "Doe mee" offers the participate link, never the edit link. */}
            {participateLink && (
              <button
                type="button"
                className="kk-button kk-button--primary"
                onClick={() => setPresenting(true)}
              >
                {t('join.show')}
              </button>
            )}
            <button
              type="button"
              className="kk-button kk-button--danger"
              disabled={busy !== null || !record.editKey}
              aria-busy={busy === 'rotate'}
              onClick={rotate}
            >
              {busy === 'rotate' ? t('share.rotating') : t('share.rotate')}
            </button>
          </div>
        </>
      )}
      {error && (
        <p role="alert" className="kk-error">
          {error}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      <div className="kk-dialog__actions">
        <button type="button" className="kk-button" onClick={onClose}>
          {t('share.close')}
        </button>
      </div>
      {presenting && participateLink && (
        <JoinScreen title={title} link={participateLink} onClose={() => setPresenting(false)} />
      )}
    </Dialog>
  );
}
