import type { ChainMap } from '../model/ChainMap';
import { contentOf, sameContent } from './versionContent';
import { decodeVersionSnapshot, encodeVersionSnapshot } from './versionSnapshot';

export interface SaveVersionOptions {
  /** Wall-clock time of the save (ms since epoch); passed in so callers and tests control it. */
  readonly now: number;
  readonly auto?: boolean;
  /** A fixed id, e.g. the per-day id of an automatic version; omitted: a random one. */
  readonly id?: string;
}

/**
 * Saves the map's current content as a version ("Versie bewaren"). The version lives in the doc,
 * so it syncs to every participant and works offline like any other change. Returns its id.
 * Throws NewerSchemaError on a read-only map (the UI disables the button there).
 */
export function saveVersion(map: ChainMap, name: string, options: SaveVersionOptions): string {
  return map.addVersion({
    ...(options.id === undefined ? {} : { id: options.id }),
    name: name.trim(),
    createdAt: options.now,
    auto: options.auto ?? false,
    snapshot: encodeVersionSnapshot(contentOf(map)),
  });
}

export interface DailyVersionOptions {
  readonly now: number;
  /**
   * When the map last changed, if the caller tracks it. A change no later than the latest version
   * means nothing to keep, decided without decoding any snapshot.
   */
  readonly lastChangeAt?: number;
  /** The calendar the day is counted in; the municipality's own by default. */
  readonly timeZone?: string;
}

export const DEFAULT_TIME_ZONE = 'Europe/Brussels';

/**
 * The automatic-version policy: at most one automatic version per calendar day, and only when the
 * content differs from the latest version (named or automatic). Returns the new version's id, or
 * null when nothing was kept.
 *
 * Call it when a map is opened and when the user leaves it (page hidden / closed): the first call
 * of a day whose content differs keeps that content. The id is deterministic per day
 * (`auto-YYYY-MM-DD`), so two peers that do it concurrently (also offline) write the same Y.Map key
 * and the doc converges to one of the two — never two automatic versions for one day.
 */
export function maybeSaveDailyVersion(map: ChainMap, options: DailyVersionOptions): string | null {
  if (map.readOnly || !map.isInitialised()) return null;
  const id = autoVersionId(options.now, options.timeZone);
  const versions = map.versions();
  if (versions.some((v) => v.id === id)) return null;
  const latest = versions[versions.length - 1];
  if (latest) {
    if (options.lastChangeAt !== undefined && options.lastChangeAt <= latest.createdAt) return null;
    if (unchangedSince(map, latest.id)) return null;
  } else if (isEmpty(map)) {
    // A brand-new, empty map has nothing worth keeping yet.
    return null;
  }
  return saveVersion(map, '', { now: options.now, auto: true, id });
}

/** `auto-YYYY-MM-DD`, the day of `now` in `timeZone`. */
export function autoVersionId(now: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `auto-${calendarDay(now, timeZone)}`;
}

/** The ISO calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function calendarDay(now: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(now));
}

function unchangedSince(map: ChainMap, versionId: string): boolean {
  const bytes = map.versionSnapshot(versionId);
  if (!bytes) return false;
  try {
    return sameContent(decodeVersionSnapshot(bytes), contentOf(map));
  } catch {
    // An unreadable latest version protects nothing: keep a fresh one.
    return false;
  }
}

function isEmpty(map: ChainMap): boolean {
  const { actors, links, notes, phases } = map.read();
  return actors.length + links.length + notes.length + phases.length === 0;
}
