import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../reliability/serverProcess';
import { tempDir } from './helpers';

/** Where Debian's `postgresql` package puts the server binaries (newest version first), then PATH. */
function findBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return path.join(root, versions[0], 'bin');
  try {
    return path.dirname(execFileSync('which', ['initdb'], { encoding: 'utf8' }).trim());
  } catch {
    throw new Error(
      'PostgreSQL is not installed (no initdb in /usr/lib/postgresql/*/bin or on PATH): run `apt-get install postgresql`.',
    );
  }
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user the package creates. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error('running as root needs the `postgres` user (created by `apt-get install postgresql`).');
  }
}

export interface PostgresServer {
  port: number;
  /** URL of `database` (default: the `postgres` maintenance database). */
  url(database?: string): string;
  /** A new, empty database; resolves its URL. */
  createDatabase(): Promise<string>;
  /** Fast shutdown (SIGINT): sessions are cut, committed work is on disk. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  destroy(): Promise<void>;
}

let databases = 0;

/**
 * A throwaway PostgreSQL server for tests: its own data directory in a temp dir, a free loopback
 * port, trust auth for its `postgres` role, no socket outside its directory.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = findBinDir();
  const owner = runAs();
  const dir = tempDir('ketenkaart-pg-');
  const dataDir = path.join(dir, 'data');
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  execFileSync(
    path.join(bin, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-instructions'],
    { stdio: 'pipe', ...owner },
  );
  const port = await freePort();
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let output = '';
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;

  const start = async (): Promise<void> => {
    const proc = spawn(
      path.join(bin, 'postgres'),
      [
        '-D',
        dataDir,
        '-p',
        String(port),
        '-k',
        dir,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'max_connections=200',
        '-c',
        'shared_buffers=32MB',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], ...owner },
    );
    child = proc;
    proc.stdout?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    });
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`PostgreSQL exited at start:\n${output}`);
      const client = new pg.Client({ connectionString: url() });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await client.end().catch(() => {});
      }
      if (Date.now() > deadline) throw new Error(`PostgreSQL not ready after 20 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const stop = async (): Promise<void> => {
    if (child && child.exitCode === null) child.kill('SIGINT');
    await exited;
  };

  await start();
  return {
    port,
    url,
    createDatabase: async () => {
      const name = `kk_${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop,
    start,
    destroy: async () => {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
