#!/usr/bin/env node
// Runs every test KetenKaart has, in order: typecheck, lint, build, unit + integration (Vitest),
// end-to-end in real Chromium (Playwright). Every step runs even when an earlier one failed, so
// one run shows everything; the last line is the overall count of passed and failed tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Outside test-results/: Playwright empties that folder when it starts.
const resultsDir = mkdtempSync(join(tmpdir(), 'ketenkaart-test-summary-'));
const vitestJson = join(resultsDir, 'vitest.json');
const measuredJson = join(resultsDir, 'vitest-measured.json');
// Tests that assert latency guarantees (and the kill loop) run after the rest, one file at a time:
// measured next to the other test files, they would measure those files' load as well.
const MEASURED = [
  'server/reliability/isolation.test.ts',
  'server/reliability/structureFuzz.test.ts',
  'server/reliability/killLoop.test.ts',
  // Three server processes each, on a PostgreSQL and a Redis of their own.
  'server/cluster/multiNode.test.ts',
  'server/cluster/nodeFailures.test.ts',
];
const playwrightJson = join(resultsDir, 'playwright.json');

const steps = [];

function run(name, command, args, env = {}) {
  console.log(`\n━━ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  steps.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

run('Typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
run('Lint', 'npx', ['biome', 'check', '.']);
const built =
  run('Build', 'npx', ['vite', 'build', '--logLevel', 'warn']) &&
  run('Build the server', 'node', ['scripts/build-server.mjs']);
run('Unit and integration tests', 'npx', [
  'vitest',
  'run',
  ...MEASURED.map((file) => `--exclude=${file}`),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
run('Isolation, fuzz and kill loop (one file at a time)', 'npx', [
  'vitest',
  'run',
  ...MEASURED,
  '--no-file-parallelism',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${measuredJson}`,
]);
const chromium = run('Chromium check', 'node', ['scripts/ensure-chromium.mjs']);
if (built && chromium) {
  run('End-to-end tests (Chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });
} else {
  steps.push({
    name: 'End-to-end tests (Chromium)',
    ok: false,
    seconds: 0,
    note: 'not run: build or Chromium missing',
  });
}

/** Up to `count` non-empty lines of an error message, without colour codes, each at most 160 characters. */
function firstLines(message, count) {
  return (
    String(message ?? '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .map((line) => line.trim())
      // Stack frames and Vitest's placeholder say nothing a reader of the tail can use.
      .filter((line) => line.length > 0 && !line.startsWith('at ') && line !== 'Error: STACK_TRACE_ERROR')
      .slice(0, count)
      .map((line) => (line.length > 160 ? `${line.slice(0, 157)}…` : line))
  );
}

function vitestFailures(runs) {
  return runs.flatMap((run) =>
    (run?.testResults ?? []).flatMap((file) =>
      (file.assertionResults ?? [])
        .filter((test) => test.status === 'failed')
        .map((test) => ({
          title: `${file.name.replace(`${process.cwd()}/`, '')} › ${test.fullName ?? test.title}`,
          message: (test.failureMessages ?? []).join('\n') || file.message,
        })),
    ),
  );
}

function playwrightFailures(report) {
  const found = [];
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const last = test.results?.at(-1);
        found.push({
          title: `${spec.file}:${spec.line} › ${spec.title}`,
          message: last?.error?.message ?? last?.errors?.[0]?.message ?? last?.status,
        });
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report?.suites ?? []) visit(suite);
  return found;
}

const vitestRuns = [readJson(vitestJson), readJson(measuredJson)];
const playwright = readJson(playwrightJson);
const sum = (field) => vitestRuns.reduce((total, run) => total + (run?.[field] ?? 0), 0);
const vPassed = sum('numPassedTests');
const vFailed = sum('numFailedTests');
const vSkipped = sum('numPendingTests');
const pPassed = (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0);
const pFailed = playwright?.stats?.unexpected ?? 0;
const pSkipped = playwright?.stats?.skipped ?? 0;
const failedSteps = steps.filter((s) => !s.ok);

// CI shows only the last lines of a run: name each failed test there with the first lines of its
// error, so a failure on a machine nobody can log in to still says why.
const failures = [...vitestFailures(vitestRuns), ...playwrightFailures(playwright)];
if (failures.length > 0) {
  console.log('\n━━ Failed tests (first lines of each error)');
  for (const { title, message } of failures.slice(0, 6)) {
    console.log(`✘ ${title}`);
    for (const line of firstLines(message, 3)) console.log(`    ${line}`);
  }
  if (failures.length > 6) console.log(`… and ${failures.length - 6} more above`);
}

console.log('\n━━ Summary');
for (const s of steps) {
  console.log(
    `${s.ok ? 'ok  ' : 'FAIL'}  ${s.name} (${s.seconds.toFixed(1)} s)${s.note ? ` — ${s.note}` : ''}`,
  );
}
console.log(`Vitest: ${vPassed} passed, ${vFailed} failed, ${vSkipped} skipped`);
console.log(`Playwright: ${pPassed} passed, ${pFailed} failed, ${pSkipped} skipped`);
// A failed step that no failed test explains (typecheck, lint, build, a crashed runner) counts as one failure.
const unexplained = failedSteps.filter(
  (s) =>
    !((s.name.startsWith('Unit') || s.name.startsWith('Isolation')) && vFailed > 0) &&
    !(s.name.startsWith('End-to-end') && pFailed > 0),
).length;
const failed = vFailed + pFailed + unexplained;
console.log(`${vPassed + pPassed} passed, ${failed} failed, ${vSkipped + pSkipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
