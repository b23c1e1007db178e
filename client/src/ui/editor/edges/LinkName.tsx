import { memo, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Link } from '../../../../../shared/model/types';
import { linkAccessibleName, linkNameId } from '../../../canvas/accessibleNames';
import { useT } from '../../../i18n/i18n';
import { ActorLabelsContext } from './ActorLabelsContext';

/** One actor's label, re-rendering its reader only when that label changes. */
function useActorLabel(id: string): string {
  const labels = useContext(ActorLabelsContext);
  const subscribe = useCallback((listener: () => void) => labels.subscribe(id, listener), [labels, id]);
  const get = () => labels.get(id);
  return useSyncExternalStore(subscribe, get, get);
}

interface Props {
  link: Link;
  ownerName: string;
}

/**
 * What a screen reader says for a link ("Warme overdracht van Burgerzaken naar Toeleider"), in an
 * element its edge names with `aria-labelledby` (see `linkToEdge`). Not displayed: a referenced
 * element gives its text to the name even when hidden. It reads its ends' labels itself, so a
 * renamed actor re-renders this text in its drawn links and nothing else; `useT` re-renders it
 * when the language switches.
 */
export const LinkName = memo(function LinkName({ link, ownerName }: Props) {
  useT();
  const from = useActorLabel(link.source);
  const to = useActorLabel(link.target);
  return (
    <text id={linkNameId(link.id)} display="none">
      {linkAccessibleName(link, from, to, ownerName)}
    </text>
  );
});
