/**
 * Asking the browser to keep this origin's storage (IndexedDB with every map) instead of clearing it
 * under storage pressure. Chromium decides by itself (an installed app, a bookmark, engagement) and
 * may refuse; Firefox asks the user. We ask after the first real edit, not on load, because an
 * unprompted request on a page that has nothing worth keeping is refused or annoys.
 *
 * Invariant: the user hears about a refusal at most once per device (`told`); we still ask again
 * in later sessions, because the browser's answer can change (e.g. after installing the app).
 */
export type PersistOutcome = 'persisted' | 'refused' | 'unsupported';

/** The part of `navigator.storage` this needs; absent in old browsers and some private modes. */
export interface PersistApi {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

/** Remembers on the device whether the refusal was already explained. */
export interface PersistMemory {
  get(): string | null;
  set(value: string): void;
}

const TOLD = 'refusal-told';

export async function requestPersistence(api: PersistApi | undefined): Promise<PersistOutcome> {
  if (!api?.persist) return 'unsupported';
  try {
    if (api.persisted && (await api.persisted())) return 'persisted';
    return (await api.persist()) ? 'persisted' : 'refused';
  } catch {
    // A browser that throws here (blocked storage) keeps nothing for us either.
    return 'refused';
  }
}

/**
 * Asks once per session; resolves whether the refusal must be explained now (true only the first
 * time this device is refused).
 */
export class PersistentStorageRequest {
  private asked: Promise<boolean> | null = null;

  constructor(
    private readonly api: PersistApi | undefined,
    private readonly memory: PersistMemory,
  ) {}

  /** Call on each real edit; only the first call of a session asks the browser. */
  afterEdit(): Promise<boolean> {
    this.asked ??= requestPersistence(this.api).then((outcome) => {
      if (outcome !== 'refused' || this.memory.get() === TOLD) return false;
      this.memory.set(TOLD);
      return true;
    });
    return this.asked;
  }
}

/** The browser's storage manager and a localStorage flag, each tolerating their absence. */
export function browserPersistentStorage(): PersistentStorageRequest {
  const key = 'ketenkaart.persistentStorage';
  const api = typeof navigator !== 'undefined' ? (navigator.storage as PersistApi | undefined) : undefined;
  return new PersistentStorageRequest(api, {
    get: () => {
      try {
        return globalThis.localStorage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set: (value) => {
      try {
        globalThis.localStorage?.setItem(key, value);
      } catch {
        // Not remembered: the user may hear it once more, nothing worse.
      }
    },
  });
}
