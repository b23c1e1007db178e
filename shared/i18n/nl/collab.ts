/** Dutch: working together live: who types in a field, avatars, connection status, revoked links, sharing in the room. */
export const collab = {
  'collab.editingField': '{name} typt hier',
  'collab.editingFieldMany': '{names} typen hier',
} as const;
