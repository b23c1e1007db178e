import type { Translation } from '../catalogue';
import type { app as nl } from '../nl/app';

/** English: The app shell: name, language switch, sync status, errors and loading. */
export const app: Translation<typeof nl> = {
  'app.name': 'KetenKaart',
  'app.tagline': 'Map the chain approach for new residents together',
  'lang.switch': 'Nederlands',
  'lang.switchLabel': 'Schakel naar Nederlands',
  'status.offline': 'offline',
  'status.connecting': 'connecting…',
  'status.syncing': 'syncing…',
  'status.saved': 'saved',
  'status.local': 'only on this device',
  'status.busy': 'server is busy – trying again…',
  'status.invalidContent': 'change refused',
  'status.quarantined': 'map set aside',
  'status.rateLimited': 'too many messages',
  'status.invalidFromServer': 'invalid from the server',
  'status.label': 'Sync status',
  'error.unauthorized': 'This link is not valid. Check that you copied the whole link, or ask for a new one.',
  'error.revoked':
    'This link no longer works: the links of this map were renewed. Ask the map owner for a new link.',
  'error.notFound': 'This map does not exist (anymore) on the server.',
  'error.badRequest': 'The server refused the connection. Ask for a new link.',
  'error.tooBig': 'The map is too large for the server. Your changes stay saved on this device.',
  'error.invalidContent':
    'The server refused a change because it does not fit a KetenKaart map. Your changes stay saved on this device. Reload the page; if it keeps happening, contact the administrator.',
  'error.quarantined':
    'The server has set this map aside for a while because it became too heavy to process. Your changes stay saved on this device. Try again later or contact the administrator.',
  'error.rateLimited':
    'Too many messages were sent at once. Your changes stay saved on this device. Reload the page.',
  'error.invalidFromServer':
    'The server sent something that does not fit a KetenKaart map; it was not taken over and the connection was closed. Your map on this device stays as it was. Contact the administrator.',
  'error.localInvalid':
    'Part of this map on this device does not fit a KetenKaart map and was not loaded. The rest of the map works as usual; the stored part is not deleted.',
  'error.schemaNewer':
    'This map was made with a newer version of KetenKaart. You can view it but not edit it. Reload the page or ask your administrator to update KetenKaart.',
  'error.storage': 'Could not save the map on this device: {message}',
  'error.server': 'The server did not answer as expected ({status}). Try again later.',
  'error.network': 'No connection to the server. Try again when you are online.',
  'error.mapMissing': 'This map is not on this device.',
  'error.backHome': 'Back to My maps',
  'loading.map': 'Opening map…',
  'loading.firstSync': 'Fetching the map from the server for the first time…',
  'loading.firstSyncOffline': 'You are offline. The map will be fetched once you are connected.',
  'update.available': 'New version available — reload',
};
