import * as Y from 'yjs';
import type { ElementCollection } from './types';
import { wellFormed } from './wellFormed';

/**
 * The layout of a KetenKaart Y.Doc: the one place that names its root types, creates them and says
 * what they hold. The model reads and writes through the `DocLayout` handle below; the server and
 * the client's network boundary use the same `DOC_ROOTS` declaration to refuse updates that no
 * KetenKaart client produces. No other module calls `getMap`/`getArray` on a doc or spells a root's
 * name (a boundary test enforces it).
 *
 * Every root is a top-level Y.Map created by name, never nested lazily per client, so two peers that
 * start at once share one type instead of overwriting each other (yjs#483). Root names are a wire
 * format: renaming one orphans every stored doc, so a new layout adds roots and migrates.
 *
 * - `value` roots map a key to a plain JSON value (meta fields, dismissals, activity entries).
 * - `record` roots map an element id to its own Y.Map of fields, so concurrent edits to different
 *   fields merge and a move writes only `position`. Field values are JSON primitives, arrays, small
 *   plain objects, or binary (a version's snapshot).
 * - A record root's `text` fields hold a Y.Text instead (schema 2): the prose people type together
 *   (names, descriptions, a note's text), so two people typing in one field merge character by
 *   character. Every element of the root has each of them from its creation, so nobody's first
 *   keystroke creates the type (two peers creating it at once would each write their own, and
 *   one of them would lose their typing). Readers see plain strings (`textFields.ts`).
 */
export type RootEntries = 'value' | 'record';

export interface RootSpec {
  readonly entries: RootEntries;
  /** Fields of a record root's elements stored as collaborative text (Y.Text holding strings only). */
  readonly text?: readonly string[];
  /**
   * Written by edit links only, in a doc that participate links write too: the server refuses a
   * participate link's update that touches the root (`docShapeWriters.ts`). A view link writes nothing.
   */
  readonly editOnly?: true;
}

export const DOC_ROOTS = {
  meta: { entries: 'value' },
  actors: { entries: 'record', text: ['label', 'description', 'needs'] },
  links: { entries: 'record', text: ['label', 'description'] },
  notes: { entries: 'record', text: ['text'] },
  phases: { entries: 'record' },
  dismissals: { entries: 'value' },
  versions: { entries: 'record' },
  activityLog: { entries: 'value' },
} as const satisfies Readonly<Record<string, RootSpec>>;

export type RootName = keyof typeof DOC_ROOTS;

/** A kind of doc's roots: a map's `DOC_ROOTS`, or its conversation's `CONVERSATION_ROOTS`. */
export type RootsDeclaration = Readonly<Record<string, RootSpec>>;

/**
 * The roots of a map's **conversation doc**: a second Y.Doc per map, synced on its own room
 * (`/sync/<mapId>/conversation`) and stored on its own, which edit and participate keys may write
 * and view keys only read. What a participant may change lives here, never in the map doc, so the
 * server can refuse every participant write to the map doc wholesale.
 * - `threads`: one Y.Map per comment thread (its anchor, its author, resolved or not).
 * - `comments`: one Y.Map per comment (its thread, author, text, times). The text is a plain value:
 *   a comment is written and edited by its author alone, so there is nothing to merge inside it.
 * - `werkvorm`: the guided four-step session ("Werkvorm"), one plain value `session` (active or
 *   paused, the current step), so every participant's screen follows the facilitator's step. It is
 *   `editOnly`: the facilitator leads, and the server refuses a participate link's update touching it.
 */
export const CONVERSATION_ROOTS = {
  threads: { entries: 'record' },
  comments: { entries: 'record' },
  werkvorm: { entries: 'value', editOnly: true },
} as const satisfies RootsDeclaration;

export type ConversationRootName = keyof typeof CONVERSATION_ROOTS;

/** Whether `field` of `root`'s elements is declared as collaborative text in `roots`. */
export function declaresTextField(roots: RootsDeclaration, root: string, field: string): boolean {
  return Object.hasOwn(roots, root) && (roots[root]!.text ?? []).includes(field);
}

export const ROOT_NAMES = Object.keys(DOC_ROOTS) as readonly RootName[];

/** The text fields a root declares, by root. */
export type TextFieldOf<R extends RootName> = (typeof DOC_ROOTS)[R] extends {
  readonly text: readonly (infer F)[];
}
  ? F
  : never;

/** The element collections with text fields. */
export type TextCollection = {
  [C in ElementCollection]: TextFieldOf<C> extends never ? never : C;
}[ElementCollection];

/** The text fields declared for `root`'s elements; none for value roots and plain record roots. */
export function textFieldsOf(root: RootName): readonly string[] {
  const spec: RootSpec = DOC_ROOTS[root];
  return spec.text ?? [];
}

/** Whether `field` of `root`'s elements is declared as collaborative text. */
export function isTextField(root: RootName, field: string): boolean {
  return textFieldsOf(root).includes(field);
}

/** The root types of one doc, created by name (idempotent: Yjs returns the same type each time). */
export function docRoots(doc: Y.Doc): Readonly<Record<RootName, Y.Map<unknown>>> {
  return Object.fromEntries(ROOT_NAMES.map((name) => [name, doc.getMap(name)])) as Record<
    RootName,
    Y.Map<unknown>
  >;
}

// ── the typed handle the model works through ────────────────────────────────────────────────────

/** One element's fields, as stored. */
export type ElementFields = Y.Map<unknown>;

/**
 * A record root. Its values are typed `unknown` on purpose: a hostile or buggy peer may store
 * anything under an id, so readers go through `elementsOf` / `elementOf`, which skip non-maps.
 */
export type RecordRoot = Y.Map<unknown>;

/** A value root: key → plain JSON value (or anything a hostile peer wrote). */
export type ValueRoot = Y.Map<unknown>;

/** The roots of one doc by what they hold. Migrations and every model module receive this. */
export interface DocLayout {
  readonly doc: Y.Doc;
  readonly meta: ValueRoot;
  readonly actors: RecordRoot;
  readonly links: RecordRoot;
  readonly notes: RecordRoot;
  readonly phases: RecordRoot;
  readonly dismissals: ValueRoot;
  readonly versions: RecordRoot;
  readonly activityLog: ValueRoot;
}

/** The element collections are record roots (checked by the compiler). */
const ELEMENT_ROOTS = {
  actors: 'record',
  links: 'record',
  notes: 'record',
  phases: 'record',
} as const satisfies { readonly [C in ElementCollection]: (typeof DOC_ROOTS)[C]['entries'] };

export const ELEMENT_COLLECTIONS = Object.keys(ELEMENT_ROOTS) as readonly ElementCollection[];

/** Roots whose local writes Ctrl+Z reverts: the content and dismissals; versions and the feed are history. */
const UNDOABLE_ROOTS: readonly RootName[] = ['meta', 'actors', 'links', 'notes', 'phases', 'dismissals'];

const layouts = new WeakMap<Y.Doc, DocLayout>();

/** The layout handle of a doc (one per doc; creating it creates the roots). */
export function layoutOf(doc: Y.Doc): DocLayout {
  let layout = layouts.get(doc);
  if (!layout) {
    layout = Object.freeze({ doc, ...docRoots(doc) });
    layouts.set(doc, layout);
  }
  return layout;
}

/** The element maps of a record root, skipping values that are not maps of fields. */
export function* elementsOf(root: RecordRoot): IterableIterator<[string, ElementFields]> {
  for (const [id, value] of root.entries()) if (value instanceof Y.Map) yield [id, value];
}

/** One element's fields, or undefined when absent or not a map of fields. */
export function elementOf(root: RecordRoot, id: string): ElementFields | undefined {
  const value = root.get(id);
  return value instanceof Y.Map ? value : undefined;
}

/**
 * A new element map of `root` holding `fields` (undefined values are left out). Its declared
 * text fields are always created, as Y.Text, empty when `fields` has no string for them.
 */
export function newElement(root: RootName, fields: Readonly<Record<string, unknown>>): ElementFields {
  const element = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && !isTextField(root, key)) element.set(key, value);
  }
  for (const field of textFieldsOf(root)) {
    const value = fields[field];
    element.set(field, new Y.Text(typeof value === 'string' ? wellFormed(value) : ''));
  }
  return element;
}

/**
 * Where a type that a transaction changed sits in the layout: a root itself (`element` null), an
 * element map directly under a record root (`element` is its id), or a text field of such an
 * element (the same, with `field`). Deeper or foreign types give null.
 */
export function locate(
  layout: DocLayout,
  type: Y.AbstractType<unknown> | Y.Map<unknown>,
): { readonly root: RootName; readonly element: string | null; readonly field?: string } | null {
  if (type instanceof Y.Text) {
    const item = type._item;
    const element = item?.parent;
    if (!item || !(element instanceof Y.Map) || typeof item.parentSub !== 'string') return null;
    const at = locate(layout, element);
    if (!at || at.element === null || !isTextField(at.root, item.parentSub)) return null;
    return { ...at, field: item.parentSub };
  }
  const item = type._item;
  for (const name of ROOT_NAMES) {
    const root: unknown = layout[name];
    if (type === root) return { root: name, element: null };
    if (item !== null && item.parent === root && typeof item.parentSub === 'string')
      return { root: name, element: item.parentSub };
  }
  return null;
}

/**
 * The element map a changed type belongs to: the type itself when it is an element map, the map
 * that holds it when it is a text field. Used to drop cached parses without a layout handle.
 */
export function elementMapOf(type: Y.AbstractType<unknown>): Y.Map<unknown> | null {
  if (type instanceof Y.Map) return type;
  if (type instanceof Y.Text && type._item?.parent instanceof Y.Map) return type._item.parent;
  return null;
}

/** The types an undo manager of this doc tracks. */
export function undoableTypes(layout: DocLayout): Y.Map<unknown>[] {
  return UNDOABLE_ROOTS.map((name) => layout[name]);
}

/** The roots of a conversation doc. */
export interface ConversationLayout {
  readonly doc: Y.Doc;
  readonly threads: RecordRoot;
  readonly comments: RecordRoot;
  readonly werkvorm: ValueRoot;
}

const conversationLayouts = new WeakMap<Y.Doc, ConversationLayout>();

/** The conversation layout handle of a doc (one per doc; creating it creates the roots). */
export function conversationLayoutOf(doc: Y.Doc): ConversationLayout {
  let layout = conversationLayouts.get(doc);
  if (!layout) {
    layout = Object.freeze({
      doc,
      threads: doc.getMap('threads'),
      comments: doc.getMap('comments'),
      werkvorm: doc.getMap('werkvorm'),
    });
    conversationLayouts.set(doc, layout);
  }
  return layout;
}
