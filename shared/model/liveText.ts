import * as Y from 'yjs';
import type { ElementWriter } from './elementWrites';
import { elementOf, type TextCollection, type TextFieldOf } from './layout';
import { sourceOf } from './origins';
import { MAX_TEXT } from './records/fieldValues';
import { applyTextDiff, storedText, textOf, writeTextField } from './textFields';
import type { ChangeSource } from './types';

/**
 * A text field bound to an input while someone types in it, as y-codemirror and y-prosemirror bind
 * an editor to a Y.Text. The input reports what it shows after each keystroke; the difference at
 * the caret goes into the field's Y.Text, so two people typing in one field at once each keep their
 * own words. Carets are kept as Yjs relative positions: an `anchor` is attached to the character
 * before it, so after a peer's edit it resolves to where its owner was typing, and a peer's anchor
 * (sent through awareness) shows where they are. Client code handles only this interface and the
 * anchors' JSON, never Yjs.
 */
export type TextFieldRef = {
  [C in TextCollection]: { readonly collection: C; readonly id: string; readonly field: TextFieldOf<C> };
}[TextCollection];

/** A caret position as JSON (a Yjs relative position), safe to send through awareness. */
export type CaretAnchor = Readonly<Record<string, unknown>>;

export interface LiveText {
  readonly ref: TextFieldRef;
  /** The field's text now. */
  read(): string;
  /**
   * The input now shows `next` after the user typed with the caret at `cursor` (the start of the
   * selection before the keystroke, or its end after it, whichever is smaller): writes the
   * difference, typed at the caret, as one local change.
   */
  type(next: string, cursor: number): void;
  /** An anchor at `index` that sticks to the character before it. */
  anchor(index: number): CaretAnchor | null;
  /** Where `anchor` stands now in this field, or null when it does not belong to this field. */
  resolve(anchor: unknown): number | null;
  /** Called after every transaction that changed this field (or removed its element), with its source. */
  subscribe(listener: (source: ChangeSource) => void): () => void;
}

/**
 * What a LiveText needs from the model: the element writer (the doc's layout and the activity feed)
 * and the model's local transaction, so each keystroke is a write like any other (undoable, refused
 * on a doc from a newer app).
 */
export interface LiveTextHost extends ElementWriter {
  transact(fn: () => void): void;
}

export function liveText(host: LiveTextHost, ref: TextFieldRef): LiveText {
  const { layout } = host;
  const element = () => elementOf(layout[ref.collection], ref.id);
  const text = () => {
    const e = element();
    return e ? storedText(e, ref.collection, ref.field) : undefined;
  };
  return {
    ref,
    read() {
      const e = element();
      // The parsers' bound, so the field reads alike through both.
      return e ? textOf(e, ref.collection, ref.field).slice(0, MAX_TEXT) : '';
    },
    type(next, cursor) {
      host.transact(() => {
        const e = element();
        if (!e) return;
        const t = storedText(e, ref.collection, ref.field);
        const wrote = t ? applyTextDiff(t, next, cursor) : writeTextField(e, ref.collection, ref.field, next);
        if (wrote) host.noteActivity('update', ref.collection, ref.id);
      });
    },
    anchor(index) {
      const t = text();
      if (!t) return null;
      const clamped = Math.max(0, Math.min(index, t.length));
      return Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(t, clamped, -1));
    },
    resolve(anchor) {
      const t = text();
      const rel = relativePositionFrom(anchor);
      if (!t || !rel) return null;
      const abs = Y.createAbsolutePositionFromRelativePosition(rel, layout.doc);
      return abs && abs.type === t ? abs.index : null;
    },
    subscribe(listener) {
      const handler = (tr: Y.Transaction) => {
        // Keyed by the abstract type; our handles are its subclasses.
        const changed = tr.changed as Map<unknown, Set<string | null>>;
        const e = element();
        const t = text();
        const touched =
          (t !== undefined && changed.has(t)) ||
          (e !== undefined && changed.get(e)?.has(ref.field) === true) ||
          changed.get(layout[ref.collection])?.has(ref.id) === true;
        if (touched) listener(sourceOf(tr));
      };
      layout.doc.on('afterTransaction', handler);
      return () => layout.doc.off('afterTransaction', handler);
    },
  };
}

/** A relative position from JSON a peer sent; null for anything that is not one. */
function relativePositionFrom(json: unknown): Y.RelativePosition | null {
  if (typeof json !== 'object' || json === null) return null;
  const { type, item, assoc } = json as { type?: unknown; item?: unknown; assoc?: unknown };
  const isId = (v: unknown) =>
    typeof v === 'object' &&
    v !== null &&
    Number.isSafeInteger((v as { client?: unknown }).client) &&
    Number.isSafeInteger((v as { clock?: unknown }).clock);
  if (!(item === undefined || item === null || isId(item))) return null;
  if (!(type === undefined || type === null || isId(type))) return null;
  if (!isId(item) && !isId(type)) return null;
  if (assoc !== undefined && typeof assoc !== 'number') return null;
  return Y.createRelativePositionFromJSON(json);
}
