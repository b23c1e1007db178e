import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ChainMap } from '../../../shared/model/ChainMap';
import { LocalMapStore } from '../persistence/LocalMapStore';
import { guardUnload, type UnloadEnvironment } from './unloadGuard';

const stores: LocalMapStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

/** A window and document stand-in: real EventTargets with the two facts the guard reads. */
function fakeEnvironment() {
  const win = new EventTarget();
  const doc = Object.assign(new EventTarget(), {
    visibilityState: 'visible' as DocumentVisibilityState,
    activeElement: null as Element | null,
  });
  const env = { window: win, document: doc } as unknown as UnloadEnvironment;
  const beforeUnload = () => {
    const event = new Event('beforeunload', { cancelable: true });
    // Node's Event has a read-only `returnValue`; the browser's BeforeUnloadEvent lets it be set.
    Object.defineProperty(event, 'returnValue', { value: '', writable: true });
    win.dispatchEvent(event);
    // Chromium asks on either signal: preventDefault (119+) or a non-empty returnValue (older).
    const returnValue = (event as unknown as { returnValue: unknown }).returnValue;
    expect(event.defaultPrevented).toBe(returnValue !== '');
    return event.defaultPrevented;
  };
  return { env, win, doc, beforeUnload };
}

async function openMap() {
  const store = new LocalMapStore(`unload-${stores.length}-${Date.now()}`);
  stores.push(store);
  const { doc } = new ChainMap();
  const persistence = store.bindDoc('m', doc);
  await persistence.whenLoaded;
  const model = ChainMap.create(doc, { title: 'Kaart' });
  await persistence.whenFlushed();
  return { store, doc, persistence, model };
}

async function storedLabels(store: LocalMapStore): Promise<string[]> {
  const map = new ChainMap();
  const reader = store.bindDoc('m', map.doc);
  await reader.whenLoaded;
  reader.destroy();
  return map.read().actors.map((a) => a.label);
}

describe('guardUnload', () => {
  it('issues the queued write on pagehide, before the end of the turn', async () => {
    const { store, persistence, model } = await openMap();
    const { env, win } = fakeEnvironment();
    const dispose = guardUnload(persistence, env);
    const table = store.db.updates;
    const add = table.add.bind(table);
    let writesIssued = 0;
    table.add = ((row: Parameters<typeof add>[0]) => {
      writesIssued++;
      return add(row);
    }) as typeof table.add;
    model.addActor({ kind: 'service', label: 'Burgerzaken', position: { x: 0, y: 0 } });
    // The edit sits in the queue until the microtask; pagehide must not wait for it.
    expect(writesIssued).toBe(0);
    win.dispatchEvent(new Event('pagehide'));
    expect(writesIssued).toBe(1);
    await persistence.whenFlushed();
    expect(writesIssued).toBe(1);
    expect(await storedLabels(store)).toEqual(['Burgerzaken']);
    dispose();
  });

  it('commits a half-typed text field by blurring it on pagehide, then flushes', async () => {
    const { store, persistence, model } = await openMap();
    const { env, win, doc } = fakeEnvironment();
    const dispose = guardUnload(persistence, env);
    // A field that commits on blur, like the inline label editor.
    doc.activeElement = {
      tagName: 'INPUT',
      blur: () => model.addActor({ kind: 'partner', label: 'OCMW', position: { x: 0, y: 0 } }),
    } as unknown as Element;
    win.dispatchEvent(new Event('pagehide'));
    expect(persistence.pending).toBeGreaterThan(0);
    await persistence.whenFlushed();
    expect(await storedLabels(store)).toEqual(['OCMW']);
    dispose();
  });

  it('flushes when the page becomes hidden, without touching focus', async () => {
    const { persistence, model } = await openMap();
    const { env, doc } = fakeEnvironment();
    const dispose = guardUnload(persistence, env);
    let blurred = false;
    doc.activeElement = { tagName: 'INPUT', blur: () => (blurred = true) } as unknown as Element;
    let flushed = 0;
    const flush = persistence.flush.bind(persistence);
    persistence.flush = () => {
      flushed++;
      flush();
    };
    model.addActor({ kind: 'service', label: 'A', position: { x: 0, y: 0 } });
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(flushed).toBe(0);
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(flushed).toBe(1);
    expect(blurred).toBe(false);
    await persistence.whenFlushed();
    dispose();
  });

  it('asks before unloading only while a write is uncommitted', async () => {
    const { persistence, model } = await openMap();
    const { env, beforeUnload } = fakeEnvironment();
    const dispose = guardUnload(persistence, env);
    expect(beforeUnload()).toBe(false);
    model.addActor({ kind: 'service', label: 'A', position: { x: 0, y: 0 } });
    expect(persistence.pending).toBeGreaterThan(0);
    expect(beforeUnload()).toBe(true);
    await persistence.whenFlushed();
    expect(beforeUnload()).toBe(false);
    dispose();
  });

  it('stops listening once disposed', async () => {
    const { persistence, model } = await openMap();
    const { env, beforeUnload } = fakeEnvironment();
    guardUnload(persistence, env)();
    model.addActor({ kind: 'service', label: 'A', position: { x: 0, y: 0 } });
    expect(beforeUnload()).toBe(false);
    await persistence.whenFlushed();
  });
});
