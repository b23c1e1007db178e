import { randomId } from '../randomId';
import { storedElement, writeFields } from './elementFields';
import type { ElementWriter } from './elementWrites';
import { evenlySpacedOrders, orderBetween } from './fractionalOrder';
import { laneX } from './laneGeometry';
import { elementOf, elementsOf } from './layout';
import { readPhases } from './readElements';
import { newPhaseFields } from './records/phase';
import type { Phase } from './types';

/**
 * Lane writes, inside the caller's transaction. Lanes are ordered by fractional keys, so a move
 * writes one key and concurrent moves by two peers converge on one order.
 */

/** Adds a lane after `afterId` (null or omitted: at the end). */
export function addPhase(
  w: ElementWriter,
  label: string,
  opts: { afterId?: string | null; id?: string },
): string {
  const id = opts.id ?? randomId();
  const ordered = readPhases(w.layout);
  const afterIndex = opts.afterId ? ordered.findIndex((p) => p.id === opts.afterId) : ordered.length - 1;
  const order = orderAt(w, ordered, afterIndex + 1);
  w.layout.phases.set(id, storedElement('phases', newPhaseFields(label, order)));
  w.noteActivity('add', 'phases', id);
  return id;
}

export function renamePhase(w: ElementWriter, id: string, label: string): void {
  if (writeFields('phases', elementOf(w.layout.phases, id), { label }))
    w.noteActivity('update', 'phases', id);
}

/**
 * Moves a lane before `beforeId`; null moves it to the end.
 *
 * An actor keeps its phase when lanes are reordered, so its card moves with its lane: every actor
 * (and every note with that phase) is shifted by its lane's horizontal displacement, in the same
 * transaction as the new order key, so the reorder is one undo step and peers never see a lane
 * holding another lane's actors.
 */
export function movePhase(w: ElementWriter, id: string, beforeId: string | null): void {
  const element = elementOf(w.layout.phases, id);
  if (!element) return;
  const before = readPhases(w.layout);
  const others = before.filter((p) => p.id !== id);
  const index = beforeId === null ? others.length : others.findIndex((p) => p.id === beforeId);
  element.set('order', orderAt(w, others, index < 0 ? others.length : index));
  const after = readPhases(w.layout);
  const shift = new Map<string, number>();
  const oldIndex = new Map(before.map((p, i) => [p.id, i]));
  after.forEach((p, i) => {
    const was = oldIndex.get(p.id);
    if (was !== undefined && was !== i) shift.set(p.id, laneX(i) - laneX(was));
  });
  if (shift.size === 0) return;
  for (const root of [w.layout.actors, w.layout.notes]) {
    for (const [, fields] of elementsOf(root)) {
      const dx = shift.get(fields.get('phaseId') as string);
      // Anchored notes are drawn at their anchor, so only free ones carry a position to shift.
      if (dx === undefined || (root === w.layout.notes && fields.get('anchor'))) continue;
      const position = fields.get('position') as { x: number; y: number } | undefined;
      if (position && typeof position.x === 'number')
        fields.set('position', { x: position.x + dx, y: position.y });
    }
  }
}

/** Removing a lane never deletes actors: they and the lane's notes become phase-less. */
export function deletePhase(w: ElementWriter, id: string): void {
  for (const root of [w.layout.actors, w.layout.notes]) {
    for (const [, element] of elementsOf(root))
      if (element.get('phaseId') === id) element.set('phaseId', null);
  }
  w.noteActivity('delete', 'phases', id);
  w.layout.phases.delete(id);
}

/**
 * An order key that sorts at `index` among `ordered`. When concurrent inserts left two equal keys
 * at that spot, the lanes are re-keyed evenly first; the (order, id) sort keeps peers agreeing.
 */
function orderAt(w: ElementWriter, ordered: readonly Phase[], index: number): string {
  const lo = ordered[index - 1]?.order ?? null;
  const hi = ordered[index]?.order ?? null;
  const key = orderBetween(lo, hi);
  if (key !== null) return key;
  const fresh = evenlySpacedOrders(ordered.length + 1);
  ordered.forEach((p, i) => {
    elementOf(w.layout.phases, p.id)?.set('order', fresh[i < index ? i : i + 1]);
  });
  return fresh[index]!;
}
