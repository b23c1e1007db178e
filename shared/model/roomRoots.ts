import { parseDocRoom } from '../protocol/docRooms';
import { CONVERSATION_ROOTS, DOC_ROOTS, type RootsDeclaration } from './layout';

/**
 * The roots the doc of a room may hold, for the shape checks on the server and in the browser: a
 * conversation room's doc holds `CONVERSATION_ROOTS`, every other room's is a map (`DOC_ROOTS`).
 */
export function rootsOfRoom(room: string): RootsDeclaration {
  return parseDocRoom(room)?.kind === 'conversation' ? CONVERSATION_ROOTS : DOC_ROOTS;
}
