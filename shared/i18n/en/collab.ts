import type { Translation } from '../catalogue';
import type { collab as nl } from '../nl/collab';

/** English: working together live: who types in a field, avatars, connection status, revoked links, sharing in the room. */
export const collab: Translation<typeof nl> = {
  'collab.editingField': '{name} is typing here',
  'collab.editingFieldMany': '{names} are typing here',
};
