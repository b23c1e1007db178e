import { ACTOR_HEIGHT, ACTOR_WIDTH } from '../../../../../shared/model/laneGeometry';
import type { ChainMapState } from '../../../../../shared/model/types';
import { actorOrder, linkOrder } from '../../../a11y/chainOrder';

/**
 * Keyboard focus on the canvas, in the chain's order. React Flow puts its edges before its nodes
 * in the DOM, so the browser's Tab order reaches links first (xyflow#5189), and it renders only the
 * cards in view, so Tab cannot reach the rest. The keyboard layer takes Tab over inside the
 * canvas: actors lane by lane (see `chainOrder`), then free notes, then links, each brought into
 * view before it is focused.
 */

const ELEMENT_SELECTOR = '.react-flow__node-actor, .react-flow__node-note, .react-flow__edge';

/** The ids Tab goes through on the canvas, in order: actors, free notes, links. */
export function canvasOrder(state: ChainMapState): string[] {
  const actors = actorOrder(state);
  const notes = state.notes
    .filter((n) => n.anchor === null)
    .sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y || (a.id < b.id ? -1 : 1))
    .map((n) => n.id);
  return [...actors, ...notes, ...linkOrder(state, actors).map((l) => l.id)];
}

/** The canvas element (card or link) `el` is or lies in, with its id; null elsewhere. */
export function canvasElementOf(el: Element | null): { id: string; el: HTMLElement } | null {
  const found = el?.closest<HTMLElement>(ELEMENT_SELECTOR);
  const id = found?.dataset.id;
  return found && id ? { id, el: found } : null;
}

function elementFor(id: string): HTMLElement | null {
  const escaped = CSS.escape(id);
  return document.querySelector<HTMLElement>(
    `.react-flow__node[data-id="${escaped}"], .react-flow__edge[data-id="${escaped}"]`,
  );
}

/** Where to centre the view to show `id`: a card's centre, a link's source card. */
function centreOf(state: ChainMapState, id: string): { x: number; y: number } | null {
  const link = state.links.find((l) => l.id === id);
  const actorId = link ? link.source : id;
  const actor = state.actors.find((a) => a.id === actorId);
  if (actor) return { x: actor.position.x + ACTOR_WIDTH / 2, y: actor.position.y + ACTOR_HEIGHT / 2 };
  const note = state.notes.find((n) => n.id === id);
  return note ? { x: note.position.x + 90, y: note.position.y + 40 } : null;
}

/**
 * Focuses a card or link; one that is not drawn (out of view) is brought into view first and
 * focused once React Flow has drawn it. Resolves true when focused.
 */
export async function focusCanvasElement(
  id: string,
  state: ChainMapState,
  setCenter: (x: number, y: number) => unknown,
): Promise<boolean> {
  const now = elementFor(id);
  if (now) {
    now.focus();
    return true;
  }
  const centre = centreOf(state, id);
  if (!centre) return false;
  await setCenter(centre.x, centre.y);
  for (let frame = 0; frame < 60; frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const el = elementFor(id);
    if (el) {
      el.focus();
      return true;
    }
  }
  return false;
}

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

/** Every element Tab stops at, in document order (visible, tabindex not negative). */
function tabbables(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && el.offsetParent !== null && !el.closest('[inert]'),
  );
}

/** Focuses the first Tab stop before (-1) or after (1) `root`, as leaving it by Tab would. */
export function focusOutside(root: Element, direction: 1 | -1): void {
  const all = tabbables();
  const outside =
    direction === 1
      ? all.find(
          (el) => !root.contains(el) && root.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
        )
      : all.findLast(
          (el) => !root.contains(el) && root.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING,
        );
  outside?.focus();
}
