/**
 * A Chromium timeline trace summed by event on the traced page's main thread (`--trace` in
 * browser.bench.ts): where a frame's time goes, which the CDP metrics' totals do not say.
 */

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  ts?: number;
  tid: number;
  pid: number;
  cat?: string;
  args?: { name?: string };
}

/** A frame's rendering steps on the main thread. */
const RENDERING = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize'];

/** The traced page's renderer main thread: of every page's, the one that worked most. */
function mainThreadOf(events: TraceEvent[]): TraceEvent | undefined {
  const work = new Map<string, number>();
  for (const e of events)
    if (e.ph === 'X' && e.dur) work.set(`${e.pid}:${e.tid}`, (work.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
  return events
    .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .sort((a, b) => (work.get(`${b.pid}:${b.tid}`) ?? 0) - (work.get(`${a.pid}:${a.tid}`) ?? 0))[0];
}

/**
 * Main-thread time by top-level trace event (script, style, layout, paint, raster, GC): what a drag
 * frame is actually spent on. Only events that do not nest in another counted one are summed.
 */
export function printTraceSummary(label: string, trace: Buffer): void {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = mainThreadOf(events);
  if (!main) return;
  const COUNTED = new Set([
    'FunctionCall',
    'EventDispatch',
    'TimerFire',
    'FireAnimationFrame',
    'RunMicrotasks',
    ...RENDERING,
    'UpdateLayer',
    'CompositeLayers',
    'MajorGC',
    'MinorGC',
    'V8.GC_SCAVENGER',
    'ParseHTML',
    'HitTest',
  ]);
  const totals = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur || !COUNTED.has(e.name)) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  console.error(`\n[trace] ${label}: main-thread ms by event (nested events counted in each)`);
  for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]))
    console.error(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  // Tiles are rasterised off the main thread: a frame waits for them, so count them too.
  const raster = events.filter((e) => e.pid === main.pid && e.name === 'RasterTask' && e.ph === 'X');
  const rasterMs = raster.reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (const e of events)
    if (e.pid === main.pid && e.ph === 'X' && e.ts !== undefined) {
      first = Math.min(first, e.ts);
      last = Math.max(last, e.ts + (e.dur ?? 0));
    }
  const spanMs = (last - first) / 1000;
  console.error(
    `  ${rasterMs.toFixed(1).padStart(8)} ms  RasterTask on raster workers (${raster.length} tiles) in a ${spanMs.toFixed(0)} ms trace`,
  );
}

/** Events a task's time is split into in the timeline (the rest is the task's own). */
const PARTS = ['FunctionCall', 'RunMicrotasks', ...RENDERING];

/**
 * The main thread's tasks of at least `minMs`, in order, with the page's `kk:` marks between them,
 * on the page's clock (ms since navigation start, aligned on the marks): which task paints what.
 */
export function printTraceTimeline(label: string, trace: Buffer, minMs = 4): void {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = mainThreadOf(events);
  if (!main) return;
  const marks = events.filter(
    (e) => e.pid === main.pid && e.cat?.includes('blink.user_timing') && e.name.startsWith('kk:'),
  );
  // A user-timing mark's trace event carries its startTime: the offset from trace clock to page clock.
  const withTime = marks.find(
    (m) => typeof (m.args as { data?: { startTime?: number } })?.data?.startTime === 'number',
  );
  const nav = events.find((e) => e.pid === main.pid && e.name === 'navigationStart');
  const origin =
    withTime && withTime.ts !== undefined
      ? withTime.ts / 1000 - (withTime.args as { data: { startTime: number } }).data.startTime
      : (nav?.ts ?? 0) / 1000;
  const at = (ts: number) => (ts / 1000 - origin).toFixed(0).padStart(6);
  const own = events.filter(
    (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts !== undefined,
  );
  const tasks = own.filter(
    (e) =>
      (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && (e.dur ?? 0) / 1000 >= minMs,
  );
  const lines: [number, string][] = [];
  for (const task of tasks) {
    const end = task.ts! + task.dur!;
    const parts = new Map<string, number>();
    for (const e of own) {
      if (e.ts! < task.ts! || e.ts! >= end || !PARTS.includes(e.name)) continue;
      parts.set(e.name, (parts.get(e.name) ?? 0) + e.dur! / 1000);
    }
    const split = [...parts]
      .sort((a, b) => b[1] - a[1])
      .map(([n, ms]) => `${n} ${ms.toFixed(0)}`)
      .join(', ');
    lines.push([task.ts!, `${at(task.ts!)} task ${(task.dur! / 1000).toFixed(0).padStart(4)} ms  ${split}`]);
  }
  for (const m of marks) if (m.ts !== undefined) lines.push([m.ts, `${at(m.ts)}   · ${m.name.slice(3)}`]);
  console.error(
    `\n[trace] ${label}: main-thread tasks ≥ ${minMs} ms (nested events counted in each), ms since navigation`,
  );
  for (const [, line] of lines.sort((a, b) => a[0] - b[0])) console.error(line);
}
