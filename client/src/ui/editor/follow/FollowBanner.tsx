import { useT } from '../../../i18n/i18n';
import type { Follow } from './useFollow';
import './follow.css';

/** Over the canvas: "Je volgt Els" with a way to stop, and a facilitator's request to follow. */
export function FollowBanner({ follow }: { follow: Follow }) {
  const t = useT();
  const { leader, target, request } = follow;
  return (
    <>
      {leader && (
        <div className="kk-follow-banner" role="status" style={{ borderColor: leader.user.colour }}>
          <span>
            {t('follow.following', { name: leader.user.name })}
            {target && target.clientId !== leader.clientId && (
              <span className="kk-follow-banner__via"> {t('follow.via', { name: target.user.name })}</span>
            )}
          </span>
          <button type="button" className="kk-button kk-button--small" onClick={follow.stop}>
            {t('follow.stop')}
          </button>
        </div>
      )}
      {request && (
        <div className="kk-follow-request" role="alertdialog" aria-label={t('follow.requestTitle')}>
          <p>{t('follow.request', { name: request.user.name })}</p>
          <div className="kk-follow-request__actions">
            <button type="button" className="kk-button" onClick={() => follow.decline(request)}>
              {t('follow.decline')}
            </button>
            <button
              type="button"
              className="kk-button kk-button--primary"
              onClick={() => follow.accept(request)}
            >
              {t('follow.accept')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
