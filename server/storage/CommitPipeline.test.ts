import { describe, expect, it } from 'vitest';
import { CommitPipeline, type GroupOutcome } from './CommitPipeline';

/** An executor whose groups finish only when the test says so; records every group it was given. */
function controlledExecutor() {
  const groups: number[][] = [];
  const finishers: Array<(outcome: GroupOutcome<number> | Error) => void> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const execute = (ops: number[]) =>
    new Promise<GroupOutcome<number>>((resolve, reject) => {
      groups.push(ops);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      finishers.push((outcome) => {
        inFlight--;
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      });
    });
  const ok = (ops: number[]): GroupOutcome<number> => ({
    grouped: true,
    ms: 1,
    results: ops.map((op) => ({ ok: true, value: op * 10 })),
  });
  return {
    execute,
    groups,
    maxInFlight: () => maxInFlight,
    /** Completes the oldest unfinished group, successfully unless `outcome` is given. */
    finish: (outcome?: GroupOutcome<number> | Error) => {
      const finisher = finishers.shift();
      if (!finisher) throw new Error('no group in flight');
      finisher(outcome ?? ok(groups.at(-1) ?? []));
    },
    ok,
  };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('CommitPipeline', () => {
  it('groups everything submitted in one turn, keeps one group in flight, and queues the rest for the next', async () => {
    const exec = controlledExecutor();
    const pipeline = new CommitPipeline(exec.execute);
    const settled: number[] = [];
    const submit = (op: number) => pipeline.submit(op).then((v) => settled.push(v));
    let followUp: Promise<number> | undefined;
    const first = [
      submit(1),
      // A caller that submits its next op once its previous one settled.
      pipeline.submit(2).then((v) => {
        settled.push(v);
        followUp = submit(7);
      }),
      submit(3),
    ];
    await tick();
    expect(exec.groups).toEqual([[1, 2, 3]]);
    // Submitted while a group is in flight: nothing is dispatched until it finishes.
    const second = [submit(4), submit(5)];
    await tick();
    const third = [submit(6)];
    await tick();
    expect(exec.groups).toHaveLength(1);
    expect(settled).toEqual([]);
    exec.finish(exec.ok([1, 2, 3]));
    await Promise.all(first);
    await tick();
    // The next group holds everything that arrived meanwhile, in order, and what the settled ops'
    // callers submitted as they resumed.
    expect(exec.groups[1]).toEqual([4, 5, 6, 7]);
    exec.finish(exec.ok([4, 5, 6, 7]));
    await Promise.all([...second, ...third, followUp]);
    expect(settled).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(exec.maxInFlight()).toBe(1);
    expect(pipeline.stats).toMatchObject({ groups: 2, groupCommits: 2, ops: 7, maxGroup: 4 });
  });

  it('does not resolve an op before its group finished', async () => {
    const exec = controlledExecutor();
    const pipeline = new CommitPipeline(exec.execute);
    let resolved = false;
    const p = pipeline.submit(7).then(() => {
      resolved = true;
    });
    for (let i = 0; i < 5; i++) await tick();
    expect(resolved).toBe(false);
    exec.finish(exec.ok([7]));
    await p;
    expect(resolved).toBe(true);
  });

  it('rejects only the op that failed; the others of its group resolve', async () => {
    const exec = controlledExecutor();
    const pipeline = new CommitPipeline(exec.execute);
    const a = pipeline.submit(1);
    const b = pipeline.submit(2);
    const c = pipeline.submit(3);
    await tick();
    exec.finish({
      grouped: false,
      ms: 1,
      results: [
        { ok: true, value: 10 },
        { ok: false, error: new Error('no such map') },
        { ok: true, value: 30 },
      ],
    });
    await expect(a).resolves.toBe(10);
    await expect(b).rejects.toThrow('no such map');
    await expect(c).resolves.toBe(30);
    expect(pipeline.stats.groupCommits).toBe(0);
    // The pipeline keeps working.
    const d = pipeline.submit(4);
    await tick();
    exec.finish(exec.ok([4]));
    await expect(d).resolves.toBe(40);
  });

  it('when the executor fails, rejects the group in flight, the queued ops and every later op', async () => {
    const exec = controlledExecutor();
    const pipeline = new CommitPipeline(exec.execute);
    const inFlight = pipeline.submit(1);
    await tick();
    const queued = pipeline.submit(2);
    exec.finish(new Error('writer died'));
    await expect(inFlight).rejects.toThrow('writer died');
    await expect(queued).rejects.toThrow('writer died');
    await expect(pipeline.submit(3)).rejects.toThrow('writer died');
    expect(exec.groups).toEqual([[1]]);
    await pipeline.idle();
  });

  it('idle() waits for queued and in-flight groups', async () => {
    const exec = controlledExecutor();
    const pipeline = new CommitPipeline(exec.execute);
    void pipeline.submit(1);
    let idle = false;
    const waiting = pipeline.idle().then(() => {
      idle = true;
    });
    await tick();
    expect(idle).toBe(false);
    exec.finish(exec.ok([1]));
    await waiting;
    expect(idle).toBe(true);
  });
});
