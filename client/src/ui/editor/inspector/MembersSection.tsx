import { useState } from 'react';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import type { Actor, ChainMapState } from '../../../../../shared/model/types';
import { collaborationMembers } from '../../../canvas/collaborationMembers';
import { useT } from '../../../i18n/i18n';
import { ActorPicker } from './ActorPicker';

/**
 * A samenwerkingsverband's members, listed and edited in the inspector. Membership links are the
 * model: adding a member draws a membership link from it to the collaboration (one undo step),
 * removing one deletes that link; the card shows the count.
 */
export function MembersSection({
  actor,
  state,
  model,
  readOnly,
  onSelect,
}: {
  actor: Actor;
  state: ChainMapState;
  model: ChainMap;
  readOnly: boolean;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const [candidate, setCandidate] = useState('');
  const members = collaborationMembers(state, actor.id);
  const memberIds = new Set(members.map((m) => m.actor.id));
  const candidates = state.actors.filter((a) => a.id !== actor.id && !memberIds.has(a.id));
  const name = (a: Actor) => a.label || t(`kind.${a.kind}`);
  return (
    <section className="kk-members" aria-labelledby="kk-members-title">
      <h3 id="kk-members-title" className="kk-panel-subtitle">
        {t('members.title')} ({members.length})
      </h3>
      {members.length === 0 ? (
        <p className="kk-muted kk-members__none">{t('members.none')}</p>
      ) : (
        <ul className="kk-members__list">
          {members.map(({ actor: member, link }) => (
            <li key={member.id}>
              <button type="button" className="kk-members__name" onClick={() => onSelect(member.id)}>
                {name(member)}
              </button>
              {!readOnly && (
                <button
                  type="button"
                  className="kk-icon-button kk-members__remove"
                  aria-label={t('members.remove', { name: name(member) })}
                  title={t('members.remove', { name: name(member) })}
                  onClick={() => model.deleteElements({ links: [link.id] })}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && candidates.length > 0 && (
        <div className="kk-members__add">
          <ActorPicker
            label={t('members.add')}
            actors={candidates}
            value={candidate}
            onChange={setCandidate}
          />
          <button
            type="button"
            className="kk-button kk-button--small"
            disabled={!candidate}
            onClick={() => {
              model.addLink({ kind: 'membership', source: candidate, target: actor.id });
              setCandidate('');
            }}
          >
            {t('members.add')}
          </button>
        </div>
      )}
      <p className="kk-muted kk-members__hint">{t('members.hint')}</p>
    </section>
  );
}
