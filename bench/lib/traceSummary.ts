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
  args?: { name?: string };
}

/**
 * Main-thread time by top-level trace event (script, style, layout, paint, raster, GC): what a drag
 * frame is actually spent on. Only events that do not nest in another counted one are summed.
 */
export function printTraceSummary(label: string, trace: Buffer): void {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  // Every open page has its own renderer main thread: the traced page's is the one that worked most.
  const work = new Map<string, number>();
  for (const e of events)
    if (e.ph === 'X' && e.dur) work.set(`${e.pid}:${e.tid}`, (work.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
  const main = events
    .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .sort((a, b) => (work.get(`${b.pid}:${b.tid}`) ?? 0) - (work.get(`${a.pid}:${a.tid}`) ?? 0))[0];
  if (!main) return;
  const COUNTED = new Set([
    'FunctionCall',
    'EventDispatch',
    'TimerFire',
    'FireAnimationFrame',
    'RunMicrotasks',
    'UpdateLayoutTree',
    'Layout',
    'PrePaint',
    'Paint',
    'Layerize',
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
