import { simpleDiffString, simpleDiffStringWithCursor } from 'lib0/diff';
import * as Y from 'yjs';
import { type ElementFields, isTextField, type RootName } from './layout';
import { wellFormed } from './wellFormed';

/**
 * The stored form of the text fields `layout.ts` declares: a Y.Text per field, read as a plain
 * string. Everything outside the model sees strings; this module alone turns one into the other.
 *
 * A write of a whole value (rename, restore, paste, import, `updateActor({ label })`) applies the
 * smallest edit that turns the stored text into the new value (common prefix and suffix kept), so a
 * concurrent edit elsewhere in the same field survives and an unchanged value writes nothing. A
 * field that does not hold a Y.Text (written by an older app, or by a hostile peer) is replaced by
 * one holding the new value. Text is stored well-formed (no lone surrogates; see `wellFormed`).
 */

/** A stored field's value as readers see it: a text field's Y.Text as its string. */
export function readStoredField(root: RootName, field: string, value: unknown): unknown {
  return value instanceof Y.Text && isTextField(root, field) ? value.toString() : value;
}

/** An element's fields copied out of its map, text fields as strings. */
export function plainFields(root: RootName, element: ElementFields): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of element.entries()) fields[key] = readStoredField(root, key, value);
  return fields;
}

/** The Y.Text of a declared text field, or undefined when the field holds something else. */
export function storedText(element: ElementFields, root: RootName, field: string): Y.Text | undefined {
  const value = element.get(field);
  return value instanceof Y.Text && isTextField(root, field) ? value : undefined;
}

/** The string a text field reads as ('' when it holds no text). */
export function textOf(element: ElementFields, root: RootName, field: string): string {
  const text = storedText(element, root, field);
  if (text) return text.toString();
  const value = element.get(field);
  return typeof value === 'string' ? value : '';
}

/**
 * Applies the smallest edit from the stored text to `next` (one delete and one insert at most).
 * `cursor`, when given, is where the user's caret was: among equal edits (typing "a" into "aa")
 * the one at the caret is chosen, so the characters land where the user typed them.
 */
export function applyTextDiff(text: Y.Text, value: string, cursor?: number): boolean {
  const current = text.toString();
  const next = wellFormed(value);
  if (current === next) return false;
  const diff =
    cursor === undefined
      ? simpleDiffString(current, next)
      : simpleDiffStringWithCursor(current, next, cursor);
  if (diff.remove > 0) text.delete(diff.index, diff.remove);
  if (diff.insert.length > 0) text.insert(diff.index, diff.insert);
  return true;
}

/** Writes a whole value into a declared text field; true when something was written. */
export function writeTextField(element: ElementFields, root: RootName, field: string, next: string): boolean {
  const text = storedText(element, root, field);
  if (text) return applyTextDiff(text, next);
  element.set(field, new Y.Text(wellFormed(next)));
  return true;
}
