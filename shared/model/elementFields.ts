import { type ElementFields, isTextField, newElement, type RootName } from './layout';
import { textOf, writeTextField } from './textFields';

/**
 * Writing an element's fields. Stored values are plain JSON (or binary), copied on the way in, and
 * a field is written only when its value changed, so an unchanged field never creates an update
 * and a restore of an unchanged element costs nothing. Declared text fields take the smallest edit
 * from the stored text to the new value (`textFields.ts`).
 */

/** A new element map of `root` holding copies of `fields`. */
export function storedElement(root: RootName, fields: Readonly<Record<string, unknown>>): ElementFields {
  const stored: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) stored[key] = toStored(value);
  return newElement(root, stored);
}

/** Writes only the fields that changed; true when something was written. */
export function writeFields(
  root: RootName,
  element: ElementFields | undefined,
  patch: Readonly<Record<string, unknown>>,
): boolean {
  if (!element) return false;
  let changed = false;
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id' || value === undefined) continue;
    if (isTextField(root, key) && typeof value === 'string') {
      if (writeTextField(element, root, key, value)) changed = true;
      continue;
    }
    const stored = toStored(value);
    if (!sameStored(element.get(key), stored)) {
      element.set(key, stored);
      changed = true;
    }
  }
  return changed;
}

/** A field's value as the model reads it (a text field as its string), for writes that read first. */
export function fieldValue(root: RootName, element: ElementFields | undefined, key: string): unknown {
  if (!element) return undefined;
  return isTextField(root, key) ? textOf(element, root, key) : element.get(key);
}

/** Stored values are plain JSON: frozen readonly arrays and objects are copied. */
export function toStored(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toStored);
  if (value instanceof Uint8Array) return value;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toStored(v)]));
  }
  return value;
}

function sameStored(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
