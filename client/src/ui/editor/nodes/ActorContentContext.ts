import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import { type ActorCard, ActorContent } from '../../../canvas/ActorContent';

/** The canvas store's card contents, which each actor card reads (see `ActorContent`). */
export const ActorContentContext = createContext<ActorContent>(new ActorContent());

/** One actor's card content, re-rendering its reader only when that card changes. */
export function useActorCard(id: string): ActorCard | undefined {
  const content = useContext(ActorContentContext);
  const subscribe = useCallback((listener: () => void) => content.subscribe(id, listener), [content, id]);
  const get = () => content.get(id);
  return useSyncExternalStore(subscribe, get, get);
}
