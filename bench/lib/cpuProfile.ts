import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession } from '@playwright/test';

/**
 * CPU profiles of a page through CDP, sampled every 200 µs, for `--profile` runs of the browser
 * bench: the functions with the most self and total time say where a slow phase is spent.
 */

/** With --profile on the command line, the benches that take CPU profiles take them. */
export const PROFILE = process.argv.includes('--profile');

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** With --profile: the functions with the most self time, and the most total (inclusive) time, in a CDP CPU profile. */
export function printTopFunctions(label: string, profile: CpuProfile): void {
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++)
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i] ?? 0));
  const key = (node: CpuProfile['nodes'][number]) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
  };
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    byName.set(key(node), (byName.get(key(node)) ?? 0) + (self.get(node.id) ?? 0) / 1000);
  }
  // Inclusive time: a node's self time plus its subtree's, counted once per function on each stack.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = key(byId.get(at)!);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + us / 1000);
    }
  }
  const print = (title: string, map: Map<string, number>, n: number) => {
    console.error(`\n[profile] ${label}: ${title}`);
    for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n))
      console.error(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  };
  print('top self time', byName, 15);
  total.delete('(root) :0');
  print('top total time', total, Number(process.env.BENCH_PROFILE_TOP ?? 25));
}

/** Starts sampling on `cdp`; `stopProfile` prints what it found under `label`. */
export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

export async function stopProfile(cdp: CDPSession, label: string): Promise<void> {
  const { profile } = await cdp.send('Profiler.stop');
  printTopFunctions(label, profile);
  // The whole profile, for DevTools' Performance panel (load the file) or a timeline of its own.
  const file = path.join(os.tmpdir(), `ketenkaart-${label.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(profile));
  console.error(`  (whole profile: ${file})`);
}
