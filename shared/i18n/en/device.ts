import type { Translation } from '../catalogue';
import type { device as nl } from '../nl/device';

/** English: what the app says about this device's storage. */
export const device: Translation<typeof nl> = {
  storageRefusedTitle: 'Your browser does not promise to keep your maps.',
  storageRefusedLocal:
    'It may delete maps that exist only on this device when the disk runs full. Share the map: the server then keeps a copy.',
  storageRefusedShared:
    'This map is shared, so the server keeps a copy. Changes you make offline exist only on this device until you are back online.',
  shareMap: 'Keep a copy on the server',
  understood: 'Understood',
};
