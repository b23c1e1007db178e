/**
 * A heavy year of a KetenKaart map, simulated through the model API: workshops of many concurrent
 * editors relayed through a "server" doc, versions, a coordinator between workshops. The doc-growth
 * benchmark measures its size and load time; the document shape rules are checked against every
 * update it produces, so no legitimate write is refused.
 *
 * Each user has a device doc (kept between workshops, as IndexedDB keeps it) that takes a new
 * clientID every session, as a reopened tab does, and catches up from the server doc; during a
 * workshop the updates of all users are relayed through the server in rounds of 100 edits, so edits
 * within a round are concurrent. Edits: drags (one moveActors at drag end plus 0–3 throttled
 * intermediate writes), multi-select drags, label/field edits, adds, deletes, links, warmth toggles,
 * notes and statuses.
 *
 * Modes: `checkpoints` — gc on; a version stores a compact checkpoint of the content;
 * `yjsSnapshot` — gc off; a version stores Y.encodeSnapshot(Y.snapshot(doc)).
 */
import * as Y from 'yjs';
import { ChainMap } from '../model/ChainMap';
import { LINK_KINDS, NOTE_KINDS, REGIE_LEVELS } from '../model/types';
import { SeededRandom } from '../seededRandom';
import { buildSampleMap, seededIds } from '../versions/buildSampleMap';
import { maybeSaveDailyVersion, saveVersion } from '../versions/saveVersion';
import { contentOf, sameContent } from '../versions/versionContent';

export type YearMode = 'checkpoints' | 'yjsSnapshot';

export interface YearSize {
  readonly workshops: number;
  readonly editsPerWorkshop: number;
  readonly users: number;
  readonly actors: number;
  readonly coordinatorEdits: number;
  readonly baselineWorkshops: number;
}

/** 24 workshops × 2,000 edits by 10 users on a 300-actor map. */
export const HEAVY_YEAR: YearSize = {
  workshops: 24,
  editsPerWorkshop: 2000,
  users: 10,
  actors: 300,
  coordinatorEdits: 100,
  baselineWorkshops: 6,
};

/** The same year, small enough for a unit test. */
export const QUICK_YEAR: YearSize = {
  workshops: 4,
  editsPerWorkshop: 500,
  users: 10,
  actors: 100,
  coordinatorEdits: 40,
  baselineWorkshops: 2,
};

export interface SimulateOptions {
  /** Sees the state after each workshop cycle (a YearResult so far). */
  readonly observe?: (done: number, so: YearResult) => void;
  /** Sees every update the relay sends to the server doc, just before the server applies it. */
  readonly onServerUpdate?: (update: Uint8Array, server: Y.Doc) => void;
}
const ROUND = 100; // edits between two relays through the server (a few seconds of a workshop)
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 8, 9);
const USERS = ['Anna', 'Bert', 'Chloé', 'Dirk', 'Els', 'Fatima', 'Geert', 'Hanne', 'Ioana', 'Jan'];

export interface YearResult {
  readonly doc: Uint8Array;
  readonly versions: number;
  readonly autoVersions: number;
  readonly versionBytes: number;
  readonly writes: number;
  readonly simulateMs: number;
  readonly firstVersionId: string;
}

const REMOTE = Symbol('remote');

interface Session {
  readonly map: ChainMap;
  /** This session's own updates since the last exchange, as a provider would send them. */
  outbox: Uint8Array[];
}

/** Runs `workshops` workshop cycles of a year of size `YEAR`. */
export function simulateYear(
  mode: YearMode,
  workshops: number,
  YEAR: YearSize,
  { observe, onServerUpdate }: SimulateOptions = {},
): YearResult {
  let started = performance.now();
  const gc = mode === 'checkpoints';
  const rnd = new SeededRandom(2024);
  const newId = seededIds(new SeededRandom(99));
  let nextClientId = 1;
  const server = new Y.Doc({ gc });
  server.clientID = nextClientId++;
  buildSampleMap({ seed: 1, actors: YEAR.actors, doc: server });
  let writes = 0;
  let autoVersions = 0;

  /**
   * A user's browser keeps the map in IndexedDB between workshops, but every session is a new Y.Doc
   * and so a new clientID: each session here takes a fresh clientID and catches up from the server
   * (sync step 2), as a reopened tab does.
   */
  const devices = new Map<string, Session>();
  const openSession = (user: string): Session => {
    let session = devices.get(user);
    if (!session) {
      const doc = new Y.Doc({ gc });
      const map = new ChainMap(doc);
      map.setAuthor(user);
      const created: Session = { map, outbox: [] };
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== REMOTE) created.outbox.push(update);
      });
      devices.set(user, created);
      session = created;
    }
    session.map.doc.clientID = nextClientId++;
    Y.applyUpdate(
      session.map.doc,
      Y.encodeStateAsUpdate(server, Y.encodeStateVector(session.map.doc)),
      REMOTE,
    );
    return session;
  };

  /**
   * The relay, once per round: every session's updates of the round, merged, reach the server and
   * every session (a session skips its own structs). One apply per doc per round keeps a year fast.
   */
  const exchange = (sessions: readonly Session[]) => {
    const outgoing = sessions.flatMap((s) => s.outbox);
    for (const s of sessions) s.outbox = [];
    if (outgoing.length === 0) return;
    const update = Y.mergeUpdates(outgoing);
    onServerUpdate?.(update, server);
    Y.applyUpdate(server, update, REMOTE);
    for (const s of sessions) Y.applyUpdate(s.map.doc, update, REMOTE);
  };

  /** The version a save button or the daily policy makes, in each design. */
  const keepVersion = ({ map }: Session, name: string, now: number, auto: boolean): void => {
    if (mode === 'checkpoints') {
      if (!auto) saveVersion(map, name, { now });
      else if (maybeSaveDailyVersion(map, { now }) !== null) autoVersions++;
      return;
    }
    // Yjs snapshots: the same policy; the latest version's content comes from createDocFromSnapshot.
    const day = new Date(now).toISOString().slice(0, 10);
    if (auto) {
      const versions = map.versions();
      if (versions.some((v) => v.id === `auto-${day}`)) return;
      const latest = versions[versions.length - 1];
      if (latest && sameContent(readYjsVersion(map, latest.id), contentOf(map))) return;
      autoVersions++;
    }
    const snapshot = Y.encodeSnapshot(Y.snapshot(map.doc));
    map.addVersion({ name, createdAt: now, auto, snapshot, ...(auto ? { id: `auto-${day}` } : {}) });
  };

  const edit = ({ map }: Session, known: Known, now: number): number => {
    const r = rnd.next();
    const actor = () => rnd.pick(known.actors)!;
    const spot = () => ({ x: Math.round(rnd.next() * 4000), y: Math.round(rnd.next() * 2400) });
    if (r < 0.4) {
      // A drag: 1–4 selected actors, a few throttled intermediate writes, then the drag end.
      const ids = Array.from({ length: rnd.bool(0.8) ? 1 : 2 + rnd.int(3) }, actor);
      const steps = rnd.int(4);
      for (let s = 0; s <= steps; s++) map.moveActors(ids.map((id) => ({ id, position: spot() })));
      return steps + 1;
    }
    if (r < 0.6) {
      // A field edit; typing is debounced into 1–3 writes.
      const id = actor();
      const n = 1 + rnd.int(3);
      for (let s = 0; s < n; s++) {
        const f = rnd.int(4);
        if (f === 0) map.updateActor(id, { label: `${rnd.pick(LABELS)} ${rnd.int(1000)}` });
        else if (f === 1) map.updateActor(id, { description: `${rnd.pick(TEXTS)} (${now % 997})` });
        else if (f === 2) map.updateActor(id, { regie: rnd.pick(REGIE_LEVELS)! });
        else map.updateActor(id, { tags: rnd.bool() ? ['onthaal', 'taal'] : ['werk'] });
      }
      return n;
    }
    if (r < 0.65) {
      known.actors.push(
        map.addActor({
          id: newId(),
          kind: rnd.bool() ? 'partner' : 'service',
          label: `Nieuw ${rnd.int(1e6)}`,
          position: spot(),
        }),
      );
      return 1;
    }
    if (r < 0.7) {
      // As many deletes as adds: the map stays near its starting size, as a mature map does.
      const id = known.actors.splice(rnd.int(known.actors.length), 1)[0]!;
      map.deleteElements({ actors: [id] });
      return 1;
    }
    if (r < 0.76) {
      const source = actor();
      const target = actor();
      if (source === target) return 0;
      try {
        known.links.push(map.addLink({ id: newId(), kind: rnd.pick(LINK_KINDS)!, source, target }));
      } catch {
        return 0; // an endpoint was deleted by a peer since the last sync
      }
      return 1;
    }
    if (r < 0.79) {
      if (known.links.length === 0) return 0;
      map.deleteElements({ links: [known.links.splice(rnd.int(known.links.length), 1)[0]!] });
      return 1;
    }
    if (r < 0.85) {
      if (known.links.length === 0) return 0;
      map.updateLink(rnd.pick(known.links)!, {
        warmth: rnd.bool(0.6) ? 'warm' : 'cold',
        label: rnd.bool(0.3) ? 'doorverwijzing' : '',
      });
      return 1;
    }
    if (r < 0.88) {
      known.notes.push(
        map.addNote({ id: newId(), kind: rnd.pick(NOTE_KINDS)!, text: rnd.pick(TEXTS)!, position: spot() }),
      );
      return 1;
    }
    if (r < 0.94) {
      if (known.notes.length === 0) return 0;
      map.updateNote(
        rnd.pick(known.notes)!,
        rnd.bool() ? { status: rnd.bool(0.6) ? 'done' : 'inProgress' } : { text: rnd.pick(TEXTS)! },
      );
      return 1;
    }
    if (r < 0.98) {
      if (known.notes.length === 0) return 0;
      map.moveNotes([{ id: rnd.pick(known.notes)!, position: spot() }]);
      return 1;
    }
    if (r < 0.998) {
      if (known.notes.length === 0) return 0;
      map.deleteElements({ notes: [known.notes.splice(rnd.int(known.notes.length), 1)[0]!] });
      return 1;
    }
    const lane = rnd.pick(map.phases());
    if (lane) map.renamePhase(lane.id, `${rnd.pick(LANES)}`);
    return 1;
  };

  for (let w = 0; w < workshops; w++) {
    const workshopDay = START + w * 15 * DAY;
    // The workshop: everyone opens the map (the auto policy runs on open), edits in sync rounds.
    const sessions = USERS.slice(0, YEAR.users).map(openSession);
    for (const s of sessions) keepVersion(s, '', workshopDay, true);
    exchange(sessions);
    // One list of ids for the whole workshop, kept up to date by the edits themselves; an edit of an
    // element a peer deleted (or added, not yet synced) is a no-op, as it is in the app.
    const known = knownOf(sessions[0]!.map);
    for (let done = 0; done < YEAR.editsPerWorkshop; done += ROUND) {
      for (let e = 0; e < ROUND; e++)
        writes += edit(rnd.pick(sessions)!, known, workshopDay + done * 1000 + e);
      exchange(sessions);
    }
    const coordinator = sessions[0]!;
    keepVersion(coordinator, `Na workshop ${w + 1}`, workshopDay + 3 * 3_600_000, false);
    exchange(sessions);
    // Between workshops: the coordinator tidies up on two other days.
    for (const offset of [3, 8]) {
      const day = workshopDay + offset * DAY;
      const session = openSession(USERS[0]!);
      keepVersion(session, '', day, true);
      const known = knownOf(session.map);
      for (let e = 0; e < YEAR.coordinatorEdits; e++) writes += edit(session, known, day + e);
      keepVersion(session, '', day + 3_600_000, true);
      exchange([session]);
    }
    if (observe) {
      const paused = performance.now();
      observe(w + 1, resultNow());
      started += performance.now() - paused; // measuring is not simulating
    }
  }

  return resultNow();

  function resultNow(): YearResult {
    const final = new ChainMap(server);
    const versions = final.versions();
    const named = versions.filter((v) => !v.auto);
    return {
      doc: Y.encodeStateAsUpdate(server),
      versions: versions.length,
      autoVersions,
      versionBytes: versions.reduce((n, v) => n + (final.versionSnapshot(v.id)?.byteLength ?? 0), 0),
      writes,
      simulateMs: performance.now() - started,
      firstVersionId: named[0]?.id ?? '',
    };
  }
}

/** Reads a version in the Yjs-snapshot design: rebuild the doc as it was, then read it. */
export function readYjsVersion(map: ChainMap, id: string) {
  const old = Y.createDocFromSnapshot(map.doc, Y.decodeSnapshot(map.versionSnapshot(id)!));
  return contentOf(new ChainMap(old));
}

interface Known {
  actors: string[];
  links: string[];
  notes: string[];
}

function knownOf(map: ChainMap): Known {
  const { actors, links, notes } = map.read();
  return { actors: actors.map((a) => a.id), links: links.map((l) => l.id), notes: notes.map((n) => n.id) };
}

const LABELS = [
  'Burgerzaken',
  'Sociale dienst',
  'Huis van het Kind',
  'VDAB',
  'CLB',
  'Toeleider',
  'Bibliotheek',
];
const TEXTS = [
  'Nieuwe inwoners krijgen bij de inschrijving een folder en een afspraak.',
  'Wachtlijst voor Nederlandse les is lang.',
  'Toeleider spreekt Roemeens en bezoekt gezinnen thuis.',
  'Contactgegevens delen met toestemming.',
];
const LANES = ['Aankomst', 'Inschrijving', 'Onthaal', 'Toeleiding', 'Opvolging', 'Nazorg'];
