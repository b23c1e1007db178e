import type { MapRecord } from '../persistence/LocalMapStore';

/** The key this device connects with: the key of the link it joined with (or created). */
export function activeKey(record: MapRecord): string | undefined {
  if (record.shared === 'edit') return record.editKey;
  if (record.shared === 'participate') return record.participateKey;
  if (record.shared === 'view') return record.viewKey;
  return undefined;
}

/** Whether the server told this device that its link was renewed (and it has no newer one). */
export function isLinkRevoked(record: MapRecord): boolean {
  const key = activeKey(record);
  return key !== undefined && record.revokedKey === key;
}
