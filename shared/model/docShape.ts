import * as Y from 'yjs';
import { type Place, PlaceResolver } from './docShapePlaces';
import {
  checkGuardedDeletes,
  checkGuardedPlace,
  checkStructRuns,
  isDuplicate,
  isGuardedWriter,
  type ShapeWriter,
  type WriterProblem,
} from './docShapeWriters';
import { DOC_ROOTS, declaresTextField, type RootsDeclaration } from './layout';
import { valueDepthAtMost } from './valueDepth';

/**
 * The shape of a KetenKaart document, derived from the roots declared in `layout.ts`, checked on an
 * update before it is applied: the server refuses, and the browser does not apply, what no
 * KetenKaart client writes. Yjs integrates whatever it is given; some valid updates cost seconds of
 * CPU, overflow the stack inside Yjs's transaction cleanup (a Y.Map nested thousands deep) or
 * create root types nobody reads. The rules, per struct of the update:
 *
 * - every root an item names is declared in `DOC_ROOTS` (or, for a map's conversation doc, in
 *   `CONVERSATION_ROOTS`);
 * - roots hold map entries only, never sequence items (Y.Array inserts are where concurrent runs
 *   at one index make integration quadratic);
 * - a `value` root holds JSON values; a `record` root holds one Y.Map per element, whose fields
 *   hold JSON values or binary; nothing is nested deeper;
 * - except the root's declared text fields (`text` in `DOC_ROOTS`, schema 2), which hold a Y.Text
 *   (or, written by an app from before schema 2, a JSON value); a Y.Text holds characters only, as
 *   sequence items: no map entries, embeds, formats or types;
 * - no content type the model never writes (strings outside a text field, embeds, formats, JSON,
 *   subdocuments, other Y types);
 * - JSON values at most `maxValueDepth` deep;
 * - at most `maxStructs` structs and `maxDeleteRanges` deleted ranges per update;
 * - a participate link's update touches no `editOnly` root and depends on nothing the doc lacks
 *   (`docShapeWriters.ts`).
 *
 * Items whose neighbour or parent is in neither the update nor the doc cannot be placed yet; Yjs
 * holds them back (pending). They pass here and are counted in `unresolved`; whoever applies the
 * update must bound pending content and check what it integrates later (the server checks the
 * doc's emitted update whenever pending content was involved).
 *
 * A text field is a sequence, so concurrent runs of inserts at one point of it are quadratic to
 * integrate, as in a Y.Array. The rules cannot tell a hostile run from a long history of real
 * typing at the start of a field (both are inserts without a left neighbour), so, like a key chain,
 * such an update is left to the server's CPU watchdog; what the rules keep out is everything a text
 * field never holds.
 *
 * The limits are measured on what the model writes (`docShape.test.ts`; the figures are in
 * docs/ARCHITECTURE.md): the heavy year's full state has 126,711 structs, 4,551 deleted ranges
 * and values nested 1 deep.
 */
export interface DocShapeLimits {
  readonly maxStructs: number;
  readonly maxDeleteRanges: number;
  readonly maxValueDepth: number;
}

export const DOC_SHAPE_LIMITS: DocShapeLimits = {
  maxStructs: 400_000,
  maxDeleteRanges: 200_000,
  maxValueDepth: 8,
};

export type ShapeRule =
  | 'undecodable'
  | 'malformed'
  | 'too_many_structs'
  | 'too_many_deletes'
  | 'unknown_root'
  | 'sequence_item'
  | 'too_deep'
  | 'content_type'
  | 'value_too_deep'
  | WriterProblem['rule'];

export type ShapeVerdict =
  | {
      readonly ok: true;
      /** Structs in the update (items, GC and skips). */
      readonly structs: number;
      readonly deleteRanges: number;
      /** Items that cannot be placed until content the doc lacks arrives (Yjs holds them back). */
      readonly unresolved: number;
      /**
       * Per client in the update, the clock after its last struct that carries content (not a
       * Skip): once the update is integrated whole, the doc's state reaches at least these.
       */
      readonly ends: ReadonlyMap<number, number>;
    }
  | { readonly ok: false; readonly rule: ShapeRule; readonly message: string };

const refuse = (rule: ShapeRule, message: string): ShapeVerdict => ({ ok: false, rule, message });
const refuseFor = (problem: WriterProblem): ShapeVerdict => refuse(problem.rule, problem.message);

/**
 * Checks a v1 update (the sync protocol's format) against the shape rules, resolving where its items
 * land through the update itself and `doc` (the doc it would be applied to; null for an empty doc).
 * Never throws: an update that does not decode is `undecodable`.
 */
export function checkUpdateShape(
  update: Uint8Array,
  doc: Y.Doc | null,
  limits: DocShapeLimits = DOC_SHAPE_LIMITS,
  /** The roots of the kind of doc: a map's (`DOC_ROOTS`) or its conversation's (`CONVERSATION_ROOTS`). */
  roots: RootsDeclaration = DOC_ROOTS,
  /** Who sends it: a participate link may not write the roots declared `editOnly`. */
  writer: ShapeWriter = 'edit',
): ShapeVerdict {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    // Truncated or garbled bytes, or JSON nested deep enough to overflow the decoder's recursion.
    return refuse('undecodable', 'the update does not decode');
  }
  const { structs, ds } = decoded;
  if (structs.length > limits.maxStructs) {
    return refuse(
      'too_many_structs',
      `${structs.length} structs in one update (at most ${limits.maxStructs})`,
    );
  }
  let deleteRanges = 0;
  for (const ranges of ds.clients.values()) deleteRanges += ranges.length;
  if (deleteRanges > limits.maxDeleteRanges) {
    return refuse('too_many_deletes', `${deleteRanges} deleted ranges (at most ${limits.maxDeleteRanges})`);
  }
  const guarded = isGuardedWriter(writer, roots);
  const runs = guarded ? checkStructRuns(structs, doc) : null;
  if (runs) return refuseFor(runs);
  const resolver = new PlaceResolver(structs, doc, roots);
  let unresolved = 0;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const contentProblem = checkContentKind(struct.content, limits);
    if (contentProblem) return contentProblem;
    const place = resolver.place(struct);
    const writerProblem = guarded && !isDuplicate(struct, doc) ? checkGuardedPlace(roots, place) : null;
    if (writerProblem) return refuseFor(writerProblem);
    if (place.kind === 'unresolved') {
      unresolved++;
      continue;
    }
    const problem = checkPlacement(roots, struct, place);
    if (problem) return problem;
  }
  const deletes = guarded ? checkGuardedDeletes(ds, resolver, roots) : null;
  if (deletes) return refuseFor(deletes);
  return { ok: true, structs: structs.length, deleteRanges, unresolved, ends: resolver.clockEnds() };
}

/** Content the model writes somewhere: JSON values, binary, Y.Map, deleted content. */
function checkContentKind(content: Y.Item['content'], limits: DocShapeLimits): ShapeVerdict | null {
  if (content instanceof Y.ContentAny) {
    for (const value of content.arr) {
      if (!valueDepthAtMost(value, limits.maxValueDepth)) {
        return refuse('value_too_deep', `a value nested deeper than ${limits.maxValueDepth}`);
      }
    }
    return null;
  }
  if (content instanceof Y.ContentDeleted || content instanceof Y.ContentBinary) return null;
  // Characters: only inside a text field, which the placement checks.
  if (content instanceof Y.ContentString) return null;
  if (content instanceof Y.ContentType) {
    const type = content.type.constructor;
    return type === Y.Map || type === Y.Text
      ? null
      : refuse('content_type', 'a Y type other than Y.Map or Y.Text');
  }
  return refuse('content_type', `content the model never writes (${content.constructor.name})`);
}

/** What may sit at `place`, by the root's declared entries. */
function checkPlacement(roots: RootsDeclaration, item: Y.Item, place: Place): ShapeVerdict | null {
  const { content } = item;
  switch (place.kind) {
    case 'gc':
      return null;
    case 'malformed':
      return refuse('malformed', 'an item refers to its own client at a later clock');
    case 'nested':
      return refuse('too_deep', 'content nested deeper than the layout');
    case 'unresolved':
      return null;
    case 'root': {
      if (!Object.hasOwn(roots, place.root)) return refuse('unknown_root', `unknown root "${place.root}"`);
      if (place.key === null)
        return refuse('sequence_item', `a sequence item in the map root "${place.root}"`);
      if (content instanceof Y.ContentDeleted) return null;
      const entries = roots[place.root]!.entries;
      if (entries === 'value') {
        return content instanceof Y.ContentAny && content.arr.length === 1
          ? null
          : refuse('content_type', `"${place.root}" holds JSON values`);
      }
      return content instanceof Y.ContentType && content.type.constructor === Y.Map
        ? null
        : refuse('content_type', `"${place.root}" holds one Y.Map per element`);
    }
    case 'field': {
      if (place.key === null)
        return refuse('sequence_item', `a sequence item in an element of "${place.root}"`);
      if (content instanceof Y.ContentType) {
        if (content.type.constructor === Y.Text && declaresTextField(roots, place.root, place.key))
          return null;
        return refuse('too_deep', `a Y type inside an element, other than the Y.Text of a text field`);
      }
      if (content instanceof Y.ContentString)
        return refuse('content_type', 'characters outside a text field');
      if (content instanceof Y.ContentAny && content.arr.length !== 1) {
        return refuse('content_type', 'a field holds one value');
      }
      return null;
    }
    case 'text': {
      if (place.key !== null) return refuse('content_type', `a map entry in the text field "${place.field}"`);
      return content instanceof Y.ContentString || content instanceof Y.ContentDeleted
        ? null
        : refuse('content_type', `the text field "${place.field}" holds characters only`);
    }
  }
}
