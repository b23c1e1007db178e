/**
 * Writes Yjs v1 updates struct by struct, so tests can send valid updates that no KetenKaart client
 * produces: unknown roots, sequence items, deep nesting, missing dependencies, runs of concurrent
 * inserts, huge delete sets, content types the model never writes. The format is Yjs's own
 * (`yjs/src/utils/encoding.js` `writeStructs`, `Item.write`, `DeleteSet.writeDeleteSet`); every
 * update written here decodes with `Y.decodeUpdate` and applies with `Y.applyUpdate`.
 */
import * as encoding from 'lib0/encoding';

export interface RawId {
  readonly client: number;
  readonly clock: number;
}

/** Content of an item; `length` of a struct is derived from it. */
export type RawContent =
  | { readonly kind: 'any'; readonly values: readonly unknown[] }
  | { readonly kind: 'type'; readonly type: 'map' | 'array' | 'text' | 'xmlFragment' | 'xmlHook' }
  | { readonly kind: 'deleted'; readonly length: number }
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'binary'; readonly bytes: Uint8Array }
  | { readonly kind: 'json'; readonly values: readonly unknown[] }
  | { readonly kind: 'embed'; readonly value: unknown }
  | { readonly kind: 'format'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'doc'; readonly guid: string };

export interface RawItem {
  readonly origin?: RawId;
  readonly rightOrigin?: RawId;
  /** Written only when the item has neither origin: a root name or the id of a type's item. */
  readonly parent?: string | RawId;
  readonly parentSub?: string;
  readonly content: RawContent;
}

export type RawStruct = RawItem | { readonly gc: number } | { readonly skip: number };

export interface RawClientStructs {
  readonly client: number;
  /** Clock of the first struct; the following ones continue from it. */
  readonly clock: number;
  readonly structs: readonly RawStruct[];
}

export interface RawUpdate {
  readonly clients: readonly RawClientStructs[];
  /** Deleted ranges per client: [clock, length] pairs. */
  readonly deletes?: ReadonlyArray<{
    readonly client: number;
    readonly ranges: ReadonlyArray<[number, number]>;
  }>;
}

const TYPE_REFS = { array: 0, map: 1, text: 2, xmlFragment: 4, xmlHook: 5 } as const;
const CONTENT_REFS = {
  deleted: 1,
  json: 2,
  binary: 3,
  string: 4,
  embed: 5,
  format: 6,
  type: 7,
  any: 8,
  doc: 9,
};

export function contentLength(content: RawContent): number {
  switch (content.kind) {
    case 'any':
    case 'json':
      return content.values.length;
    case 'deleted':
      return content.length;
    case 'string':
      // Yjs counts UTF-16 code units.
      return content.text.length;
    default:
      return 1;
  }
}

export const structLength = (struct: RawStruct): number =>
  'gc' in struct ? struct.gc : 'skip' in struct ? struct.skip : contentLength(struct.content);

function writeId(e: encoding.Encoder, id: RawId): void {
  encoding.writeVarUint(e, id.client);
  encoding.writeVarUint(e, id.clock);
}

function writeContent(e: encoding.Encoder, content: RawContent): void {
  switch (content.kind) {
    case 'any':
      encoding.writeVarUint(e, content.values.length);
      for (const value of content.values) encoding.writeAny(e, value as never);
      return;
    case 'json':
      encoding.writeVarUint(e, content.values.length);
      for (const value of content.values)
        encoding.writeVarString(e, value === undefined ? 'undefined' : JSON.stringify(value));
      return;
    case 'type':
      encoding.writeVarUint(e, TYPE_REFS[content.type]);
      // A hook is a Y.Map subclass with a name.
      if (content.type === 'xmlHook') encoding.writeVarString(e, 'hook');
      return;
    case 'deleted':
      encoding.writeVarUint(e, content.length);
      return;
    case 'string':
      encoding.writeVarString(e, content.text);
      return;
    case 'binary':
      encoding.writeVarUint8Array(e, content.bytes);
      return;
    case 'embed':
      encoding.writeVarString(e, JSON.stringify(content.value));
      return;
    case 'format':
      encoding.writeVarString(e, content.key);
      encoding.writeVarString(e, JSON.stringify(content.value));
      return;
    case 'doc':
      encoding.writeVarString(e, content.guid);
      encoding.writeAny(e, {});
      return;
  }
}

function writeStruct(e: encoding.Encoder, struct: RawStruct): void {
  if ('gc' in struct) {
    encoding.writeUint8(e, 0);
    encoding.writeVarUint(e, struct.gc);
    return;
  }
  if ('skip' in struct) {
    encoding.writeUint8(e, 10);
    encoding.writeVarUint(e, struct.skip);
    return;
  }
  const hasOrigins = struct.origin !== undefined || struct.rightOrigin !== undefined;
  const info =
    CONTENT_REFS[struct.content.kind] |
    (struct.origin ? 0x80 : 0) |
    (struct.rightOrigin ? 0x40 : 0) |
    (!hasOrigins && struct.parentSub !== undefined ? 0x20 : 0);
  encoding.writeUint8(e, info);
  if (struct.origin) writeId(e, struct.origin);
  if (struct.rightOrigin) writeId(e, struct.rightOrigin);
  if (!hasOrigins) {
    const parent = struct.parent ?? 'meta';
    if (typeof parent === 'string') {
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, parent);
    } else {
      encoding.writeVarUint(e, 0);
      writeId(e, parent);
    }
    if (struct.parentSub !== undefined) encoding.writeVarString(e, struct.parentSub);
  }
  writeContent(e, struct.content);
}

/** The v1 bytes of `update` (the format `Y.applyUpdate` and the sync protocol carry). */
export function encodeRawUpdate(update: RawUpdate): Uint8Array {
  const e = encoding.createEncoder();
  // Yjs writes clients with higher ids first; any order decodes.
  encoding.writeVarUint(e, update.clients.length);
  for (const { client, clock, structs } of update.clients) {
    encoding.writeVarUint(e, structs.length);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    for (const struct of structs) writeStruct(e, struct);
  }
  const deletes = update.deletes ?? [];
  encoding.writeVarUint(e, deletes.length);
  for (const { client, ranges } of deletes) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, ranges.length);
    for (const [clock, length] of ranges) {
      encoding.writeVarUint(e, clock);
      encoding.writeVarUint(e, length);
    }
  }
  return encoding.toUint8Array(e);
}
