import type {
  Actor,
  ActorKind,
  Link,
  LinkKind,
  MapMeta,
  Note,
  NoteKind,
  Position,
  VersionInfo,
  Warmth,
} from '../../model/types';
import type { VersionContent } from '../../versions/versionContent';
import type { ProblemLocation } from '../problems';
import type { Direction } from '../vocabulary/values';

/**
 * What a file says, one record per element, before it is matched against the map. Spreadsheet rows
 * give some fields (an empty cell is "not given"); a KetenKaart JSON file gives them all. Records
 * refer to each other and to the map by `Ref`s that the plan resolves.
 */

/** Where a record came from, to name it in a problem. */
export interface RecordSource {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  /** Spreadsheets: the header of the column each field came from. */
  readonly columns?: Readonly<Record<string, string>>;
  /** JSON: the element's path, e.g. `links/3`; a field's column is `links/3/source`. */
  readonly path?: string;
}

export function locate(source: RecordSource, field?: string): ProblemLocation {
  const at: { -readonly [K in keyof ProblemLocation]: ProblemLocation[K] } = { file: source.file };
  if (source.sheet !== undefined) at.sheet = source.sheet;
  if (source.row !== undefined) at.row = source.row;
  if (field !== undefined) {
    const column =
      source.path !== undefined ? `${source.path}/${JSON_FIELD[field] ?? field}` : source.columns?.[field];
    if (column !== undefined) at.column = column;
  } else if (source.path !== undefined) {
    at.column = source.path;
  }
  return at;
}

/** How a problem names the other row it refers to: its row number, or its JSON path. */
export function rowOf(source: RecordSource): string | number {
  return source.row ?? source.path ?? source.file;
}

/** Where the JSON format names a field differently from a spreadsheet column. */
const JSON_FIELD: Readonly<Record<string, string>> = {
  from: 'source',
  to: 'target',
  phase: 'phaseId',
  source: 'sourceNoteId',
};

/** A reference to another element: by its exact id (JSON), or by id or name (spreadsheets). */
export interface Ref {
  readonly by: 'id' | 'idOrName';
  readonly value: string;
}

export type ActorFields = Partial<
  Pick<
    Actor,
    'description' | 'contact' | 'municipality' | 'regie' | 'tags' | 'entryPoint' | 'needs' | 'languages'
  >
>;

export interface ActorRecord {
  readonly source: RecordSource;
  readonly id: string | null;
  /** Normalised (ten digits); carried in the plan until the model stores it. */
  readonly kbo: string | null;
  readonly label: string;
  readonly kind: ActorKind | null;
  readonly fields: ActorFields;
  /** undefined: not given; null: explicitly in no lane. */
  readonly phase: Ref | null | undefined;
  readonly position: Position | null;
}

export type LinkFields = Partial<
  Pick<Link, 'label' | 'description' | 'dataShared' | 'owner' | 'regie' | 'tags'>
>;

export interface LinkRecord {
  readonly source: RecordSource;
  readonly id: string | null;
  readonly from: Ref;
  readonly to: Ref;
  readonly kind: LinkKind | null;
  /** undefined: not given; null: not a handover. */
  readonly warmth: Warmth | null | undefined;
  readonly direction: Direction | null;
  readonly fields: LinkFields;
}

export type NoteFields = Partial<Pick<Note, 'text' | 'status' | 'owner' | 'due' | 'regie' | 'priority'>>;

export interface NoteRecord {
  readonly source: RecordSource;
  readonly id: string | null;
  readonly kind: NoteKind | null;
  readonly fields: NoteFields;
  readonly phase: Ref | null | undefined;
  /** An actor or link, by id or (actors) name; `type` is known in JSON. */
  readonly anchor: (Ref & { readonly type?: 'actor' | 'link' }) | null | undefined;
  readonly sourceNote: Ref | null | undefined;
  readonly position: Position | null;
}

export interface PhaseRecord {
  readonly source: RecordSource;
  readonly id: string | null;
  readonly label: string;
  /** A fractional order key, kept as the file gives it when valid. */
  readonly order: string | null;
}

export interface VersionRecord {
  readonly source: RecordSource;
  readonly info: Omit<VersionInfo, 'author'> & { readonly author: string };
  readonly content: VersionContent;
}

export interface ImportRecords {
  readonly meta: Pick<MapMeta, 'title' | 'municipality'> | null;
  readonly phases: readonly PhaseRecord[];
  readonly actors: readonly ActorRecord[];
  readonly links: readonly LinkRecord[];
  readonly notes: readonly NoteRecord[];
  readonly versions: readonly VersionRecord[];
}

export const NO_RECORDS: ImportRecords = {
  meta: null,
  phases: [],
  actors: [],
  links: [],
  notes: [],
  versions: [],
};

export function mergeRecords(parts: readonly ImportRecords[]): ImportRecords {
  return {
    meta: parts.find((p) => p.meta !== null)?.meta ?? null,
    phases: parts.flatMap((p) => p.phases),
    actors: parts.flatMap((p) => p.actors),
    links: parts.flatMap((p) => p.links),
    notes: parts.flatMap((p) => p.notes),
    versions: parts.flatMap((p) => p.versions),
  };
}
