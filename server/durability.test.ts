import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from './createServer';
import { SqliteMapStore } from './storage/SqliteMapStore';
import {
  allStored,
  clientsClosedAfterEach,
  contentOf,
  createMap,
  labelOf,
  putLabel,
  startServer,
  synced,
  tempDir,
  waitFor,
} from './test/helpers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let server: RunningServer | undefined;
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await server?.close();
  server = undefined;
});
const open = clientsClosedAfterEach();

/** Runs server/main.ts as its own process on a free port; resolves its URL from the startup log line. */
async function spawnServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('server did not print its URL within 15 s')), 15_000);
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (const line of buffered.split('\n')) {
        const match = /"url":"(http:[^"]+)"/.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      }
    });
  });
  return { child, url };
}

describe('durability', () => {
  it('a restart on the same DATA_DIR keeps all content', async () => {
    const dataDir = tempDir();
    server = await startServer({ dataDir });
    const map = await createMap(server.url);
    const writer = open(server.url, map.id, map.editKey, { ack: true });
    await synced(writer);
    for (let i = 0; i < 20; i++) putLabel(writer.doc, `n${i}`, `label ${i}`);
    await allStored(writer);
    const expected = contentOf(writer.doc);
    writer.destroy();
    await server.close();

    server = await startServer({ dataDir });
    const reader = open(server.url, map.id, map.viewKey);
    await synced(reader);
    expect(contentOf(reader.doc)).toEqual(expected);
  });

  it('an update another client received survives kill -9 of the server', async () => {
    const dataDir = tempDir();
    const first = await spawnServer(dataDir);
    const map = await createMap(first.url);
    const a = open(first.url, map.id, map.editKey);
    const b = open(first.url, map.id, map.viewKey);
    await Promise.all([synced(a), synced(b)]);
    putLabel(a.doc, 'survivor', 'relayed means stored');
    await waitFor(() => labelOf(b.doc, 'survivor') !== undefined, 'B receives the update');
    a.provider.disconnect();
    b.provider.disconnect();
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;

    const second = await spawnServer(dataDir);
    const fresh = open(second.url, map.id, map.editKey);
    await synced(fresh);
    expect(contentOf(fresh.doc)).toEqual({ survivor: 'relayed means stored' });
    second.child.kill('SIGKILL');
  });

  it('SIGTERM closes sockets with 1001 and exits 0 with everything stored', async () => {
    const dataDir = tempDir();
    const { child, url } = await spawnServer(dataDir);
    const map = await createMap(url);
    const a = open(url, map.id, map.editKey, { ack: true });
    await synced(a);
    putLabel(a.doc, 'kept', 'ok');
    await allStored(a);
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    await waitFor(() => a.closes.length > 0, 'client sees the close');
    expect(a.closes[0]?.code).toBe(1001);
    const store = new SqliteMapStore({ file: path.join(dataDir, 'ketenkaart.sqlite') });
    const rows = await store.loadUpdates(map.id);
    await store.close();
    expect(rows.length).toBe(1); // compacted on shutdown
  });

  it('compaction past the threshold and on unload keeps the content and shrinks the log', async () => {
    const dataDir = tempDir();
    const store = new SqliteMapStore({ file: path.join(dataDir, 'db.sqlite') });
    server = await startServer({ store, compactThreshold: 10, roomIdleMs: 10 });
    const map = await createMap(server.url);
    const writer = open(server.url, map.id, map.editKey, { ack: true });
    await synced(writer);
    for (let i = 0; i < 40; i++) {
      putLabel(writer.doc, `n${i % 5}`, `label ${i}`);
      await allStored(writer);
    }
    expect((await store.loadUpdates(map.id)).length).toBeLessThanOrEqual(11);
    expect(server.metrics.compactions).toBeGreaterThan(0);
    const expected = contentOf(writer.doc);
    writer.destroy();
    await waitFor(() => server!.metrics.loadedMaps === 0, 'map unloaded after the idle grace period');
    expect(await store.loadUpdates(map.id)).toHaveLength(1);

    const reader = open(server.url, map.id, map.editKey);
    await synced(reader);
    expect(contentOf(reader.doc)).toEqual(expected);
    await server.close();
    server = undefined;
    await store.close();
  });
});
