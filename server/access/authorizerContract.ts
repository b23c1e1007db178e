import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CLOSE_FORBIDDEN,
  CLOSE_KEY_REVOKED,
  CLOSE_NOT_FOUND,
  CLOSE_UNAUTHORIZED,
} from '../../shared/protocol/syncProtocol';
import { randomId } from '../../shared/randomId';
import type { MapStore } from '../storage/MapStore';
import type { Authorizer, SyncGrant, SyncRefusal } from './Authorizer';
import { hashKey, keyHashes, type MapKeys, newKeys } from './mapKeys';

/** How the contract suite gets an Authorizer over a fresh store of one implementation. */
export interface AuthorizerUnderTest {
  /** A fresh, empty store (a new file, a new database). */
  store(): Promise<MapStore> | MapStore;
  authorizer(store: MapStore): Authorizer;
}

const grantOf = (answer: SyncGrant | SyncRefusal) =>
  answer.ok ? { role: answer.role, writes: answer.writes } : { refused: answer.code };

/**
 * The role matrix every Authorizer keeps, over every store: which key opens which room of a map with
 * which role, and whether the socket's updates are taken; the HTTP `need`; rotation (the edit key
 * only, all three keys replaced, the old ones told "replaced"); maps from before the participate key.
 */
export function authorizerContract(name: string, under: AuthorizerUnderTest): void {
  describe(`Authorizer contract: ${name}`, () => {
    let store: MapStore;
    let auth: Authorizer;
    beforeEach(async () => {
      store = await under.store();
      auth = under.authorizer(store);
    });
    afterEach(async () => {
      await store.close();
    });

    const createMap = async (): Promise<{ id: string; keys: MapKeys }> => {
      const id = randomId();
      const keys = newKeys();
      expect(await store.createMap({ id, ...keyHashes(keys) })).toBe(true);
      return { id, keys };
    };

    it('gives each key its role, and lets it write only the rooms its role writes', async () => {
      const { id, keys } = await createMap();
      const matrix = async (key: string) => [
        grantOf(await auth.authorizeSync(id, key, 'map')),
        grantOf(await auth.authorizeSync(id, key, 'conversation')),
      ];
      expect(await matrix(keys.editKey)).toEqual([
        { role: 'edit', writes: true },
        { role: 'edit', writes: true },
      ]);
      expect(await matrix(keys.participateKey)).toEqual([
        { role: 'participate', writes: false },
        { role: 'participate', writes: true },
      ]);
      expect(await matrix(keys.viewKey)).toEqual([
        { role: 'view', writes: false },
        { role: 'view', writes: false },
      ]);
      // The map doc is the default room.
      expect(grantOf(await auth.authorizeSync(id, keys.participateKey))).toEqual({
        role: 'participate',
        writes: false,
      });
    });

    it('refuses no key (4401), a wrong key (4403) and an unknown map (4404) in both rooms', async () => {
      const { id, keys } = await createMap();
      for (const doc of ['map', 'conversation'] as const) {
        expect(grantOf(await auth.authorizeSync(id, null, doc))).toEqual({ refused: CLOSE_UNAUTHORIZED });
        expect(grantOf(await auth.authorizeSync(id, randomId(), doc))).toEqual({ refused: CLOSE_FORBIDDEN });
        expect(grantOf(await auth.authorizeSync(randomId(), keys.editKey, doc))).toEqual({
          refused: CLOSE_NOT_FOUND,
        });
      }
    });

    it('lets any key of the map make a request, and only the edit key one that needs edit', async () => {
      const { id, keys } = await createMap();
      for (const [key, role] of [
        [keys.editKey, 'edit'],
        [keys.participateKey, 'participate'],
        [keys.viewKey, 'view'],
      ] as const) {
        expect(await auth.authorizeRequest(id, key)).toMatchObject({ ok: true, role });
      }
      expect(await auth.authorizeRequest(id, keys.editKey, 'edit')).toMatchObject({ ok: true, role: 'edit' });
      for (const key of [keys.participateKey, keys.viewKey]) {
        expect(await auth.authorizeRequest(id, key, 'edit')).toMatchObject({
          ok: false,
          status: 403,
          roleTooLow: true,
        });
      }
      expect(await auth.authorizeRequest(id, keys.participateKey, 'participate')).toMatchObject({ ok: true });
      expect(await auth.authorizeRequest(id, keys.viewKey, 'participate')).toMatchObject({ status: 403 });
      expect(await auth.authorizeRequest(id, undefined)).toMatchObject({ ok: false, status: 401 });
      const wrong = await auth.authorizeRequest(id, randomId(), 'edit');
      expect(wrong).toMatchObject({ ok: false, status: 403 });
      expect(wrong.ok || wrong.roleTooLow).toBeFalsy();
    });

    it('rotates only with the edit key, replacing all three keys; the old ones are told they were replaced', async () => {
      const { id, keys } = await createMap();
      for (const key of [keys.participateKey, keys.viewKey]) {
        expect(await auth.rotateKeys(id, key)).toMatchObject({ ok: false, status: 403 });
      }
      expect(await auth.rotateKeys(id, undefined)).toMatchObject({ ok: false, status: 401 });
      expect(await auth.rotateKeys(randomId(), keys.editKey)).toMatchObject({ ok: false, status: 404 });
      // The refused rotations changed nothing.
      expect((await auth.authorizeSync(id, keys.participateKey, 'conversation')).ok).toBe(true);

      const rotation = await auth.rotateKeys(id, keys.editKey);
      if (!rotation.ok) throw new Error(rotation.message);
      const fresh = rotation.keys;
      expect(new Set([fresh.editKey, fresh.participateKey, fresh.viewKey, ...Object.values(keys)]).size).toBe(
        6,
      );
      expect(rotation.keyVersion).toBe(2);
      for (const key of Object.values(keys)) {
        expect(grantOf(await auth.authorizeSync(id, key, 'conversation'))).toEqual({
          refused: CLOSE_KEY_REVOKED,
        });
        expect(await auth.authorizeRequest(id, key)).toMatchObject({ ok: false, status: 403 });
      }
      expect(grantOf(await auth.authorizeSync(id, fresh.participateKey, 'conversation'))).toEqual({
        role: 'participate',
        writes: true,
      });
      expect(grantOf(await auth.authorizeSync(id, fresh.editKey, 'map'))).toEqual({
        role: 'edit',
        writes: true,
      });
      expect(grantOf(await auth.authorizeSync(id, fresh.viewKey, 'map'))).toEqual({
        role: 'view',
        writes: false,
      });
      expect(auth.isCurrent(id, 1)).toBe(false);
      expect(auth.isCurrent(id, 2)).toBe(true);
    });

    it('a map from before the participate key opens with its edit and view keys and gets one on its next rotation', async () => {
      const id = randomId();
      const editKey = randomId();
      const viewKey = randomId();
      await store.createMap({ id, editKeyHash: hashKey(editKey), viewKeyHash: hashKey(viewKey) });
      expect((await store.getMapAccess(id))?.participateKeyHash).toBeNull();
      expect(grantOf(await auth.authorizeSync(id, editKey, 'conversation'))).toEqual({
        role: 'edit',
        writes: true,
      });
      expect(grantOf(await auth.authorizeSync(id, viewKey, 'conversation'))).toEqual({
        role: 'view',
        writes: false,
      });
      expect(grantOf(await auth.authorizeSync(id, randomId(), 'conversation'))).toEqual({
        refused: CLOSE_FORBIDDEN,
      });
      const rotation = await auth.rotateKeys(id, editKey);
      if (!rotation.ok) throw new Error(rotation.message);
      expect(grantOf(await auth.authorizeSync(id, rotation.keys.participateKey, 'conversation'))).toEqual({
        role: 'participate',
        writes: true,
      });
    });

    it('a rotation heard from another node refuses the sockets of older keys in both rooms', async () => {
      const { id, keys } = await createMap();
      auth.revoke(id, 2);
      for (const doc of ['map', 'conversation'] as const) {
        expect(grantOf(await auth.authorizeSync(id, keys.participateKey, doc))).toEqual({
          refused: CLOSE_KEY_REVOKED,
        });
      }
      expect(auth.isCurrent(id, 1)).toBe(false);
    });
  });
}
