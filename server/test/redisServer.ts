import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import { freePort } from '../reliability/serverProcess';

function findRedis(): string {
  try {
    return execFileSync('which', ['redis-server'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Redis is not installed (no redis-server on PATH): run `apt-get install redis-server`.');
  }
}

export interface RedisServer {
  port: number;
  url: string;
  /** SIGKILL: the broker vanishes at once, as in an outage (it keeps nothing: no persistence). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

/** Answers PING on the port, or false. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('error', () => resolve(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
  });
}

/** A throwaway Redis for tests: loopback, a free port, no persistence. */
export async function startRedis(): Promise<RedisServer> {
  const bin = findRedis();
  const port = await freePort();
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const start = async () => {
    const proc = spawn(
      bin,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--loglevel',
        'warning',
      ],
      { stdio: 'ignore' },
    );
    child = proc;
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    const deadline = Date.now() + 10_000;
    while (!(await pings(port))) {
      if (proc.exitCode !== null) throw new Error(`redis-server exited at start (port ${port})`);
      if (Date.now() > deadline) throw new Error('redis-server not ready after 10 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    stop: async () => {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
