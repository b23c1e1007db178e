import type { CaretAnchor, LiveText } from '../../../shared/model/liveText';

/** What a bound input needs from the map's undo history. */
export interface TextUndo {
  undo(): void;
  redo(): void;
  stopCapturing(): void;
  /** Makes the next write join the last step however late it comes. */
  continueStep?(): void;
}

export interface TextInputBindingOptions {
  /** Ctrl+Z / Ctrl+Y in the input: the map's undo, which covers this field's typing bursts. */
  readonly undo?: TextUndo;
  /** Whether focusing the input ends the current undo step (default true). */
  readonly newUndoStepOnFocus?: boolean;
  /** Every write joins the last undo step (naming an element just added: one step with adding it). */
  readonly joinLastStep?: boolean;
  /** The caret while the input has focus (anchor, head), null when it loses it: for presence. */
  onCaret?(caret: { anchor: CaretAnchor; head: CaretAnchor } | null): void;
}

type TextInput = HTMLInputElement | HTMLTextAreaElement;

/**
 * Binds an `<input>` or `<textarea>` to a text field, as y-codemirror binds CodeMirror to a Y.Text:
 *
 * - every `input` event writes the difference between the model's text and the input's value,
 *   typed at the caret (the smaller of the selection start before the keystroke and the caret after
 *   it, so "a" typed into "aa" lands where it was typed);
 * - the selection is kept as two anchors (relative positions), refreshed on every selection change;
 *   when anyone else changes the field (a peer, undo, another input bound to it) the input takes the
 *   new text and the selection is put back where its anchors now resolve, so the caret stays with
 *   what its owner was typing instead of jumping by the length of a peer's edit;
 * - while an IME composition runs, outside changes wait until it ends (writing the input's value
 *   then would break the composition);
 * - Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y and the browser's own undo (`historyUndo`) go to the map's undo
 *   history: the browser's per-input history would fight the model's; focusing the input ends the
 *   current undo step (unless told not to), so typing in another field starts a new one.
 *
 * Returns the function that unbinds. The input must be uncontrolled (React's `defaultValue`).
 */
export function bindTextInput(
  el: TextInput,
  text: LiveText,
  options: TextInputBindingOptions = {},
): () => void {
  let anchor: CaretAnchor | null = null;
  let head: CaretAnchor | null = null;
  let selectionStart = 0;
  let writing = false;
  let composing = false;
  let outsideChangeWaiting = false;

  const focused = () => el.ownerDocument.activeElement === el;

  /** Keeps the selection as anchors in the model's current text. */
  const rememberSelection = () => {
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? start;
    const backward = el.selectionDirection === 'backward';
    selectionStart = start;
    anchor = text.anchor(backward ? end : start);
    head = text.anchor(backward ? start : end);
    if (focused() && anchor && head) options.onCaret?.({ anchor, head });
  };

  /** Shows the model's text, the selection put back where its anchors resolve now. */
  const showModelText = () => {
    const value = text.read();
    if (value === el.value) return;
    const a = anchor ? text.resolve(anchor) : null;
    const h = head ? text.resolve(head) : null;
    el.value = value;
    if (!focused()) return;
    const from = Math.min(a ?? value.length, value.length);
    const to = Math.min(h ?? from, value.length);
    el.setSelectionRange(Math.min(from, to), Math.max(from, to), to < from ? 'backward' : 'forward');
    rememberSelection();
  };

  const onInput = () => {
    if (composing) return;
    const next = el.value;
    const caret = el.selectionStart ?? next.length;
    writing = true;
    if (options.joinLastStep) options.undo?.continueStep?.();
    try {
      text.type(next, Math.min(selectionStart, caret));
    } finally {
      writing = false;
    }
    // The model stores well-formed text within its bounds; show exactly what it kept.
    if (text.read() !== el.value) showModelText();
    rememberSelection();
  };

  const onOutsideChange = () => {
    if (writing) return;
    if (composing) {
      outsideChangeWaiting = true;
      return;
    }
    showModelText();
  };

  const onCompositionStart = () => {
    composing = true;
  };
  const onCompositionEnd = () => {
    composing = false;
    onInput();
    if (outsideChangeWaiting) {
      outsideChangeWaiting = false;
      showModelText();
    }
  };

  const onKeyDown = (e: Event) => {
    const key = e as KeyboardEvent;
    const undo = options.undo;
    if (!undo || !(key.ctrlKey || key.metaKey)) return;
    const k = key.key.toLowerCase();
    if (k === 'z' || k === 'y') {
      key.preventDefault();
      if (k === 'y' || key.shiftKey) undo.redo();
      else undo.undo();
    }
  };

  const onBeforeInput = (e: Event) => {
    const type = (e as InputEvent).inputType;
    if (type !== 'historyUndo' && type !== 'historyRedo') {
      selectionStart = el.selectionStart ?? selectionStart;
      return;
    }
    if (!options.undo) return;
    e.preventDefault();
    if (type === 'historyUndo') options.undo.undo();
    else options.undo.redo();
  };

  const onFocus = () => {
    if (options.newUndoStepOnFocus !== false) options.undo?.stopCapturing();
    rememberSelection();
  };
  const onBlur = () => options.onCaret?.(null);
  const onSelectionChange = () => {
    if (focused() && !composing) rememberSelection();
  };

  el.value = text.read();
  rememberSelection();
  const unsubscribe = text.subscribe(onOutsideChange);
  const doc = el.ownerDocument;
  el.addEventListener('input', onInput);
  el.addEventListener('compositionstart', onCompositionStart);
  el.addEventListener('compositionend', onCompositionEnd);
  el.addEventListener('keydown', onKeyDown);
  el.addEventListener('beforeinput', onBeforeInput);
  el.addEventListener('focus', onFocus);
  el.addEventListener('blur', onBlur);
  doc.addEventListener('selectionchange', onSelectionChange);
  el.addEventListener('selectionchange', onSelectionChange);
  el.addEventListener('select', onSelectionChange);
  el.addEventListener('keyup', onSelectionChange);
  el.addEventListener('mouseup', onSelectionChange);
  if (focused()) onFocus();
  return () => {
    unsubscribe();
    el.removeEventListener('input', onInput);
    el.removeEventListener('compositionstart', onCompositionStart);
    el.removeEventListener('compositionend', onCompositionEnd);
    el.removeEventListener('keydown', onKeyDown);
    el.removeEventListener('beforeinput', onBeforeInput);
    el.removeEventListener('focus', onFocus);
    el.removeEventListener('blur', onBlur);
    doc.removeEventListener('selectionchange', onSelectionChange);
    el.removeEventListener('selectionchange', onSelectionChange);
    el.removeEventListener('select', onSelectionChange);
    el.removeEventListener('keyup', onSelectionChange);
    el.removeEventListener('mouseup', onSelectionChange);
    if (focused()) options.onCaret?.(null);
  };
}
