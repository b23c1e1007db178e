import type { Awareness } from 'y-protocols/awareness';
import type { CaretAnchor, TextFieldRef } from '../../../shared/model/liveText';
import type { Position } from '../../../shared/model/types';
import { randomId } from '../../../shared/randomId';
import type { Identity } from './identity';
import { throttle } from './throttle';

/** The part of the canvas a participant sees, in flow coordinates (published through awareness). */
export interface SharedViewport {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A facilitator's request that everyone follow them ("Iedereen naar mij"); a new id per request. */
export interface SummonRequest {
  readonly id: string;
}

/** What each participant publishes through awareness (never through the doc). */
export interface PresenceState {
  user: Identity;
  /** Pointer in flow (canvas) coordinates, or null when outside the canvas. */
  cursor: Position | null;
  selection: string[];
  /** Positions of the elements this participant is dragging right now. */
  drag: Record<string, Position> | null;
  readOnly: boolean;
  /** The text field this participant is typing in, with their caret as anchors; null when none. */
  editing?: EditingField | null;
  /** The part of the canvas this participant sees (throttled), for those who follow them. */
  viewport?: SharedViewport | null;
  /** The client id this participant follows, so chains resolve (`followTarget`). */
  following?: number | null;
  /** "Iedereen naar mij": a facilitator asks everyone to follow; each may decline. */
  summon?: SummonRequest | null;
}

export interface EditingField {
  readonly field: TextFieldRef;
  readonly anchor: CaretAnchor;
  readonly head: CaretAnchor;
}

export interface Peer extends PresenceState {
  clientId: number;
}

/** Cursor and drag updates are sent at most this often (the doc gets only the drag end). */
export const PRESENCE_THROTTLE_MS = 40;
/** The viewport is sent at most this often: a pan is smooth enough to follow at 10 frames a second. */
export const VIEWPORT_THROTTLE_MS = 100;

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

function onlyClient({ added, updated, removed }: AwarenessChanges, clientId: number): boolean {
  return [...added, ...updated, ...removed].every((id) => id === clientId);
}

/**
 * Awareness wiring for one open map. Framework-free; the UI reads `getPeers()` (a stable array
 * replaced on every change of a peer's state) through `subscribe`.
 */
export class PresenceSession {
  private peers: Peer[] = [];
  private readonly listeners = new Set<() => void>();
  /**
   * Cursor and live drag, sent together: a drag frame moves both, and one awareness update (one
   * encode, one WebSocket frame) every 40 ms is half the cost of one for each.
   */
  private live: Partial<Pick<PresenceState, 'cursor' | 'drag'>> = {};
  private readonly sendLive = throttle(() => {
    const live = this.live;
    this.live = {};
    if (Object.keys(live).length > 0) this.set(live);
  }, PRESENCE_THROTTLE_MS);
  private readonly sendEditing = throttle(
    (editing: EditingField | null) => this.set({ editing }),
    PRESENCE_THROTTLE_MS,
  );

  private readonly sendViewport = throttle(
    (viewport: SharedViewport) => this.set({ viewport }),
    VIEWPORT_THROTTLE_MS,
  );

  constructor(
    readonly awareness: Awareness,
    identity: Identity,
    readOnly: boolean,
  ) {
    awareness.setLocalState({ user: identity, cursor: null, selection: [], drag: null, readOnly });
    awareness.on('change', this.onChange);
    this.onChange();
  }

  private set(patch: Partial<PresenceState>): void {
    const current = this.awareness.getLocalState();
    if (!current) return;
    this.awareness.setLocalState({ ...current, ...patch });
  }

  /**
   * Peers changed: a new peers array and the listeners told. Awareness also reports our own state's
   * changes (cursor and drag, up to every 40 ms while dragging); they change no peer, so the array
   * and the editor that renders from it stay as they are (re-rendering the editor on each of them
   * made every drag frame on a big map a render of the whole editor tree).
   */
  private readonly onChange = (changes?: AwarenessChanges): void => {
    if (changes && onlyClient(changes, this.awareness.clientID)) return;
    const peers: Peer[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === this.awareness.clientID || !isPresenceState(state)) continue;
      peers.push({ ...state, clientId });
    }
    peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
    this.peers = peers;
    for (const listener of this.listeners) listener();
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getPeers = (): Peer[] => this.peers;

  setIdentity(user: Identity): void {
    this.set({ user });
  }

  setCursor(cursor: Position | null): void {
    this.live.cursor = cursor;
    this.sendLive();
  }

  setSelection(selection: readonly string[]): void {
    this.set({ selection: [...selection] });
  }

  /** The field we type in and our caret there (throttled like the cursor), or null on leaving it. */
  setEditing(editing: EditingField | null): void {
    if (editing === null) {
      this.sendEditing.cancel();
      this.set({ editing: null });
      return;
    }
    this.sendEditing(editing);
  }

  get clientId(): number {
    return this.awareness.clientID;
  }

  setViewport(viewport: SharedViewport): void {
    this.sendViewport(viewport);
  }

  setFollowing(clientId: number | null): void {
    this.set({ following: clientId });
  }

  /** Asks everyone to follow (a new request each time), or withdraws the request. */
  setSummoning(on: boolean): void {
    this.set({ summon: on ? { id: randomId() } : null });
  }

  get summoning(): boolean {
    return Boolean((this.awareness.getLocalState() as PresenceState | null)?.summon);
  }

  setDrag(drag: ReadonlyMap<string, Position> | null): void {
    if (drag === null) {
      // The end of a drag is sent at once so peers drop the ghost when the doc update lands.
      // With the cursor still waiting, if any: both go now.
      this.sendLive.cancel();
      const { cursor } = this.live;
      this.live = {};
      this.set(cursor === undefined ? { drag: null } : { cursor, drag: null });
      return;
    }
    this.live.drag = Object.fromEntries(drag);
    this.sendLive();
  }

  destroy(): void {
    this.sendLive.cancel();
    this.sendEditing.cancel();
    this.sendViewport.cancel();
    this.awareness.off('change', this.onChange);
    this.listeners.clear();
  }
}

function isPresenceState(state: unknown): state is PresenceState {
  if (typeof state !== 'object' || state === null) return false;
  const user = (state as { user?: unknown }).user as Partial<Identity> | undefined;
  return typeof user?.name === 'string' && typeof user.colour === 'string';
}

/** Element id → colours of the peers who have it selected. */
export function peerSelections(peers: readonly Peer[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const peer of peers) {
    for (const id of peer.selection ?? []) out.set(id, [...(out.get(id) ?? []), peer.user.colour]);
  }
  return out;
}

/** The peers typing in `field` right now (a peer's state is untrusted: anything else is skipped). */
export function peersEditing(peers: readonly Peer[], field: TextFieldRef): Peer[] {
  return peers.filter((peer) => {
    const at = peer.editing?.field as Partial<TextFieldRef> | undefined;
    return at?.collection === field.collection && at.id === field.id && at.field === field.field;
  });
}

/** Element id → live position from peers' drags. */
export function peerDrags(peers: readonly Peer[]): Map<string, Position> {
  const out = new Map<string, Position>();
  for (const peer of peers) for (const [id, p] of Object.entries(peer.drag ?? {})) out.set(id, p);
  return out;
}
