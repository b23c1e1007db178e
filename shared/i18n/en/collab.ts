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
  'revoked.bannerTitle': 'The links of this map have been renewed: this link no longer works.',
  'revoked.banner':
    'You now see the map read-only. What you changed on this device is kept here. Ask the owner of the map for the new link and open it on this device: your changes will go along.',
  'loading.firstSyncUnreachable': 'The server is not reachable. The map is fetched as soon as it answers.',
  'home.shared.revoked': 'Link renewed · read-only',
  'blankMap.title': 'A blank map',
  'blankMap.hint': 'Start on the left: click or drag a service, partner or target group onto the map.',
  'blankMap.addPhases': 'Add the default phases',
  'shareBase.loopbackWarning':
    'You opened KetenKaart through localhost. A link with that address only works on this computer, not on the devices in the room.',
  'shareBase.pick': 'Make the links with this computer’s network address:',
  'shareBase.noAddresses':
    'The server found no network address. Open KetenKaart through the address others use, or ask your administrator to set PUBLIC_URL.',
  'shareQr.edit': 'QR code of the edit link',
  'shareQr.view': 'QR code of the view link',
  'join.show': 'Show “Join in” on a big screen',
  'join.title': 'Join in',
  'join.qrLabel': 'QR code to join {title}',
  'join.how': 'Scan the code with your phone or tablet, or open the link on your laptop.',
  'join.close': 'Close (Esc)',
};
