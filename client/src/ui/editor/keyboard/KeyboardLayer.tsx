import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CanvasStore } from '../../../canvas/CanvasStore';
import { addNoteToSelection } from '../../../canvas/canvasCommands';
import type { LinkChoice } from '../../../canvas/linkChoice';
import type { MapSession } from '../../../session/MapSession';
import { ConnectDialog } from './ConnectDialog';
import { canvasElementOf, focusCanvasElement } from './canvasFocus';
import { PhaseDialog } from './PhaseDialog';
import { RemoteAnnouncer } from './RemoteAnnouncer';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useCanvasKeyboard } from './useCanvasKeyboard';

type Open = { type: 'connect' | 'phase'; id: string } | { type: 'help' } | null;

/** Waits two frames: React has committed and React Flow has drawn. */
const afterPaint = (fn: () => void) => requestAnimationFrame(() => requestAnimationFrame(fn));

/**
 * Everything a keyboard user needs beyond the controls themselves: the canvas's keys
 * (`useCanvasKeyboard`), the dialogs they open (Verbinden met…, the phase, Sneltoetsen), focus
 * that stays on the card being worked on (after naming it, after a dialog that moved it), and the
 * live region for other people's changes.
 */
export function KeyboardLayer({
  store,
  session,
  canvas,
  linkChoice,
  editingId,
  onRename,
  onAddActor,
  onOpenInspector,
  helpRequest,
}: {
  store: CanvasStore;
  session: MapSession;
  /** The canvas is on screen (not the list, the plan or a dialog of its own). */
  canvas: boolean;
  linkChoice: LinkChoice;
  /** The card whose inline name editor is open. */
  editingId: string | null;
  onRename: (id: string) => void;
  onAddActor: () => void;
  /** Brings the inspector tab up (the side panel unfolded). */
  onOpenInspector: () => void;
  /** The shortcuts dialog was asked for elsewhere (a button); a new value opens it. */
  helpRequest: number;
}) {
  const { setCenter, getZoom } = useReactFlow();
  const [open, setOpen] = useState<Open>(null);
  const centre = useCallback(
    (x: number, y: number) => setCenter(x, y, { zoom: getZoom() }),
    [setCenter, getZoom],
  );
  const focusAt = useCallback(
    (id: string) => void focusCanvasElement(id, store.getState(), centre),
    [store, centre],
  );
  /**
   * Once React Flow has drawn, focuses `id` if the focus was lost (it is on the page's body: the
   * card was redrawn or went out of view). A focus that is anywhere else stays: frames come late
   * under load, and by then a keyboard user may have moved on (Tab to the next link), which taking
   * the focus back to the card would undo.
   */
  const refocusIfLost = useCallback(
    (id: string) =>
      afterPaint(() => {
        if (!document.activeElement || document.activeElement === document.body) focusAt(id);
      }),
    [focusAt],
  );
  useEffect(() => {
    if (helpRequest > 0) setOpen({ type: 'help' });
  }, [helpRequest]);

  // A card's name editor closed (named, cancelled): focus back on the card, not the page.
  const wasEditing = useRef<string | null>(null);
  useEffect(() => {
    const id = wasEditing.current;
    wasEditing.current = editingId;
    if (editingId !== null || id === null) return;
    refocusIfLost(id);
  }, [editingId, refocusIfLost]);

  // Escape in the side panel (the inspector opened by I or N) goes back to the card last worked on.
  useEffect(() => {
    let last: string | null = null;
    const onFocusIn = (e: FocusEvent) => {
      const on = canvasElementOf(e.target as Element);
      if (on) last = on.id;
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !last) return;
      if (!(e.target as Element | null)?.closest?.('.kk-sidepanel')) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      focusAt(last);
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [focusAt]);

  /**
   * Focuses a field of the inspector once it shows `id`: the inspector renders the selection as a
   * deferred value, so for a frame or more it may still show the previous element, whose field
   * would take the focus and then unmount under it. Gives up after about a second.
   */
  const focusInspector = useCallback((selector: string, id: string) => {
    let frames = 0;
    const attempt = () => {
      const field = document.querySelector<HTMLElement>(
        `.kk-inspector[data-shows="${CSS.escape(id)}"] ${selector}`,
      );
      if (field) field.focus();
      else if (frames++ < 60) requestAnimationFrame(attempt);
    };
    afterPaint(attempt);
  }, []);

  const commands = useMemo(
    () => ({
      connect: (id: string) => setOpen({ type: 'connect', id }),
      phase: (id: string) => setOpen({ type: 'phase', id }),
      inspect: (id: string) => {
        store.setSelected([id]);
        onOpenInspector();
        focusInspector('input, select, textarea', id);
      },
      note: (id: string) => {
        store.setSelected([id]);
        const noteId = addNoteToSelection(store, 'gap', { x: 0, y: 0 });
        if (!noteId) return;
        onOpenInspector();
        focusInspector('textarea', noteId);
      },
      rename: onRename,
      addActor: onAddActor,
      help: () => setOpen({ type: 'help' }),
      stopCapturing: () => session.undoManager.stopCapturing(),
    }),
    [store, session, onRename, onAddActor, onOpenInspector, focusInspector],
  );
  useCanvasKeyboard(store, commands, centre, { canvas: canvas && open === null, edit: !store.readOnly });

  const closeOn = (id: string) => {
    setOpen(null);
    // The dialog gives the focus back to the card; if the card moved out of view (a new phase) and
    // so lost it, bring the card back and focus it.
    refocusIfLost(id);
  };
  return (
    <>
      <RemoteAnnouncer model={session.model} />
      {open?.type === 'help' && <ShortcutsDialog onClose={() => setOpen(null)} />}
      {open?.type === 'connect' && (
        <ConnectDialog
          store={store}
          sourceId={open.id}
          initialChoice={linkChoice}
          onClose={() => closeOn(open.id)}
        />
      )}
      {open?.type === 'phase' && (
        <PhaseDialog store={store} actorId={open.id} onClose={() => closeOn(open.id)} />
      )}
    </>
  );
}
