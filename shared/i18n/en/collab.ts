import type { Translation } from '../catalogue';
import type { collab as nl } from '../nl/collab';

/** English: working together and getting started: who types in a field, connection status, renewed links, a blank map, sharing in the room. */
export const collab: Translation<typeof nl> = {
  'collab.editingField': '{name} is typing here',
  'collab.editingFieldMany': '{names} are typing here',
  'status.unreachable': 'server unreachable',
  'status.revoked': 'link renewed',
  'status.unauthorized': 'invalid link',
  'status.notFound': 'map not on the server',
  'status.badRequest': 'connection refused',
  'status.tooBig': 'not kept on the server',
  'status.unreachableHint':
    'There is a network, but the server does not answer. Your changes stay on this device and go along as soon as the server is reachable again.',
  'status.offlineHint': 'This device has no network. Your changes are kept here until you are back online.',
  'revoked.banner':
    'The links of this map have been renewed: this link no longer works. You now see the map read-only. What you changed on this device is kept here. Ask the owner of the map for the new link and open it on this device: your changes will go along.',
  'loading.firstSyncUnreachable': 'The server is not reachable. The map is fetched as soon as it answers.',
  'home.shared.revoked': 'Link renewed · read-only',
  'blankMap.title': 'A blank map',
  'blankMap.hint': 'Start on the left: click or drag a service, partner or target group onto the map.',
  'blankMap.addPhases': 'Add the default phases',
};
