import * as Y from 'yjs';
import type { MapStore } from './MapStore';

export interface CompactionResult {
  rowsBefore: number;
  bytesBefore: number;
  bytesAfter: number;
}

/**
 * Replaces a map's update log by one update holding the same content.
 *
 * Rebuilds from storage into a fresh doc (not from the live room doc, not with `Y.mergeUpdates`): what is
 * written is exactly what a later load would see, and encoding a doc garbage-collects deleted content,
 * which merging does not. Rows appended after the read keep higher seqs and survive the swap.
 * Resolves `undefined` when there is nothing to gain (0 or 1 row).
 */
export async function compactMap(store: MapStore, mapId: string): Promise<CompactionResult | undefined> {
  const rows = await store.loadUpdates(mapId);
  const last = rows.at(-1);
  if (rows.length < 2 || last === undefined) return undefined;
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const row of rows) Y.applyUpdate(doc, row.data);
    });
    const compacted = Y.encodeStateAsUpdate(doc);
    await store.compact(mapId, last.seq, compacted);
    return {
      rowsBefore: rows.length,
      bytesBefore: rows.reduce((sum, row) => sum + row.data.byteLength, 0),
      bytesAfter: compacted.byteLength,
    };
  } finally {
    doc.destroy();
  }
}
