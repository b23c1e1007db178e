import { deflateSync, inflateSync } from 'fflate';
import { compareOrdered } from '../model/fractionalOrder';
import { ACTOR_REQUIRED, parseActor } from '../model/records/actor';
import type { Parsed } from '../model/records/fieldValues';
import { LINK_REQUIRED, parseLink } from '../model/records/link';
import { NOTE_REQUIRED, parseNote } from '../model/records/note';
import { PHASE_REQUIRED, parsePhase } from '../model/records/phase';
import type { Actor, Link, MapMeta, Note, Phase, ValidationProblem } from '../model/types';
import type { VersionContent } from './versionContent';

/**
 * The bytes a version keeps in `ChainMap.addVersion({ snapshot })`: a checkpoint of the model
 * content, not a Yjs snapshot, so every doc keeps gc on (see the doc-growth benchmark).
 *
 * Layout (format 1):
 *   bytes 0..2  magic "KKV" — tells a version snapshot from any other bytes
 *   byte  3     format version; a decoder refuses formats newer than it knows
 *   bytes 4..7  length of the uncompressed payload, uint32 little-endian
 *   bytes 8..   raw DEFLATE of the UTF-8 JSON payload below
 *
 * Payload: { meta, ids, phases, actors, links, notes }. `ids` lists every element id once (phases,
 * then actors, links, notes); element i of a collection has the id at its offset + i. References to
 * listed ids (phaseId, source, target, anchor.id, sourceNoteId) are stored as their index into `ids`,
 * because 22-character random ids are incompressible and links repeat them. Fields equal to what the
 * model's parser defaults to are omitted. Measured (bench/docGrowth.bench.ts, versionSnapshot.test.ts):
 * about 7× smaller than the JSON, 10–25% smaller than deflated plain JSON, and half the size of a
 * deflated Yjs update of a content-only doc; encoding and decoding take a few milliseconds.
 */

const MAGIC = [0x4b, 0x4b, 0x56] as const; // "KKV"
export const VERSION_SNAPSHOT_FORMAT = 1;
const HEADER_BYTES = 8;
/** A payload larger than this is refused before inflating: guards against a decompression bomb. */
const MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

export type VersionSnapshotErrorReason = 'notASnapshot' | 'newerFormat' | 'corrupt';

/** A snapshot that cannot be read. `reason` lets the UI say why without parsing the message. */
export class VersionSnapshotError extends Error {
  constructor(
    readonly reason: VersionSnapshotErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'VersionSnapshotError';
  }
}

type Json = Record<string, unknown>;
type Collection = 'phases' | 'actors' | 'links' | 'notes';
const COLLECTIONS: readonly Collection[] = ['phases', 'actors', 'links', 'notes'];

export function encodeVersionSnapshot(content: VersionContent): Uint8Array {
  // Canonical order, the same as ChainMap.read(), so equal contents give equal bytes.
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sorted = {
    phases: [...content.phases].sort(compareOrdered),
    actors: [...content.actors].sort(byId),
    links: [...content.links].sort(byId),
    notes: [...content.notes].sort(byId),
  };
  const ids: string[] = COLLECTIONS.flatMap((c) => sorted[c].map((e) => e.id));
  const index = new Map(ids.map((id, i) => [id, i]));
  const ref = (id: string | null): string | number | null => (id === null ? null : (index.get(id) ?? id));
  const payload = {
    meta: {
      title: content.meta.title,
      municipality: content.meta.municipality,
      schemaVersion: content.meta.schemaVersion,
    },
    ids,
    phases: sorted.phases.map((p) => withoutDefaults(p, phaseDefaults())),
    actors: sorted.actors.map((a) =>
      withoutDefaults({ ...a, phaseId: ref(a.phaseId) }, actorDefaults(a.kind)),
    ),
    links: sorted.links.map((l) =>
      withoutDefaults({ ...l, source: ref(l.source), target: ref(l.target) }, linkDefaults(l.kind)),
    ),
    notes: sorted.notes.map((n) =>
      withoutDefaults(
        {
          ...n,
          phaseId: ref(n.phaseId),
          sourceNoteId: ref(n.sourceNoteId),
          anchor: n.anchor === null ? null : { type: n.anchor.type, id: ref(n.anchor.id) },
        },
        noteDefaults(n.kind),
      ),
    ),
  };
  const json = new TextEncoder().encode(JSON.stringify(payload));
  const deflated = deflateSync(json, { level: 9 });
  const out = new Uint8Array(HEADER_BYTES + deflated.length);
  out.set(MAGIC, 0);
  out[3] = VERSION_SNAPSHOT_FORMAT;
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(deflated, HEADER_BYTES);
  return out;
}

/**
 * Reads a snapshot back. Throws VersionSnapshotError for bytes that are not a snapshot, come from a
 * newer format, or are damaged. Single elements that fail the model's validation (e.g. a kind this
 * app does not know) are skipped and reported in `problems`, exactly as ChainMap's readers do.
 */
export function decodeVersionSnapshot(bytes: Uint8Array, problems?: ValidationProblem[]): VersionContent {
  if (!(bytes instanceof Uint8Array) || bytes.length < HEADER_BYTES || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new VersionSnapshotError('notASnapshot', 'These bytes are not a KetenKaart version snapshot.');
  }
  const format = bytes[3]!;
  if (format > VERSION_SNAPSHOT_FORMAT) {
    throw new VersionSnapshotError(
      'newerFormat',
      `This version was saved by a newer KetenKaart (snapshot format ${format}, this app reads up to ${VERSION_SNAPSHOT_FORMAT}).`,
    );
  }
  if (format < 1) throw new VersionSnapshotError('corrupt', `Unknown snapshot format ${format}.`);
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (length > MAX_PAYLOAD_BYTES) {
    throw new VersionSnapshotError(
      'corrupt',
      `The version snapshot claims ${length} bytes, more than allowed.`,
    );
  }
  let payload: unknown;
  try {
    // A fixed-size output buffer: a stream that inflates to more is truncated and then fails to parse.
    const json = inflateSync(bytes.subarray(HEADER_BYTES), { out: new Uint8Array(length) });
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch (cause) {
    throw new VersionSnapshotError('corrupt', `The version snapshot is damaged: ${errorText(cause)}.`);
  }
  return readPayload(payload, problems);
}

function readPayload(payload: unknown, problems: ValidationProblem[] | undefined): VersionContent {
  const corrupt = (what: string) =>
    new VersionSnapshotError('corrupt', `The version snapshot is damaged: ${what}.`);
  if (!isObject(payload)) throw corrupt('no payload object');
  const { ids } = payload;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && id.length > 0)) {
    throw corrupt('invalid id table');
  }
  if (new Set(ids).size !== ids.length) throw corrupt('duplicate ids');
  const lists = {} as Record<Collection, Json[]>;
  for (const c of COLLECTIONS) {
    const list = payload[c];
    if (!Array.isArray(list) || !list.every(isObject)) throw corrupt(`invalid ${c} list`);
    lists[c] = list;
  }
  if (COLLECTIONS.reduce((n, c) => n + lists[c].length, 0) !== ids.length) throw corrupt('id table size');

  const deref = (value: unknown): unknown => {
    if (typeof value !== 'number') return value;
    if (!Number.isInteger(value) || value < 0 || value >= ids.length)
      throw corrupt(`reference ${value} out of range`);
    return ids[value];
  };
  let offset = 0;
  const read = <T>(
    collection: Collection,
    parse: (id: string, fields: Json) => Parsed<T>,
    resolve: (fields: Json) => Json,
  ): T[] => {
    const out: T[] = [];
    for (const fields of lists[collection]) {
      const id = ids[offset++] as string;
      const parsed = parse(id, resolve(fields));
      if (parsed.ok) out.push(parsed.value);
      else problems?.push({ collection, id, reason: parsed.reason });
    }
    return out;
  };
  const phases = read<Phase>('phases', parsePhase, (f) => f);
  const actors = read<Actor>('actors', parseActor, (f) => ({ ...f, phaseId: deref(f.phaseId) }));
  const links = read<Link>('links', parseLink, (f) => ({
    ...f,
    source: deref(f.source),
    target: deref(f.target),
  }));
  const notes = read<Note>('notes', parseNote, (f) => ({
    ...f,
    phaseId: deref(f.phaseId),
    sourceNoteId: deref(f.sourceNoteId),
    anchor: isObject(f.anchor) ? { ...f.anchor, id: deref(f.anchor.id) } : f.anchor,
  }));
  return { meta: readMeta(payload.meta), phases, actors, links, notes };
}

function readMeta(value: unknown): MapMeta {
  const m = isObject(value) ? value : {};
  const schemaVersion = m.schemaVersion;
  return {
    title: typeof m.title === 'string' ? m.title : '',
    municipality: typeof m.municipality === 'string' ? m.municipality : '',
    schemaVersion: typeof schemaVersion === 'number' && Number.isInteger(schemaVersion) ? schemaVersion : 0,
  };
}

// ── defaults: whatever the model's parser fills in for a missing field is not stored ──────────────

/** Fields the parsers require are always kept, whatever their value. */
const ALWAYS_KEPT = new Set<string>([
  ...ACTOR_REQUIRED,
  ...LINK_REQUIRED,
  ...NOTE_REQUIRED,
  ...PHASE_REQUIRED,
]);

function withoutDefaults(element: object, defaults: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(element)) {
    if (key === 'id') continue;
    if (!ALWAYS_KEPT.has(key) && key in defaults && JSON.stringify(defaults[key]) === JSON.stringify(value))
      continue;
    out[key] = value;
  }
  return out;
}

// Defaults are derived from the parsers themselves, so a new field with a default needs no change here.
const defaultsCache = new Map<string, Json>();
function cached(key: string, make: () => Parsed<object>): Json {
  let d = defaultsCache.get(key);
  if (!d) {
    const parsed = make();
    d = parsed.ok ? (parsed.value as Json) : {};
    defaultsCache.set(key, d);
  }
  return d;
}
const origin = { x: 0, y: 0 };
const actorDefaults = (kind: string) =>
  cached(`a:${kind}`, () => parseActor('_', { kind, position: origin }));
const linkDefaults = (kind: string) =>
  cached(`l:${kind}`, () => parseLink('_', { kind, source: 'a', target: 'b' }));
const noteDefaults = (kind: string) => cached(`n:${kind}`, () => parseNote('_', { kind }));
const phaseDefaults = () => cached('p', () => parsePhase('_', { order: 'a0' }));

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
