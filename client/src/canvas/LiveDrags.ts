import type { Position } from '../../../shared/model/types';
import { sameMap, samePosition, type ViewState } from './viewState';

type DragListener = (positions: ReadonlyMap<string, Position> | null) => void;

/**
 * The live drags of a canvas: ours (`local`, by element id, from React Flow's drag frames) and
 * peers' (from presence). Neither reaches the doc before its drag ends; ours are told to presence
 * on every frame so peers see the card move.
 */
export class LiveDrags {
  /** Our dragged elements' live positions (written by the drag fast path and `interpretNodeChanges`). */
  readonly local = new Map<string, Position>();
  private peers = new Map<string, Position>();
  private readonly listeners = new Set<DragListener>();

  subscribe(listener: DragListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells presence our live positions (null once no card of ours is dragged). */
  emit(): void {
    const positions = this.local.size > 0 ? this.local : null;
    for (const listener of this.listeners) listener(positions);
  }

  /** Peers' live drags; false when they are the ones already held (presence republishes often). */
  setPeers(drags: ReadonlyMap<string, Position>): boolean {
    if (sameMap(drags, this.peers, samePosition)) return false;
    this.peers = new Map(drags);
    return true;
  }

  /** `view` with its drag state from the live drags (ours over peers'), or `view` itself when none changed. */
  applyTo(view: ViewState): ViewState {
    if (
      this.peers.size === 0 &&
      this.local.size === 0 &&
      view.dragPositions.size === 0 &&
      view.draggingIds.size === 0
    )
      return view;
    const dragPositions = new Map(this.peers);
    for (const [id, p] of this.local) dragPositions.set(id, p);
    return { ...view, dragPositions, draggingIds: new Set(this.local.keys()) };
  }

  destroy(): void {
    this.listeners.clear();
  }
}
