import type { Room } from '../Room';
import { ContentRefused } from '../RoomCall';
import { JoinRefused, type RoomRegistry } from '../RoomRegistry';
import type { MapContent } from './interchangeApi';

/** The API's reads and writes through the maps' rooms, each loaded first when not in memory. */
export function roomContent(rooms: RoomRegistry): MapContent {
  return {
    read: (mapId) => inRoom(rooms, mapId, (room) => room.read()),
    write: (mapId, update) => inRoom(rooms, mapId, (room) => room.write(update)),
  };
}

async function inRoom<T>(rooms: RoomRegistry, mapId: string, use: (room: Room) => Promise<T>): Promise<T> {
  try {
    return await rooms.withRoom(mapId, use);
  } catch (err) {
    // Quarantined, or the memory budget of open maps reached: the answer a join would get.
    if (err instanceof JoinRefused) throw new ContentRefused('busy', err.message);
    throw err;
  }
}
