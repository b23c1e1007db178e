import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo, useSyncExternalStore } from 'react';
import { actorAccessibleName, actorNameId } from '../../../canvas/accessibleNames';
import type { ActorFlowNode } from '../../../canvas/flowTypes';
import { getHyphenate, subscribeHyphenation } from '../../../canvas/hyphenation';
import { useT } from '../../../i18n/i18n';
import { ACTOR_KIND_STYLES } from '../actorKindStyle';
import { useEditing } from '../EditingContext';
import { InlineLabelEditor } from '../InlineLabelEditor';
import { KindIcon } from '../KindIcon';
import { useActorCard } from './ActorContentContext';
import { NoteBadges } from './NoteBadges';

/**
 * An actor's card. What it shows (label, marks, note badges, member count, its accessible name)
 * comes from `ActorContent`, not from its React Flow node: a remote rename re-renders this card and
 * changes no node. Its node's `aria-labelledby` points to the name rendered here (`actorNameId`);
 * `useT` re-renders it when the language switches.
 */
export const ActorNode = memo(function ActorNode({ id, data, selected }: NodeProps<ActorFlowNode>) {
  const t = useT();
  const editing = useEditing();
  const card = useActorCard(id);
  const hyphenate = useSyncExternalStore(subscribeHyphenation, getHyphenate, getHyphenate);
  // Only between a deletion and React Flow dropping the node (the content is synced first).
  if (!card) return null;
  const { actor, notes, members, phaseName } = card;
  const { readOnly, peerColours, decoration } = data;
  const style = ACTOR_KIND_STYLES[actor.kind];
  const isEditing = editing.editingId === id && !readOnly;
  const ring = peerColours[0];
  return (
    <>
      <div
        className={`kk-actor kk-actor--${actor.kind}${selected ? ' is-selected' : ''}`}
        data-kind={actor.kind}
        data-testid={`actor-${actor.label}`}
        style={ring ? { filter: `drop-shadow(0 0 0 ${ring}) drop-shadow(0 0 3px ${ring})` } : undefined}
      >
        <svg className="kk-actor__shape" viewBox="0 0 180 64" preserveAspectRatio="none" aria-hidden="true">
          <path
            d={style.shape}
            style={{ fill: style.fill, stroke: selected ? 'var(--kk-selected-outline)' : style.stroke }}
            strokeWidth={selected ? 3 : 2}
            strokeDasharray={style.dashed ? '8 5' : undefined}
            vectorEffect="non-scaling-stroke"
          />
        </svg>
        <div className="kk-actor__body">
          <KindIcon kind={actor.kind} size={18} />
          {isEditing ? (
            <InlineLabelEditor
              initial={actor.label}
              field={{ collection: 'actors', id, field: 'label' }}
              onCommit={(label) => {
                editing.commitLabel(id, label);
                editing.stop();
              }}
              onCancel={editing.stop}
            />
          ) : (
            <span className="kk-actor__label" title={actor.label}>
              {actor.label ? hyphenate(actor.label) : t(`kind.${actor.kind}`)}
            </span>
          )}
        </div>
        {actor.entryPoint && (
          <span className="kk-actor__entry" title={t('node.entryPoint')}>
            {t('node.entryPoint')}
          </span>
        )}
        <NoteBadges counts={notes} />
        {actor.kind === 'collaboration' && (
          <span className="kk-actor__members" data-mark="members">
            {t('node.memberCount', { count: members })}
          </span>
        )}
        {decoration?.marks.includes('routeBreak') && (
          <span className="kk-route-break" data-mark="routeBreak" aria-hidden="true">
            !
          </span>
        )}
        {peerColours.length > 0 && (
          <span className="kk-actor__peers" aria-hidden="true">
            {peerColours.map((c) => (
              <span key={c} className="kk-dot" style={{ background: c }} />
            ))}
          </span>
        )}
        <Handle type="target" position={Position.Left} isConnectable={!readOnly} />
        <Handle type="source" position={Position.Right} isConnectable={!readOnly} />
      </div>
      {/* Outside the card's own element, so its text stays the card's; hidden, it still names it. */}
      <span id={actorNameId(id)} hidden>
        {actorAccessibleName(actor, phaseName, notes)}
      </span>
    </>
  );
});
