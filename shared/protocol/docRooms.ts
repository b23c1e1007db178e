import { ID_PATTERN } from './syncProtocol';

/**
 * The rooms of one map. A map has two documents, each synced on its own room of the sync socket:
 * - the map doc, room `<mapId>` (`/sync/<mapId>?key=…`);
 * - its conversation doc (comments), room `<mapId>/conversation` (`/sync/<mapId>/conversation?key=…`).
 *
 * The room name is also the document's id in storage, on the server and on the device. `/` is not
 * in `ID_PATTERN`, so no map id can ever name a conversation doc.
 */
export type DocKind = 'map' | 'conversation';

export const CONVERSATION_ROOM_SUFFIX = '/conversation';

export interface DocRoom {
  readonly mapId: string;
  readonly kind: DocKind;
}

/** The room (and storage id) of a map's conversation doc. */
export function conversationDocId(mapId: string): string {
  return `${mapId}${CONVERSATION_ROOM_SUFFIX}`;
}

/** Reads a room name back into its map and kind; null when it names neither. */
export function parseDocRoom(room: string): DocRoom | null {
  const kind: DocKind = room.endsWith(CONVERSATION_ROOM_SUFFIX) ? 'conversation' : 'map';
  const mapId = kind === 'map' ? room : room.slice(0, -CONVERSATION_ROOM_SUFFIX.length);
  return ID_PATTERN.test(mapId) ? { mapId, kind } : null;
}
