import type { CostModel } from './docs/costModel';
import type { DocHostPool } from './docs/DocHostPool';
import type { Limits } from './limits';
import type { Logger } from './logger';
import type { MapBudget } from './MapBudget';
import type { Metrics } from './metrics';
import type { RoomRelay } from './relay/RoomRelay';
import type { SuspectAddresses } from './SuspectAddresses';
import type { MapStore } from './storage/MapStore';

/** What a room needs from the server: storage, the doc workers, budgets, limits, logs and metrics. */
export interface RoomDeps {
  store: MapStore;
  metrics: Metrics;
  limits: Limits;
  log: Logger;
  /** Fan-out to the other nodes on the same store; absent when this process serves alone. */
  relay?: RoomRelay;
  /** How long a hole in a map's relayed seqs may wait for its message before the store is read. */
  relayGapMs: number;
  /** Compact the update log once it holds more rows than this (the store counts every node's rows). */
  compactThreshold: number;
  pool: DocHostPool;
  cost: CostModel;
  /** Milliseconds of doc work per second, and bytes appended to storage per second, per map. */
  cpu: MapBudget;
  writes: MapBudget;
  suspects: SuspectAddresses;
  /** Estimated heap all loaded maps may still add before the server's memory budget is reached. */
  heapHeadroom: () => number;
  /** Unloads idle maps (least recently left first) until `bytes` of headroom are free or none is idle. */
  makeHeadroom: (bytes: number) => Promise<void>;
}
