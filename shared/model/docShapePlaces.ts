import * as Y from 'yjs';
import { DOC_ROOTS, declaresTextField, type RootsDeclaration } from './layout';

/**
 * Where an item of an update lands in the doc, found the way Yjs finds it when it integrates the
 * item (`Item.getMissing`): an item with an origin (or only a right origin) takes the parent and key
 * of that neighbour and does not carry its own; an item without either names its parent, a root by
 * name or a type by the id of the item that holds it. Neighbours and parents are looked up in the
 * same update first, then in the doc.
 *
 * - `root`: an entry (or, with `key === null`, a sequence item) of a root type.
 * - `field`: an entry of a record element: a Y.Map stored under a key of a record root.
 * - `text`: a character run (or its deletion) inside the Y.Text of a declared text field of a record
 *   element; `text` names that Y.Text by the id of the item that holds it.
 * - `nested`: under a type that the layout does not have (deeper, or not a record element).
 * - `gc`: next to or under garbage-collected content; Yjs turns the item into a GC struct.
 * - `unresolved`: a neighbour or parent is in neither the update nor the doc, so Yjs holds the
 *   item back (pending) until it arrives.
 * - `malformed`: a reference no Yjs client writes (to its own client at the same or a later clock);
 *   Yjs throws halfway through integrating it.
 */
export type Place =
  | { readonly kind: 'root'; readonly root: string; readonly key: string | null }
  | { readonly kind: 'field'; readonly root: string; readonly key: string | null }
  | {
      readonly kind: 'text';
      readonly root: string;
      readonly field: string;
      readonly text: string;
      /** Set when the item names a map key: no Y.Text item does. */
      readonly key: string | null;
    }
  | { readonly kind: 'nested' }
  | { readonly kind: 'gc' }
  | { readonly kind: 'unresolved' }
  | { readonly kind: 'malformed' };

type Struct = Y.Item | Y.GC | Y.Skip;
/** A root or nested Yjs type, as `doc.share` holds them. */
type SharedType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

const GC_PLACE: Place = { kind: 'gc' };
const UNRESOLVED: Place = { kind: 'unresolved' };
const NESTED: Place = { kind: 'nested' };
const MALFORMED: Place = { kind: 'malformed' };

/** A struct found by id: in the update being checked, or in the doc. */
export type Found =
  | { readonly inUpdate: true; readonly struct: Struct }
  | { readonly inUpdate: false; readonly struct: Y.AbstractStruct };

const isRecordRoot = (roots: RootsDeclaration, root: string): boolean =>
  Object.hasOwn(roots, root) && roots[root]!.entries === 'record';

/** Resolves the places of one update's items against one doc; memoised, iterative (no deep recursion). */
export class PlaceResolver {
  private readonly byClient = new Map<number, Struct[]>();
  private readonly memo = new Map<Struct, Place>();
  private readonly rootNames = new Map<SharedType, string>();
  private readonly places = new InternedPlaces();

  constructor(
    structs: readonly Struct[],
    private readonly doc: Y.Doc | null,
    /** The roots of the kind of doc checked: a map's `DOC_ROOTS` unless told otherwise. */
    private readonly roots: RootsDeclaration = DOC_ROOTS,
  ) {
    // Decoded structs of one client come in clock order, which the binary search relies on.
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
    if (doc) for (const [name, type] of doc.share) this.rootNames.set(type, name);
  }

  place(item: Y.Item): Place {
    const known = this.memo.get(item);
    if (known) return known;
    // Most items resolve in one step (their neighbour or holder is placed already): no stack.
    const first = this.resolveStep(item);
    if (!(first instanceof Y.Item)) {
      this.memo.set(item, first);
      return first;
    }
    // Explicit stack: chains of items whose origin is the previous item can be as long as the update.
    const stack: Y.Item[] = [item];
    const onStack = new Set<Y.Item>([item]);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const step = this.resolveStep(top);
      if (step instanceof Y.Item) {
        if (onStack.has(step)) {
          // A cycle of origins inside one update: Yjs can integrate none of it and holds it back.
          this.memo.set(top, UNRESOLVED);
          onStack.delete(stack.pop()!);
          continue;
        }
        stack.push(step);
        onStack.add(step);
        continue;
      }
      this.memo.set(top, step);
      onStack.delete(stack.pop()!);
    }
    return this.memo.get(item) ?? UNRESOLVED;
  }

  /** The place of `item`, or the update item whose place must be known first. */
  private resolveStep(item: Y.Item): Place | Y.Item {
    const { id } = item;
    const parentId = item.parent instanceof Y.ID ? item.parent : null;
    if (ownLater(id, item.origin) || ownLater(id, item.rightOrigin) || ownLater(id, parentId))
      return MALFORMED;

    if (item.origin !== null || item.rightOrigin !== null) {
      const left = item.origin ? this.find(item.origin) : undefined;
      const right = item.rightOrigin ? this.find(item.rightOrigin) : undefined;
      if ((item.origin && !left) || (item.rightOrigin && !right)) return UNRESOLVED;
      if (isGc(left) || isGc(right)) return GC_PLACE;
      const neighbour = (left ?? right)!;
      if (neighbour.inUpdate) {
        const struct = neighbour.struct as Y.Item;
        const place = this.memo.get(struct);
        return place ?? struct;
      }
      return this.placeOfDocItem(neighbour.struct as Y.Item);
    }

    const key = item.parentSub;
    if (typeof item.parent === 'string') return this.places.root(item.parent, key);
    if (!parentId) return MALFORMED;
    const holder = this.find(parentId);
    if (!holder) return UNRESOLVED;
    if (isGc(holder)) return GC_PLACE;
    const holderItem = holder.struct as Y.Item;
    if (!(holderItem.content instanceof Y.ContentType)) {
      // Deleted and collected: Yjs finds no type and drops the item (GC). Any other content: no type.
      return holderItem.content instanceof Y.ContentDeleted ? GC_PLACE : NESTED;
    }
    const holderType = holderItem.content.type.constructor;
    if (holderType !== Y.Map && holderType !== Y.Text) return NESTED;
    let holderPlace: Place;
    if (holder.inUpdate) {
      const memo = this.memo.get(holderItem);
      if (!memo) return holderItem;
      holderPlace = memo;
    } else {
      holderPlace = this.placeOfDocItem(holderItem);
    }
    return holderType === Y.Text
      ? textOf(this.roots, holderPlace, holderItem, key)
      : fieldOf(this.roots, this.places, holderPlace, key);
  }

  /** Where an item already integrated in the doc sits. */
  placeOfDocItem(item: Y.Item): Place {
    const parent = item.parent as SharedType | null;
    if (!parent) return GC_PLACE;
    const key = item.parentSub;
    const holder = parent._item;
    if (holder === null) {
      const root = this.rootNames.get(parent);
      return root === undefined ? NESTED : this.places.root(root, key);
    }
    if (parent.constructor === Y.Text) return textOf(this.roots, this.placeOfDocItem(holder), holder, key);
    if (parent.constructor !== Y.Map) return NESTED;
    return fieldOf(this.roots, this.places, this.placeOfDocItem(holder), key);
  }

  /** Per client, the clock after its last struct that is not a Skip (see `ShapeVerdict.ends`). */
  clockEnds(): Map<number, number> {
    const ends = new Map<number, number>();
    for (const [client, list] of this.byClient) {
      for (let i = list.length - 1; i >= 0; i--) {
        const struct = list[i]!;
        if (struct instanceof Y.Skip) continue;
        ends.set(client, struct.id.clock + struct.length);
        break;
      }
    }
    return ends;
  }

  /** The struct holding `id`: in the update (a Skip does not hold it), else in the doc. */
  structAt(id: Y.ID): Found | undefined {
    return this.find(id);
  }

  private find(id: Y.ID): Found | undefined {
    const list = this.byClient.get(id.client);
    if (list) {
      const struct = findInRun(list, id.clock);
      if (struct && !(struct instanceof Y.Skip)) return { inUpdate: true, struct };
    }
    const store = this.doc?.store;
    if (store && id.clock < Y.getState(store, id.client)) {
      return { inUpdate: false, struct: Y.getItem(store, id) };
    }
    return undefined;
  }
}

/** An item whose own id, at a clock of its client, is referred to at the same or a later clock. */
const ownLater = (own: Y.ID, id: Y.ID | null): boolean =>
  id !== null && id.client === own.client && id.clock >= own.clock;

/**
 * One object per root (or field) and key: places are compared by content, never by identity, and a
 * 483 KB update has ~23,000 items in a few dozen places, so resolving them allocates no place each.
 */
class InternedPlaces {
  private readonly byRoot = new Map<string, Map<string | null, Place>>();
  private readonly byField = new Map<string, Map<string | null, Place>>();

  root(root: string, key: string | null): Place {
    return intern(this.byRoot, root, key, () => ({ kind: 'root', root, key }));
  }

  field(root: string, key: string | null): Place {
    return intern(this.byField, root, key, () => ({ kind: 'field', root, key }));
  }
}

function intern(
  table: Map<string, Map<string | null, Place>>,
  root: string,
  key: string | null,
  make: () => Place,
): Place {
  let keys = table.get(root);
  if (!keys) {
    keys = new Map();
    table.set(root, keys);
  }
  let place = keys.get(key);
  if (!place) {
    place = make();
    keys.set(key, place);
  }
  return place;
}

/** An entry of a type held under `holder`: a field when the holder is a record element. */
function fieldOf(roots: RootsDeclaration, places: InternedPlaces, holder: Place, key: string | null): Place {
  if (holder.kind === 'gc' || holder.kind === 'unresolved' || holder.kind === 'malformed') return holder;
  if (holder.kind === 'root' && isRecordRoot(roots, holder.root) && holder.key !== null) {
    return places.field(holder.root, key);
  }
  return NESTED;
}

/** An item inside the Y.Text held by `holder`: text when the holder is a declared text field. */
function textOf(roots: RootsDeclaration, holder: Place, holderItem: Y.Item, key: string | null): Place {
  if (holder.kind === 'gc' || holder.kind === 'unresolved' || holder.kind === 'malformed') return holder;
  if (holder.kind === 'field' && holder.key !== null && declaresTextField(roots, holder.root, holder.key)) {
    const { client, clock } = holderItem.id;
    return { kind: 'text', root: holder.root, field: holder.key, text: `${client}:${clock}`, key };
  }
  return NESTED;
}

const isGc = (found: Found | undefined): boolean =>
  found !== undefined && (found.struct instanceof Y.GC || !(found.struct instanceof Y.Item));

function findInRun(list: readonly Struct[], clock: number): Struct | undefined {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const struct = list[mid]!;
    if (clock < struct.id.clock) high = mid - 1;
    else if (clock >= struct.id.clock + struct.length) low = mid + 1;
    else return struct;
  }
  return undefined;
}
