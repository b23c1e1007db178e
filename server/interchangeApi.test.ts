import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { exportMap } from '../shared/interchange/exportMap';
import { workbook } from '../shared/interchange/testing/workbook';
import { ChainMap } from '../shared/model/ChainMap';
import { buildSampleMap } from '../shared/versions/buildSampleMap';
import type { RunningServer } from './createServer';
import {
  type Client,
  clientsClosedAfterEach,
  createMap,
  type MapCredentials,
  startServer,
  synced,
  tempDir,
  waitFor,
} from './test/helpers';

/**
 * The import and export API against the real server and a real SQLite file, with stock y-websocket
 * clients connected: an import is one update that every client receives, stored before it is
 * answered; a bad file or a wrong key changes nothing.
 */

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const open = clientsClosedAfterEach();

const PARTNERS = [
  'Organisatie;E-mail;Gemeente;Ondernemingsnummer',
  'VDAB Halle;halle@vdab.be;Halle;BE 0887.010.362',
  'Café De Kring;info@dekring.be;Halle;',
  'OCMW Halle;;Halle;',
].join('\r\n');

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function importFile(
  url: string,
  map: MapCredentials,
  body: string | Uint8Array | ArrayBuffer,
  { type = 'text/csv', key = map.editKey, query = '' } = {},
): Promise<Response> {
  return fetch(`${url}/api/maps/${map.id}/import${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': type },
    body: body as BodyInit,
  });
}

function exportFile(url: string, map: MapCredentials, query: string, key = map.viewKey): Promise<Response> {
  return fetch(`${url}/api/maps/${map.id}/export?${query}`, { headers: { authorization: `Bearer ${key}` } });
}

const labels = (doc: Y.Doc) =>
  new ChainMap(doc)
    .actors()
    .map((a) => a.label)
    .sort();

/** A map as the first client leaves it: created through the model on a connected client. */
async function startedMap(
  url: string,
  title = 'Keten Halle',
): Promise<{ map: MapCredentials; editor: Client }> {
  const map = await createMap(url, { title });
  const editor = open(url, map.id, map.editKey);
  await synced(editor);
  ChainMap.create(editor.doc, { title, municipality: 'Halle' }, {});
  return { map, editor };
}

/** The map's content as the API exports it (KetenKaart JSON). */
async function exported(url: string, map: MapCredentials): Promise<{ actors: { label: string }[] }> {
  const res = await exportFile(url, map, 'format=json');
  expect(res.status).toBe(200);
  return (await res.json()) as { actors: { label: string }[] };
}

describe('POST /api/maps/:id/import', () => {
  it('merges a partner list as one update that two connected stock clients receive, stored before the answer', async () => {
    const dataDir = tempDir();
    server = await startServer({ dataDir });
    const { map, editor } = await startedMap(server.url);
    const viewer = open(server.url, map.id, map.viewKey);
    await synced(viewer);
    await waitFor(() => new ChainMap(viewer.doc).isInitialised(), 'the viewer has the new map');
    const updates: Uint8Array[] = [];
    viewer.doc.on('update', (u: Uint8Array) => updates.push(u));

    const res = await importFile(server.url, map, PARTNERS, { query: '?kind=Partner' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      added: { phases: 0, actors: 3, links: 0, notes: 0, versions: 0 },
      updated: { phases: 0, actors: 0, links: 0, notes: 0, versions: 0 },
      unchanged: 0,
    });
    const expected = ['Café De Kring', 'OCMW Halle', 'VDAB Halle'];
    await waitFor(() => labels(editor.doc).length === 3, 'the editor receives the import');
    await waitFor(() => labels(viewer.doc).length === 3, 'the viewer receives the import');
    expect(labels(editor.doc)).toEqual(expected);
    expect(updates).toHaveLength(1);
    const vdab = new ChainMap(viewer.doc).actors().find((a) => a.label === 'VDAB Halle')!;
    expect(vdab).toMatchObject({ kind: 'partner', kbo: '0887010362', contact: 'halle@vdab.be' });

    // Acknowledged means stored: a restart on the same SQLite file still has it.
    editor.destroy();
    viewer.destroy();
    await server.close();
    server = await startServer({ dataDir });
    expect((await exported(server.url, map)).actors.map((a) => a.label).sort()).toEqual(expected);
  });

  it('re-importing the list with one changed row updates that actor and adds nothing', async () => {
    server = await startServer();
    const { map, editor } = await startedMap(server.url);
    expect((await importFile(server.url, map, PARTNERS)).status).toBe(200);
    const changed = PARTNERS.replace('info@dekring.be', 'kring@halle.be');
    const res = await importFile(server.url, map, changed);
    expect(await res.json()).toMatchObject({ added: { actors: 0 }, updated: { actors: 1 }, unchanged: 2 });
    await waitFor(
      () => new ChainMap(editor.doc).actors().some((a) => a.contact === 'kring@halle.be'),
      'the update reaches the client',
    );
    expect(labels(editor.doc)).toHaveLength(3);
  });

  it('imports into a map that is not in memory by loading it first; a client that joins later has it', async () => {
    server = await startServer();
    const { map, editor } = await startedMap(server.url);
    editor.destroy();
    // roomIdleMs is 20 in tests: wait until the room is gone from memory.
    await waitFor(async () => {
      const health = (await (await fetch(`${server!.url}/healthz`)).json()) as { loadedMaps: number };
      return health.loadedMaps === 0;
    }, 'the map is unloaded');
    const xlsx = await workbook([
      { name: 'Partners', rows: PARTNERS.split('\r\n').map((l) => l.split(';')) },
    ]);
    const res = await importFile(server.url, map, xlsx, { type: XLSX });
    expect(res.status).toBe(200);
    const late = open(server.url, map.id, map.viewKey);
    await waitFor(() => labels(late.doc).length === 3, 'the late client has the import');
  });

  it('lays out a Kumu workbook’s linked newcomers in their lanes on the worker (the auto-layout runs there)', async () => {
    server = await startServer();
    const { map, editor } = await startedMap(server.url);
    const xlsx = await workbook([
      {
        name: 'Elements',
        rows: [
          ['Label', 'Type', 'Fase'],
          ['Burgerzaken', 'Dienst', 'Aankomst'],
          ['Onthaalgesprek', 'Overdrachtspunt', 'Onthaal'],
          ['VDAB', 'Partner', 'Toeleiding'],
        ],
      },
      {
        name: 'Connections',
        rows: [
          ['From', 'To', 'Type'],
          ['Burgerzaken', 'Onthaalgesprek', 'Warme overdracht'],
          ['Onthaalgesprek', 'VDAB', 'Koude overdracht'],
        ],
      },
    ]);
    const res = await importFile(server.url, map, xlsx, { type: XLSX });
    expect(await res.json()).toMatchObject({ added: { phases: 3, actors: 3, links: 2 } });
    await waitFor(() => new ChainMap(editor.doc).read().links.length === 2, 'the client has the links');
    const state = new ChainMap(editor.doc).read();
    const positions = new Set(state.actors.map((a) => `${a.position.x},${a.position.y}`));
    expect(positions.size).toBe(3);
  });

  it('initialises a map nobody opened yet, as its first client would, and a KetenKaart file gives it its title', async () => {
    server = await startServer();
    const list = await createMap(server.url);
    expect((await importFile(server.url, list, PARTNERS)).status).toBe(200);
    const client = open(server.url, list.id, list.viewKey);
    await waitFor(() => labels(client.doc).length === 3, 'the client has the import');
    expect(new ChainMap(client.doc).isInitialised()).toBe(true);

    const source = buildSampleMap({ seed: 4, actors: 12 });
    const file = await exportMap(source, 'json');
    const copy = await createMap(server.url);
    expect((await importFile(server.url, copy, file.bytes, { type: 'application/json' })).status).toBe(200);
    const meta = (await exported(server.url, copy)) as unknown as { meta: { title: string } };
    expect(meta.meta.title).toBe(source.read().meta.title);
  });

  it('answers 422 with every problem in Dutch, at its row and column, and writes nothing', async () => {
    server = await startServer();
    const { map, editor } = await startedMap(server.url);
    const before = (await exported(server.url, map)).actors.length;
    const bad =
      'Organisatie;Soort;Ondernemingsnummer\r\nVDAB;Partner;0887.010.363\r\nDe Kring;Vereniging;\r\n';
    const res = await importFile(server.url, map, bad);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; problems: Record<string, unknown>[] };
    expect(body.error).toBe('2 problemen: er is niets geïmporteerd');
    expect(body.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'Ondernemingsnummer', code: 'kboChecksum' }),
      expect.objectContaining({ row: 3, column: 'Soort', code: 'unknownKind' }),
    ]);
    expect(String(body.problems[1]!.message)).toContain('Vereniging');
    expect((await exported(server.url, map)).actors).toHaveLength(before);
    expect(labels(editor.doc)).toHaveLength(before);
  });

  it('refuses a file that is not CSV, XLSX or JSON (422), a wrong type (415), a bad kind (400), and a file over the limit (413)', async () => {
    server = await startServer({ limits: { maxImportBytes: 1024 } });
    const { map } = await startedMap(server.url);
    const binary = await importFile(server.url, map, new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0]));
    expect(binary.status).toBe(422);
    expect(((await binary.json()) as { problems: { code: string }[] }).problems[0]!.code).toBe(
      'unsupportedFormat',
    );
    expect((await importFile(server.url, map, PARTNERS, { type: 'image/png' })).status).toBe(415);
    const kind = await importFile(server.url, map, PARTNERS, { query: '?kind=vereniging' });
    expect(kind.status).toBe(400);
    expect(((await kind.json()) as { error: string }).error).toContain('‘vereniging’ is geen soort actor');
    const big = await importFile(server.url, map, `Naam\r\n${'x'.repeat(2000)}\r\n`);
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toContain('grens');
    expect((await exported(server.url, map)).actors).toHaveLength(0);
  });

  it('stops an import (422, nothing written) and an export (503) that run past their deadline, the server serving on', async () => {
    // 1 ms: the interchange worker cannot even start in that time, so the deadline always comes first.
    server = await startServer({ limits: { interchangeDeadlineMs: 1 } });
    const { map, editor } = await startedMap(server.url);
    const res = await importFile(server.url, map, PARTNERS);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toContain('er is niets geïmporteerd');
    expect((await exportFile(server.url, map, 'format=json')).status).toBe(503);
    new ChainMap(editor.doc).addActor({ kind: 'service', label: 'Burgerzaken' });
    const viewer = open(server.url, map.id, map.viewKey);
    await waitFor(() => labels(viewer.doc).length === 1, 'an edit still arrives');
    expect(labels(viewer.doc)).toEqual(['Burgerzaken']);
  });

  it('refuses a participate or view key (403, in Dutch), no key (401), a wrong key (403) and an unknown map (404), the map unchanged', async () => {
    server = await startServer();
    const { map, editor } = await startedMap(server.url);
    for (const key of [map.participateKey, map.viewKey]) {
      const refused = await importFile(server.url, map, PARTNERS, { key });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: string }).error).toBe(
        'Alleen de bewerkingslink kan in een kaart importeren; met deze link kun je de kaart niet wijzigen. Er is niets geïmporteerd.',
      );
    }
    const english = await importFile(server.url, map, PARTNERS, {
      key: map.participateKey,
      query: '?lang=en',
    });
    expect(((await english.json()) as { error: string }).error).toMatch(/^Only the edit link can import/);
    const noKey = await fetch(`${server.url}/api/maps/${map.id}/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: PARTNERS,
    });
    expect(noKey.status).toBe(401);
    expect((await importFile(server.url, map, PARTNERS, { key: 'x'.repeat(22) })).status).toBe(403);
    const unknown = { ...map, id: 'y'.repeat(22) };
    expect((await importFile(server.url, unknown, PARTNERS)).status).toBe(404);
    expect((await exported(server.url, map)).actors).toHaveLength(0);
    expect(labels(editor.doc)).toEqual([]);
  });

  it('keeps a client’s concurrent edit and the import both', async () => {
    server = await startServer();
    const { map, editor } = await startedMap(server.url);
    const model = new ChainMap(editor.doc);
    const importing = importFile(server.url, map, PARTNERS);
    model.addActor({ kind: 'service', label: 'Burgerzaken' });
    expect((await importing).status).toBe(200);
    await waitFor(() => labels(editor.doc).length === 4, 'the client has both');
    await waitFor(async () => (await exported(server!.url, map)).actors.length === 4, 'the server has both');
  });
});

describe('GET /api/maps/:id/export', () => {
  it('answers every format with its media type and a file name made from the title, for any key of the map', async () => {
    server = await startServer();
    const { map } = await startedMap(server.url, 'Keten Sint-Pieters-Leeuw');
    expect((await importFile(server.url, map, PARTNERS)).status).toBe(200);
    const cases: [string, string, string][] = [
      ['format=json', 'application/json; charset=utf-8', 'Keten Sint-Pieters-Leeuw.json'],
      ['format=xlsx', XLSX, 'Keten Sint-Pieters-Leeuw.xlsx'],
      ['format=csv&table=actors', 'text/csv; charset=utf-8', 'Keten Sint-Pieters-Leeuw - actors.csv'],
      ['format=csv&table=links', 'text/csv; charset=utf-8', 'Keten Sint-Pieters-Leeuw - links.csv'],
      ['format=csv&table=notes', 'text/csv; charset=utf-8', 'Keten Sint-Pieters-Leeuw - notes.csv'],
      ['format=graphml', 'application/graphml+xml; charset=utf-8', 'Keten Sint-Pieters-Leeuw.graphml'],
      ['format=gexf', 'application/gexf+xml; charset=utf-8', 'Keten Sint-Pieters-Leeuw.gexf'],
    ];
    for (const [query, type, name] of cases) {
      for (const key of [map.viewKey, map.participateKey, map.editKey]) {
        const res = await exportFile(server.url, map, query, key);
        expect(res.status, query).toBe(200);
        expect(res.headers.get('content-type')).toBe(type);
        expect(res.headers.get('content-disposition')).toContain(
          `filename*=UTF-8''${encodeURIComponent(name)}`,
        );
        expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
      }
    }
    const csv = await (await exportFile(server.url, map, 'format=csv&table=actors')).text();
    expect(csv).toContain('VDAB Halle');
    expect(csv).not.toContain(map.editKey);
  });

  it('refuses an unknown format or table (400), a wrong key (403) and an unknown map (404)', async () => {
    server = await startServer();
    const { map } = await startedMap(server.url);
    expect((await exportFile(server.url, map, 'format=pdf')).status).toBe(400);
    expect((await exportFile(server.url, map, 'format=csv&table=keys')).status).toBe(400);
    expect((await exportFile(server.url, map, 'format=json', 'x'.repeat(22))).status).toBe(403);
    expect((await fetch(`${server.url}/api/maps/${map.id}/export?format=json`)).status).toBe(401);
    expect((await exportFile(server.url, { ...map, id: 'y'.repeat(22) }, 'format=json')).status).toBe(404);
  });

  it('tells the holder of a key retired by a rotation that the keys were replaced (403), as the socket does', async () => {
    server = await startServer();
    const { map } = await startedMap(server.url);
    const rotated = await fetch(`${server.url}/api/maps/${map.id}/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${map.editKey}` },
    });
    expect(rotated.status).toBe(200);
    const fresh = (await rotated.json()) as { viewKey: string };
    const old = await exportFile(server.url, map, 'format=json');
    expect(old.status).toBe(403);
    expect(((await old.json()) as { error: string }).error).toMatch(/replaced/);
    expect((await exportFile(server.url, map, 'format=json', fresh.viewKey)).status).toBe(200);
  });

  it('round-trips: a JSON export imported into a new map gives the same actors, links and positions', async () => {
    server = await startServer();
    const source = buildSampleMap({ seed: 3, actors: 40 });
    const file = await exportMap(source, 'json');
    const { map: first } = await startedMap(server.url, 'Bron');
    expect((await importFile(server.url, first, file.bytes, { type: 'application/json' })).status).toBe(200);
    const out = await (await exportFile(server.url, first, 'format=json')).arrayBuffer();
    const { map: second, editor } = await startedMap(server.url, 'Kopie');
    expect((await importFile(server.url, second, out, { type: 'application/json' })).status).toBe(200);
    const expected = source.read();
    await waitFor(
      () => new ChainMap(editor.doc).actors().length === expected.actors.length,
      'the copy arrives',
    );
    const copy = new ChainMap(editor.doc).read();
    const byId = <T extends { id: string }>(xs: readonly T[]) =>
      [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(copy.actors)).toEqual(byId(expected.actors));
    expect(byId(copy.links)).toEqual(byId(expected.links));
  });
});
