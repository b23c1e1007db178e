import { describe, expect, it } from 'vitest';
import { type PersistApi, PersistentStorageRequest, requestPersistence } from './persistentStorage';

function memory(initial: string | null = null) {
  let value = initial;
  return {
    get: () => value,
    set: (next: string) => {
      value = next;
    },
  };
}

function api(answer: boolean, already = false) {
  const calls = { persist: 0 };
  const storage: PersistApi = {
    persisted: async () => already,
    persist: async () => {
      calls.persist++;
      return answer;
    },
  };
  return { storage, calls };
}

describe('requestPersistence', () => {
  it('does not ask again when the storage is already persistent', async () => {
    const { storage, calls } = api(false, true);
    expect(await requestPersistence(storage)).toBe('persisted');
    expect(calls.persist).toBe(0);
  });

  it('reports a refusal, a grant, and a browser without the API', async () => {
    expect(await requestPersistence(api(false).storage)).toBe('refused');
    expect(await requestPersistence(api(true).storage)).toBe('persisted');
    expect(await requestPersistence(undefined)).toBe('unsupported');
    expect(await requestPersistence({})).toBe('unsupported');
  });

  it('takes a throwing storage manager as a refusal', async () => {
    const throwing: PersistApi = {
      persist: async () => {
        throw new Error('blocked');
      },
    };
    expect(await requestPersistence(throwing)).toBe('refused');
  });
});

describe('PersistentStorageRequest', () => {
  it('asks the browser once per session however many edits follow', async () => {
    const { storage, calls } = api(true);
    const request = new PersistentStorageRequest(storage, memory());
    await Promise.all([request.afterEdit(), request.afterEdit()]);
    await request.afterEdit();
    expect(calls.persist).toBe(1);
  });

  it('explains a refusal the first time on a device, and never again in a later session', async () => {
    const device = memory();
    expect(await new PersistentStorageRequest(api(false).storage, device).afterEdit()).toBe(true);
    const later = api(false);
    expect(await new PersistentStorageRequest(later.storage, device).afterEdit()).toBe(false);
    // The browser is still asked in the later session: its answer may have changed.
    expect(later.calls.persist).toBe(1);
  });

  it('says nothing when the browser grants or cannot be asked', async () => {
    expect(await new PersistentStorageRequest(api(true).storage, memory()).afterEdit()).toBe(false);
    expect(await new PersistentStorageRequest(undefined, memory()).afterEdit()).toBe(false);
  });
});
