import { MemoryBacking, MemoryMapStore } from './MemoryMapStore';
import { mapStoreContract } from './mapStoreContract';

const backings = new WeakMap<MemoryMapStore, MemoryBacking>();

mapStoreContract('MemoryMapStore', {
  setup: () => {
    const backing = new MemoryBacking();
    const store = new MemoryMapStore(backing);
    backings.set(store, backing);
    return store;
  },
  reopen: async (store) => {
    const backing = backings.get(store as MemoryMapStore);
    await store.close();
    const reopened = new MemoryMapStore(backing);
    if (backing) backings.set(reopened, backing);
    return reopened;
  },
});
