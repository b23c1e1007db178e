import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type ServerProcess, spawnServer } from './reliability/serverProcess';
import {
  allStored,
  clientsClosedAfterEach,
  createMap,
  labelOf,
  putLabel,
  synced,
  tempDir,
  waitFor,
} from './test/helpers';

let server: ServerProcess | undefined;
beforeAll(async () => {
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`building the server failed:\n${build.stderr}`);
  const dir = tempDir();
  server = await spawnServer({
    args: ['dist/server/main.mjs'],
    env: { DATA_DIR: dir, STATIC_DIR: path.join(dir, 'no-client'), LOG_LEVEL: 'warn' },
  });
}, 60_000);
afterAll(async () => {
  await server?.kill();
});
const open = clientsClosedAfterEach();

describe('the compiled server (what npm start runs)', () => {
  it('runs with plain node, without tsx, and stores and relays edits', async () => {
    expect(server!.child.spawnargs.join(' ')).not.toContain('tsx');
    const map = await createMap(server!.url);
    const writer = open(server!.url, map.id, map.editKey, { ack: true });
    const reader = open(server!.url, map.id, map.viewKey);
    await Promise.all([synced(writer), synced(reader)]);
    putLabel(writer.doc, 'gemeente', 'Gent');
    await allStored(writer);
    await waitFor(() => labelOf(reader.doc, 'gemeente') === 'Gent', 'the reader got the edit');
  }, 30_000);
});
