import * as Y from 'yjs';
import type { Place, PlaceResolver } from './docShapePlaces';
import type { RootsDeclaration } from './layout';

/**
 * Who sends an update, for the shape check: an `edit` link writes every root of the doc; a
 * `participate` link writes every root except those declared `editOnly` in `layout.ts` (the
 * conversation doc's Werkvorm, which the facilitator leads). A view link's updates never reach the
 * check (the server drops them), and the map doc takes no participate update at all.
 *
 * A participant's update that touches an `editOnly` root is refused whole, nothing of it applied.
 * "Touches" covers every way Yjs lets an update change a root:
 * - an item placed in the root (`Place` resolves through origins and parents, as Yjs does);
 * - a deleted range covering an item of the root that is not deleted yet;
 * - content that Yjs would hold back: an item whose neighbour or parent the server lacks, a struct
 *   run that starts past the server's clock for its client (or a Skip), a deleted range the server
 *   has no item for. Held back, it is integrated later, when someone else's content arrives, so a
 *   participant could aim it at the facilitator's next write (an item named after the facilitator's
 *   next clock, a delete of it). Its place cannot be known now, so it is refused (`depends_on_missing`,
 *   a resync): a stock client never sends it to a server that has everything it relayed, because
 *   a client only holds what the server sent it plus its own changes, which its sync step 2 carries.
 *
 * What is no change is let through: items the doc already has (a sync step 2 may repeat them) and
 * deletes of items already deleted (every sync step 2 carries the client's whole delete set).
 */
export type ShapeWriter = 'edit' | 'participate';

export interface WriterProblem {
  readonly rule: 'edit_only' | 'depends_on_missing';
  readonly message: string;
}

const dependsOnMissing = (what: string): WriterProblem => ({
  rule: 'depends_on_missing',
  message: `${what} depends on content the server does not have`,
});

/** Whether `writer` is held to the `editOnly` rule in a doc of `roots`. */
export function isGuardedWriter(writer: ShapeWriter, roots: RootsDeclaration): boolean {
  return writer === 'participate' && Object.values(roots).some((spec) => spec.editOnly === true);
}

/** The struct runs of an update: none may start past what the doc has of its client. */
export function checkStructRuns(
  structs: readonly (Y.Item | Y.GC | Y.Skip)[],
  doc: Y.Doc | null,
): WriterProblem | null {
  const seen = new Set<number>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) return dependsOnMissing('a skipped clock range');
    const { client, clock } = struct.id;
    if (seen.has(client)) continue;
    seen.add(client);
    if (clock > (doc ? Y.getState(doc.store, client) : 0)) return dependsOnMissing('a struct run');
  }
  return null;
}

/** Whether the doc already holds all of `item` (Yjs skips it: it changes nothing). */
export function isDuplicate(item: Y.Item, doc: Y.Doc | null): boolean {
  return doc !== null && item.id.clock + item.length <= Y.getState(doc.store, item.id.client);
}

/** A new item of a guarded writer, placed at `place`. */
export function checkGuardedPlace(roots: RootsDeclaration, place: Place): WriterProblem | null {
  if (place.kind === 'unresolved') return dependsOnMissing('an item');
  const root = editOnlyRootOf(roots, place);
  return root === null ? null : refuseEditOnly(root);
}

/** The deleted ranges of a guarded writer's update: none may cover an item of an `editOnly` root. */
export function checkGuardedDeletes(
  ds: ReturnType<typeof Y.decodeUpdate>['ds'],
  resolver: PlaceResolver,
  roots: RootsDeclaration,
): WriterProblem | null {
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      const end = clock + len;
      let at = clock;
      while (at < end) {
        const found = resolver.structAt(Y.createID(client, at));
        if (!found) return dependsOnMissing('a deleted range');
        const { struct, inUpdate } = found;
        at = struct.id.clock + struct.length;
        if (!(struct instanceof Y.Item) || (!inUpdate && struct.deleted)) continue;
        const place = inUpdate ? resolver.place(struct) : resolver.placeOfDocItem(struct);
        const problem = checkGuardedPlace(roots, place);
        if (problem) return problem;
      }
    }
  }
  return null;
}

function editOnlyRootOf(roots: RootsDeclaration, place: Place): string | null {
  if (place.kind !== 'root' && place.kind !== 'field' && place.kind !== 'text') return null;
  return Object.hasOwn(roots, place.root) && roots[place.root]!.editOnly === true ? place.root : null;
}

function refuseEditOnly(root: string): WriterProblem {
  return { rule: 'edit_only', message: `a participate link may not change "${root}"` };
}
