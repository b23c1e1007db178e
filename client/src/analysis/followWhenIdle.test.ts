import { describe, expect, it } from 'vitest';
import { inMemoryMap } from '../../../shared/model/replicas';
import type { ChainMapState } from '../../../shared/model/types';
import { CanvasStore } from '../canvas/CanvasStore';
import type { IdleScheduler } from '../session/whenIdle';
import { followWhenIdle } from './followWhenIdle';

/** An idle queue the test runs by hand. */
function manualIdle() {
  const queue: (() => void)[] = [];
  const idle: IdleScheduler = (run) => {
    queue.push(run);
    return () => queue.splice(queue.indexOf(run), 1);
  };
  const flush = () => {
    for (const run of queue.splice(0)) run();
  };
  return { idle, queue, flush };
}

describe('following the map snapshot when idle', () => {
  it('delivers a model change only once the browser is idle, once per burst, the latest snapshot', () => {
    const model = inMemoryMap({ title: 'kaart' });
    const id = model.addActor({ kind: 'service', label: 'A', position: { x: 0, y: 0 } });
    const store = new CanvasStore(model, false);
    const { idle, queue, flush } = manualIdle();
    const delivered: ChainMapState[] = [];
    followWhenIdle(store, (s) => delivered.push(s), 500, idle);
    flush();
    expect(delivered).toHaveLength(1);
    model.updateActor(id, { label: 'B' });
    model.updateActor(id, { label: 'C' });
    // Not in the task that changed the model.
    expect(delivered).toHaveLength(1);
    expect(queue).toHaveLength(1);
    flush();
    expect(delivered).toHaveLength(2);
    expect(delivered[1]!.actors[0]!.label).toBe('C');
  });

  it('schedules nothing for notifications that leave the snapshot as it was (selection, drag frames)', () => {
    const model = inMemoryMap({ title: 'kaart' });
    const id = model.addActor({ kind: 'service', label: 'A', position: { x: 0, y: 0 } });
    const store = new CanvasStore(model, false);
    const { idle, queue, flush } = manualIdle();
    followWhenIdle(store, () => {}, 500, idle);
    flush();
    store.setSelected([id]);
    store.setSelected([]);
    expect(queue).toHaveLength(0);
  });

  it('stops following when unsubscribed', () => {
    const model = inMemoryMap({ title: 'kaart' });
    const id = model.addActor({ kind: 'service', label: 'A', position: { x: 0, y: 0 } });
    const store = new CanvasStore(model, false);
    const { idle, queue } = manualIdle();
    const stop = followWhenIdle(store, () => {}, 500, idle);
    stop();
    model.updateActor(id, { label: 'B' });
    expect(queue).toHaveLength(0);
  });
});
