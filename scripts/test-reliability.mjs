#!/usr/bin/env node
// The long reliability suites: the server's soak, kill loop and frame fuzz (server/reliability) with
// RELIABILITY_LONG=1, and the model's convergence fuzz with more seeds and operations. `npm test`
// runs the same suites at CI size. Extra arguments go to Vitest (e.g. `-- server/reliability/soak`
// to run one suite); FUZZ_SEEDS, FUZZ_OPS and RELIABILITY_SEED override the sizes and seed.
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  RELIABILITY_LONG: '1',
  FUZZ_SEEDS: process.env.FUZZ_SEEDS ?? '200',
  FUZZ_OPS: process.env.FUZZ_OPS ?? '1000',
};
const extra = process.argv.slice(2);
const suites = extra.some((a) => !a.startsWith('-'))
  ? []
  : ['server/reliability', 'shared/model/convergence.fuzz.test.ts'];
const result = spawnSync('npx', ['vitest', 'run', ...suites, ...extra], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
