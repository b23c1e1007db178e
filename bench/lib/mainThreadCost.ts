import type { Page } from '@playwright/test';
import { PROFILE, startProfile, stopProfile } from './cpuProfile';

/**
 * The main-thread time an action costs a page, from CDP Performance.getMetrics before and after it
 * (the page's own clock, so a loaded machine inflates both alike). With --profile, a CPU profile of
 * the action too, its top functions printed.
 */

export interface MainThread {
  script: number;
  layoutAndStyle: number;
  /** All main-thread tasks (script, style, layout, paint, GC, …). */
  task: number;
}

export async function mainThreadCost(
  label: string,
  page: Page,
  action: () => Promise<void>,
): Promise<MainThread> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return {
      script: get('ScriptDuration') * 1000,
      layoutAndStyle: (get('LayoutDuration') + get('RecalcStyleDuration')) * 1000,
      task: get('TaskDuration') * 1000,
    };
  };
  if (PROFILE) await startProfile(cdp);
  const before = await read();
  await action();
  const after = await read();
  if (PROFILE) await stopProfile(cdp, label);
  await cdp.detach();
  return {
    script: after.script - before.script,
    layoutAndStyle: after.layoutAndStyle - before.layoutAndStyle,
    task: after.task - before.task,
  };
}
