import { useT } from '../../i18n/i18n';
import { avatarLabels } from '../../presence/avatarLabels';
import type { Identity } from '../../presence/identity';
import type { Peer } from '../../presence/PresenceSession';

/** Who is here: you first, then everyone else on the map right now; click someone to follow their view. */
export function PresenceList({
  me,
  peers,
  onEditMe,
  onFollow,
}: {
  me: Identity;
  peers: readonly Peer[];
  onEditMe: () => void;
  onFollow?: (clientId: number) => void;
}) {
  const t = useT();
  const [mine, ...theirs] = avatarLabels([me.name, ...peers.map((p) => p.user.name)]);
  return (
    <div className="kk-presence">
      <ul aria-label={t('presence.title')} className="kk-presence__list">
        <li>
          <button
            type="button"
            className="kk-avatar kk-avatar--me"
            style={{ background: me.colour }}
            title={t('presence.you', { name: me.name })}
            aria-label={`${t('presence.you', { name: me.name })} — ${t('presence.editName')}`}
            onClick={onEditMe}
          >
            {mine}
          </button>
        </li>
        {peers.map((p, i) =>
          onFollow ? (
            <li key={p.clientId}>
              <button
                type="button"
                className="kk-avatar"
                style={{ background: p.user.colour }}
                title={t('follow.peer', { name: p.user.name })}
                aria-label={t('follow.peer', { name: p.user.name })}
                onClick={() => onFollow(p.clientId)}
              >
                <span aria-hidden="true">{theirs[i]}</span>
                <span className="kk-visually-hidden">{p.user.name}</span>
              </button>
            </li>
          ) : (
            <li
              key={p.clientId}
              className="kk-avatar"
              style={{ background: p.user.colour }}
              title={p.user.name}
            >
              <span aria-hidden="true">{theirs[i]}</span>
              <span className="kk-visually-hidden">{p.user.name}</span>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
