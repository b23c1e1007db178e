import { useEffect, useRef } from 'react';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import { canvasElementOf, canvasOrder, focusCanvasElement, focusOutside } from './canvasFocus';

/** What the canvas's keyboard commands open or do; the editor supplies them. */
export interface CanvasKeyCommands {
  /** "Verbinden met…" from this actor. */
  connect(actorId: string): void;
  /** Change this actor's phase. */
  phase(actorId: string): void;
  /** Select the element and bring its inspector up, focus in its first field. */
  inspect(id: string): void;
  /** A gap note on this actor or link. */
  note(id: string): void;
  /** The inline name editor of this card. */
  rename(id: string): void;
  /** A new service, named in place. */
  addActor(): void;
  /** The shortcuts dialog. */
  help(): void;
  /** Ends the current undo step, so the next move is a step of its own. */
  stopCapturing(): void;
}

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

const renderer = () => document.querySelector('.kk-canvas .react-flow__renderer');

/**
 * The canvas by keyboard: Tab in the chain's order (see `canvasFocus`), and single-key commands on
 * the focused card or link (C connect, F phase, I inspector, N note, F2 rename; A adds an actor,
 * ? shows the shortcuts). Arrow keys stay React Flow's (they move the selected cards), but each
 * press first closes the undo step, so every move is one step. After a delete, focus goes to the
 * next element in the chain instead of the page.
 */
export function useCanvasKeyboard(
  store: CanvasStore,
  commands: CanvasKeyCommands,
  setCenter: (x: number, y: number) => unknown,
  enabled: { canvas: boolean; edit: boolean },
): void {
  const ref = useRef(commands);
  ref.current = commands;
  const { canvas, edit } = enabled;
  useEffect(() => {
    let tabbing: { back: boolean } | null = null;
    const focusAt = (id: string) => void focusCanvasElement(id, store.getState(), setCenter);

    const onKeyDown = (e: KeyboardEvent) => {
      if (document.querySelector('[aria-modal="true"]')) return;
      const c = ref.current;
      const on = canvas ? canvasElementOf(document.activeElement) : null;
      if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        tabbing = { back: e.shiftKey };
        setTimeout(() => {
          tabbing = null;
        }, 0);
        if (!on) return;
        e.preventDefault();
        const order = canvasOrder(store.getState());
        const next = order.indexOf(on.id) + (e.shiftKey ? -1 : 1);
        const root = renderer();
        if (next >= 0 && next < order.length && order.indexOf(on.id) >= 0) focusAt(order[next]!);
        else if (root) focusOutside(root, e.shiftKey ? -1 : 1);
        return;
      }
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '?') {
        e.preventDefault();
        c.help();
        return;
      }
      if (!edit || !canvas) return;
      if (ARROWS.has(e.key) && on && store.getView().selected.has(on.id)) {
        c.stopCapturing();
        return;
      }
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (key === 'a') {
        e.preventDefault();
        c.addActor();
        return;
      }
      if (!on) return;
      const isActor = on.el.classList.contains('react-flow__node-actor');
      const isNote = on.el.classList.contains('react-flow__node-note');
      const run = (fn: () => void) => {
        e.preventDefault();
        e.stopPropagation();
        fn();
      };
      if (key === 'c' && isActor) run(() => c.connect(on.id));
      else if (key === 'f' && isActor) run(() => c.phase(on.id));
      else if (key === 'i') run(() => c.inspect(on.id));
      else if (key === 'n' && !isNote) run(() => c.note(on.id));
      else if (key === 'F2' && (isActor || isNote)) run(() => c.rename(on.id));
      else if (key === 'Delete' || key === 'Backspace') {
        // React Flow deletes the selection on this key; afterwards, focus the next in the chain.
        const before = canvasOrder(store.getState());
        const index = before.indexOf(on.id);
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            if (document.activeElement && document.activeElement !== document.body) return;
            const after = canvasOrder(store.getState());
            const id =
              before.slice(index).find((x) => after.includes(x)) ?? after[Math.min(index, after.length - 1)];
            if (id) focusAt(id);
          }),
        );
      }
    };

    // Entering the canvas by Tab lands on whatever React Flow put first in the DOM (a link): go to
    // the chain's first actor instead (its last element when coming back with Shift+Tab).
    const onFocusIn = (e: FocusEvent) => {
      if (!canvas || !tabbing) return;
      const on = canvasElementOf(e.target as Element);
      const root = renderer();
      if (!on || !root || (e.relatedTarget instanceof Node && root.contains(e.relatedTarget))) return;
      const order = canvasOrder(store.getState());
      const id = tabbing.back ? order.at(-1) : order[0];
      if (id && id !== on.id) focusAt(id);
    };

    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [store, setCenter, canvas, edit]);
}
