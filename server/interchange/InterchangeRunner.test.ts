import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inMemoryMap } from '../../shared/model/replicas';
import { createLogger } from '../logger';
import { waitFor } from '../test/helpers';
import { InterchangeRunner } from './InterchangeRunner';
import { interchangeWorkerBundle } from './serverInterchange';

let runner: InterchangeRunner | undefined;
afterEach(async () => {
  await runner?.close();
  runner = undefined;
});

const exportJob = () => ({
  kind: 'export' as const,
  state: Y.encodeStateAsUpdate(inMemoryMap({ title: 'Keten' }).doc),
  format: 'json' as const,
  table: 'actors' as const,
  locale: 'nl' as const,
  includeVersions: false,
});

const formatOf = (bytes: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(bytes)).format;

describe('InterchangeRunner', () => {
  it('ends its worker once no job came for idleMs, and the next job starts a new one', async () => {
    runner = new InterchangeRunner({
      workerUrl: interchangeWorkerBundle,
      deadlineMs: 60_000,
      heapMb: 256,
      idleMs: 200,
      log: createLogger('silent'),
    });
    expect(runner.hasWorker).toBe(false);
    const first = await runner.run(exportJob());
    expect(formatOf(first.bytes)).toBe('ketenkaart/1');
    await waitFor(() => !runner!.hasWorker, 'the idle worker is ended', 10_000);
    const second = await runner.run(exportJob());
    expect(formatOf(second.bytes)).toBe('ketenkaart/1');
    expect(runner.hasWorker).toBe(true);
  }, 60_000);
});
