import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';
import * as Y from 'yjs';
import { compareIds } from './compareIds';
import { type DocLayout, ELEMENT_COLLECTIONS, type ElementFields, elementsOf, textFieldsOf } from './layout';
import { wellFormed } from './wellFormed';

/**
 * Schema 2: every declared text field (`DOC_ROOTS[…].text`) of every element becomes a Y.Text
 * holding the string it held ('' when it held none).
 *
 * The hard part is peers migrating at once. Replacing a map key is last-writer-wins: if two peers
 * each wrote their own Y.Text into `label` and one of them then typed into theirs before the other's
 * migration arrived, that typing would vanish with the losing Y.Text. So the conversion is written
 * to produce *the same structs on every peer* that starts from the same stored value: each element
 * is converted by a client id derived from what its conversion depends on (the element's own item
 * and the item each text field currently holds, with its deleted state), at clock 0. Two peers
 * converting the same stored element write byte-identical items, which Yjs integrates once; both
 * peers' later typing lands in one shared Y.Text. Peers whose stored values differ (a field edited
 * on one of them and not yet synced) derive different ids and resolve as two concurrent writes to
 * one field always do: one value wins.
 *
 * Derived ids lie in [2^32, 2^32 + 2^48): Yjs draws real client ids from 32 bits, so a derived id
 * never collides with a participant's, and Yjs' encodings carry ids up to 2^53
 * (`textFieldMigration.test.ts` round-trips them through every encoding the app uses). A derived
 * id already present in the doc (a hash collision, never expected) falls back to the doc's own
 * client, which is always safe and only loses the sharing.
 *
 * The doc's client id is switched per element inside the migration's transaction (Yjs takes it when
 * it creates an item) and restored before the transaction ends, so observers, the update event and
 * every later write see the peer's own id; the migration stays one local transaction with
 * MIGRATION_ORIGIN, off every undo stack.
 */

const DERIVED_ID_BASE = 2 ** 32;
/** Bumped only if the conversion itself changes, so a new conversion never reuses an old id. */
const CONVERSION = 'ketenkaart/text-fields/2';

export function convertTextFields(layout: DocLayout): void {
  const { doc } = layout;
  const own = doc.clientID;
  try {
    for (const conversion of elementsToConvert(layout)) {
      // A derived id already in the doc (a hash collision, never expected) would reuse its clocks.
      doc.clientID = doc.store.clients.has(conversion.clientId) ? own : conversion.clientId;
      convertElement(conversion.element, textFieldsOf(conversion.collection));
    }
  } finally {
    doc.clientID = own;
  }
}

interface Conversion {
  readonly collection: (typeof ELEMENT_COLLECTIONS)[number];
  readonly id: string;
  readonly element: ElementFields;
  readonly clientId: number;
}

/** Elements with a declared text field that does not hold a Y.Text, in a peer-independent order. */
function elementsToConvert(layout: DocLayout): Conversion[] {
  const out: Conversion[] = [];
  for (const collection of ELEMENT_COLLECTIONS) {
    const fields = textFieldsOf(collection);
    if (fields.length === 0) continue;
    const elements = [...elementsOf(layout[collection])].sort(([a], [b]) => compareIds(a, b));
    for (const [id, element] of elements) {
      if (fields.every((f) => element.get(f) instanceof Y.Text)) continue;
      out.push({ collection, id, element, clientId: derivedClientId(conversionKey(element, fields)) });
    }
  }
  return out;
}

/** Everything the element's conversion depends on; equal keys give identical structs. */
function conversionKey(element: ElementFields, fields: readonly string[]): string {
  const parts = [CONVERSION, itemKey(element._item)];
  for (const field of fields) parts.push(`${field}=${itemKey(element._map.get(field))}`);
  return parts.join('|');
}

function itemKey(item: Y.Item | null | undefined): string {
  if (!item) return '-';
  return `${item.id.client}.${item.id.clock}${item.deleted ? 'd' : ''}`;
}

function derivedClientId(key: string): number {
  const hash = digest(encodeUtf8(key));
  let n = 0;
  for (let i = 0; i < 6; i++) n = n * 256 + hash[i]!;
  return DERIVED_ID_BASE + n;
}

function convertElement(element: Y.Map<unknown>, fields: readonly string[]): void {
  for (const field of fields) {
    const value = element.get(field);
    if (value instanceof Y.Text) continue;
    element.set(field, new Y.Text(typeof value === 'string' ? wellFormed(value) : ''));
  }
}
