import { describe, expect, it } from 'vitest';
import { plainWorkerArgv } from './plainWorkerArgv';

describe('plainWorkerArgv', () => {
  it('drops the tsx loader in every spelling and keeps every other flag', () => {
    expect(plainWorkerArgv(['--import', 'tsx', '--expose-gc'])).toEqual(['--expose-gc']);
    expect(plainWorkerArgv(['--import=tsx', '--max-old-space-size=512'])).toEqual([
      '--max-old-space-size=512',
    ]);
    expect(
      plainWorkerArgv(['--require', 'tsx/cjs', '--loader', 'file:///r/node_modules/tsx/dist/esm/index.mjs']),
    ).toEqual([]);
    expect(plainWorkerArgv(['--inspect', '--import', './otel.mjs', '-r', 'dotenv/config'])).toEqual([
      '--inspect',
      '--import',
      './otel.mjs',
      '-r',
      'dotenv/config',
    ]);
  });

  it('keeps a module whose name merely contains tsx', () => {
    expect(plainWorkerArgv(['--import', 'my-tsx-tool', '--import=./tsxish.mjs'])).toEqual([
      '--import',
      'my-tsx-tool',
      '--import=./tsxish.mjs',
    ]);
  });
});
