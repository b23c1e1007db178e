import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers';
import { mapStoreContract } from './mapStoreContract';
import { SqliteMapStore } from './SqliteMapStore';

mapStoreContract('SqliteMapStore', () => new SqliteMapStore({ file: path.join(tempDir(), 'test.sqlite') }));

describe('SqliteMapStore', () => {
  it('keeps data across reopening the same file, in WAL mode', async () => {
    const file = path.join(tempDir(), 'nested', 'dir', 'test.sqlite');
    const first = new SqliteMapStore({ file });
    await first.createMap({
      id: 'map-iiiiiiiiiiiiiiiiiiii',
      title: '',
      editKeyHash: new Uint8Array(32),
      viewKeyHash: new Uint8Array(32),
    });
    await first.appendUpdates('map-iiiiiiiiiiiiiiiiiiii', [Uint8Array.of(1, 2, 3)]);
    await first.close();
    expect(fs.existsSync(file)).toBe(true);
    const second = new SqliteMapStore({ file });
    expect((await second.loadUpdates('map-iiiiiiiiiiiiiiiiiiii'))[0]?.data).toEqual(Uint8Array.of(1, 2, 3));
    await second.close();
  });
});
