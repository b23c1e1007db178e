import type { ChainMap } from '../../model/ChainMap';
import { decodeVersionSnapshot } from '../../versions/versionSnapshot';
import type { JsonVersion, KetenKaartDocument } from './jsonElements';
import { KETENKAART_FORMAT } from './ketenkaartSchema';

export interface JsonExportOptions {
  /** Add the map's versions (names, authors, dates and each version's content). */
  readonly includeVersions?: boolean;
  /** The export's time; passed in so output is reproducible. */
  readonly now?: Date;
}

/**
 * The map as a `ketenkaart/1` document: exactly what the model reads, every field written. Only
 * content: no keys (they never live in the doc), no presence (awareness is not in the doc either),
 * no dismissals and no activity feed.
 */
export function exportDocument(map: ChainMap, options: JsonExportOptions = {}): KetenKaartDocument {
  const state = map.read();
  const versions: JsonVersion[] | undefined = options.includeVersions
    ? map.versions().flatMap((v) => {
        const snapshot = map.versionSnapshot(v.id);
        if (!snapshot) return [];
        try {
          const { meta, phases, actors, links, notes } = decodeVersionSnapshot(snapshot);
          return [{ ...v, content: { meta, phases, actors, links, notes } }];
        } catch {
          // A snapshot this app cannot read (corrupt, or from a newer app) is left out, not guessed at.
          return [];
        }
      })
    : undefined;
  return {
    format: KETENKAART_FORMAT,
    exportedAt: (options.now ?? new Date()).toISOString(),
    meta: state.meta,
    phases: state.phases,
    actors: state.actors,
    links: state.links,
    notes: state.notes,
    ...(versions ? { versions } : {}),
  };
}

export function exportJson(map: ChainMap, options: JsonExportOptions = {}): string {
  return `${JSON.stringify(exportDocument(map, options), null, 2)}\n`;
}
