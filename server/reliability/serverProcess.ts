import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MemoryReport } from './memoryReportingServer';

/** Repository root, so children resolve `server/main.ts` and `node_modules` whatever the caller's cwd. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A free loopback port. Reused across restarts so reconnecting clients find the new process at the same URL. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Settles when the process has exited, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning(): boolean;
  /** The last 64 KiB of stdout + stderr, for failure messages. */
  output(): string;
  /** SIGKILL and wait for the exit: nothing of the process survives but what it had made durable. */
  kill(): Promise<void>;
}

export interface SpawnServerOptions {
  /** Node arguments after the executable, e.g. ['--import', 'tsx', 'server/main.ts']. */
  args: string[];
  env?: Record<string, string>;
  port?: number;
  /** Adds an IPC channel (for children that answer memory queries). */
  ipc?: boolean;
  readyTimeoutMs?: number;
}

const OUTPUT_KEEP = 64 * 1024;

/** Starts a server child on 127.0.0.1 and resolves once it answers HTTP (deadline-bounded polling). */
export async function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, options.args, {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...options.env },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEEP);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    url,
    port,
    pid: child.pid ?? -1,
    child,
    exited,
    isRunning: () => running,
    output: () => output,
    kill: async () => {
      if (running) child.kill('SIGKILL');
      await exited;
    },
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 15_000);
  let lastError = '';
  for (;;) {
    if (!running) throw new Error(`server exited before it was ready:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      return server;
    } catch (err) {
      // Not listening yet (refused), or listening but not answering: the message tells which.
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      lastError = cause?.code ?? cause?.message ?? String(err);
    }
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(
        `server not ready after ${options.readyTimeoutMs ?? 15_000} ms (last: ${lastError}):\n${output}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `node --import tsx server/main.ts`, the production entry point, configured through env as in docs. */
export const ketenKaartArgs = ['--import', 'tsx', 'server/main.ts'];

/** `memoryReportingServer.ts`: the server that answers IPC memory queries after a forced GC. */
export const memoryReportingArgs = [
  '--expose-gc',
  '--import',
  'tsx',
  'server/reliability/memoryReportingServer.ts',
];

/**
 * Heap after GC and RSS of a child started with `memoryReportingArgs` and `ipc: true`. The report
 * waits for every doc worker to answer, and a worker still starting on a loaded machine takes
 * seconds: the guard only catches a server that never answers.
 */
export function queryMemory(server: ServerProcess): Promise<MemoryReport> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no memory report within 60 s')), 60_000);
    server.child.once('message', (report) => {
      clearTimeout(timer);
      resolve(report as MemoryReport);
    });
    server.child.send('memory');
  });
}

/** Current value of a gauge or counter from /metrics (0 when the series is absent). */
export async function metricValue(serverUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${serverUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}
