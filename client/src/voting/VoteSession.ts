import type { MessageParams } from '../../../shared/i18n/formatMessage';
import type { MessageKey } from '../../../shared/i18n/translate';
import {
  isVoteOpen,
  type OwnBallot,
  type PublicVote,
  type VoteSettings,
  type VoteState,
} from '../../../shared/voting/voteTypes';
import { reachableByFetch } from '../sync/reachableByFetch';
import { voterToken } from './voterToken';

export type VoteRole = 'edit' | 'participate' | 'view';

export interface VoteSnapshot {
  /** The map's current or last vote; null when none (or not yet heard). */
  readonly vote: PublicVote | null;
  /** This participant's own dots in the open vote. */
  readonly mine: OwnBallot;
  /** True once the results feed answered at least once. */
  readonly loaded: boolean;
  /** The results feed is connected. */
  readonly connected: boolean;
  /** The last refusal or failure, as a catalogue key and its parameters. */
  readonly error: { readonly key: MessageKey; readonly params?: MessageParams } | null;
  /** Server clock minus this device's clock, from the feed's `serverNow` (ms). */
  readonly serverOffset: number;
}

export interface VoteSessionOptions {
  readonly serverUrl: string;
  readonly mapId: string;
  readonly key: string;
  readonly role: VoteRole;
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  readonly EventSourceImpl?: typeof EventSource;
  readonly fetchImpl?: typeof fetch;
}

const INITIAL: VoteSnapshot = {
  vote: null,
  mine: {},
  loaded: false,
  connected: false,
  error: null,
  serverOffset: 0,
};

/**
 * One map's dot voting in this tab, framework-free. It listens to the server's results feed (every
 * event is the whole public state: settings and, when visible, totals) and keeps this participant's
 * own dots, which only the server and this browser know (asked with the voter token on open, on
 * every new vote and after a reconnect). Dots and the facilitator's actions are HTTP calls; nothing
 * of a vote is ever written into a shared document.
 */
export class VoteSession {
  private snapshot: VoteSnapshot = INITIAL;
  private readonly listeners = new Set<() => void>();
  private source: EventSource | null = null;
  private readonly token: string;
  private readonly fetchImpl: typeof fetch;
  /** The vote whose own dots were last read from the server. */
  private mineFor: string | null = null;
  private destroyed = false;
  /** Dot requests in order: each one's target was computed after the one before. */
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(private readonly options: VoteSessionOptions) {
    this.token = voterToken(
      options.mapId,
      options.storage === undefined ? globalThis.localStorage : options.storage,
    );
    this.fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
  }

  get role(): VoteRole {
    return this.options.role;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): VoteSnapshot => this.snapshot;

  /**
   * Opens the results feed; it reconnects by itself (the browser's EventSource retries). While the
   * browser says it is offline it opens nothing (each retry would be a failed request and a console
   * error); the editor closes the feed on `offline` and opens it again on `online`.
   */
  open(): void {
    if (this.source || this.destroyed) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    // A map kept on another server: the page's CSP lets HTTP reach only its own origin.
    if (!reachableByFetch(this.options.serverUrl)) return;
    const Impl = this.options.EventSourceImpl ?? globalThis.EventSource;
    const url = new URL(`/api/maps/${this.options.mapId}/votes/events`, this.options.serverUrl);
    url.searchParams.set('key', this.options.key);
    const source = new Impl(url.toString());
    this.source = source;
    source.addEventListener('open', () => {
      // After a reconnect (a server restart, a network gap) the own dots are read again.
      this.mineFor = null;
      this.set({ connected: true });
    });
    source.addEventListener('error', () => this.set({ connected: false }));
    source.addEventListener('state', (event) => {
      const state = JSON.parse((event as MessageEvent<string>).data) as VoteState;
      this.receive(state);
    });
  }

  /** Closes the feed until the next `open()` (the browser went offline). */
  close(): void {
    this.source?.close();
    this.source = null;
    this.set({ connected: false });
  }

  destroy(): void {
    this.destroyed = true;
    this.source?.close();
    this.source = null;
    this.listeners.clear();
  }

  isOpen(now = Date.now()): boolean {
    const { vote, serverOffset } = this.snapshot;
    return vote !== null && isVoteOpen(vote, now + serverOffset);
  }

  startVote(settings: VoteSettings): Promise<boolean> {
    return this.call('', 'POST', settings);
  }

  stop(): Promise<boolean> {
    return this.call('/stop', 'POST', {});
  }

  reveal(): Promise<boolean> {
    return this.call('/reveal', 'POST', {});
  }

  clear(): Promise<boolean> {
    return this.call('', 'DELETE');
  }

  addDot(itemId: string): Promise<boolean> {
    return this.dot(itemId, 1);
  }

  removeDot(itemId: string): Promise<boolean> {
    return this.dot(itemId, -1);
  }

  dismissError(): void {
    this.set({ error: null });
  }

  /**
   * Sends the item's new number of own dots (a target, so a repeated request counts once). The dot
   * shows at once; requests go one after another, so quick clicks each count, in order. A refusal
   * reads the own dots back from the server.
   */
  private dot(itemId: string, change: 1 | -1): Promise<boolean> {
    const vote = this.snapshot.vote;
    if (!vote) return Promise.resolve(false);
    const dots = Math.max(0, (this.snapshot.mine[itemId] ?? 0) + change);
    const mine = { ...this.snapshot.mine, [itemId]: dots };
    if (dots === 0) delete mine[itemId];
    this.set({ mine });
    this.pending++;
    const sent = this.queue.then(async () => {
      const ok = await this.call(
        '/dots',
        'POST',
        { voteId: vote.voteId, token: this.token, itemId, dots },
        false,
      );
      // Once the burst is sent (or one was refused), the server's count is the truth (another tab's too).
      if (--this.pending === 0 || !ok) await this.readMine();
      return ok;
    });
    this.queue = sent;
    return sent;
  }

  private receive(state: VoteState): void {
    const offset = state.serverNow - Date.now();
    this.set({ vote: state.vote, loaded: true, serverOffset: offset });
    const voteId = state.vote?.voteId ?? null;
    if (voteId === null) {
      this.mineFor = null;
      this.set({ mine: {} });
    } else if (voteId !== this.mineFor) {
      this.mineFor = voteId;
      void this.readMine();
    }
  }

  private async readMine(): Promise<void> {
    try {
      const res = await this.fetchImpl(this.url(''), {
        headers: { authorization: `Bearer ${this.options.key}`, 'x-voter-token': this.token },
      });
      if (!res.ok) return;
      const body = (await res.json()) as VoteState & { mine: OwnBallot };
      // Not over dots still being sent: their targets are newer than this answer.
      if (body.vote?.voteId === this.snapshot.vote?.voteId && this.pending === 0)
        this.set({ mine: body.mine });
    } catch {
      this.mineFor = null;
    }
  }

  private url(path: string): string {
    return new URL(`/api/maps/${this.options.mapId}/votes${path}`, this.options.serverUrl).toString();
  }

  /** `takeMine`: adopt the answer's own dots (not for queued dots, whose later targets are shown). */
  private async call(path: string, method: string, body?: unknown, takeMine = true): Promise<boolean> {
    let res: Response;
    try {
      res = await this.fetchImpl(this.url(path), {
        method,
        headers: { authorization: `Bearer ${this.options.key}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      this.set({ error: { key: 'voting.error.network' } });
      return false;
    }
    const answer = (await res.json().catch(() => ({}))) as Partial<VoteState> & {
      mine?: OwnBallot;
      code?: string;
      error?: string;
    };
    if (!res.ok) {
      const key = `voting.error.${answer.code ?? 'network'}` as MessageKey;
      this.set({ error: { key, params: { detail: answer.error ?? '' } } });
      return false;
    }
    if (answer.mine && takeMine) this.set({ mine: answer.mine, error: null });
    else this.set({ error: null });
    if (answer.vote !== undefined && answer.serverNow !== undefined) {
      this.receive({ vote: answer.vote, serverNow: answer.serverNow });
    }
    return true;
  }

  private set(patch: Partial<VoteSnapshot>): void {
    if (this.destroyed) return;
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
