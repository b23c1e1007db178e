/**
 * What a live region says about other people's changes: politely and seldom. A screen reader
 * user must not hear every keystroke of a peer, nor lose the thread while ten changes arrive at
 * once. Framework-free; the clock is injected so the throttling is tested without waiting.
 *
 * - The first change after a quiet spell is said at once; then at most one announcement per
 *   `intervalMs`. What arrives meanwhile is said at the end of the interval: one change as itself,
 *   several as a count per person ("Karim heeft 3 wijzigingen gemaakt").
 * - A change with the same `key` as one said within `repeatMs` (a peer typing a name: each word
 *   an update of the same actor) is dropped.
 */
export interface Announcement {
  /** Who made the change, as shown to others. */
  readonly by: string;
  /** The sentence for this change alone. */
  readonly text: string;
  /** Changes with the same key repeat one another (same person, same element, same kind of change). */
  readonly key: string;
}

export interface AnnouncerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: AnnouncerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class ThrottledAnnouncer {
  private queue: Announcement[] = [];
  private timer: unknown = null;
  private readonly said = new Map<string, number>();

  constructor(
    /** Puts a sentence in the live region. */
    private readonly say: (text: string) => void,
    /** The sentence for `count` changes by one person. */
    private readonly summarise: (by: string, count: number) => string,
    private readonly options: { intervalMs?: number; repeatMs?: number; clock?: AnnouncerClock } = {},
  ) {}

  private get clock(): AnnouncerClock {
    return this.options.clock ?? SYSTEM_CLOCK;
  }

  push(item: Announcement): void {
    const now = this.clock.now();
    const last = this.said.get(item.key);
    if (last !== undefined && now - last < (this.options.repeatMs ?? 30_000)) return;
    if (this.queue.some((q) => q.key === item.key)) {
      // The newer wording (e.g. the name as it now reads) replaces the queued one.
      this.queue = this.queue.map((q) => (q.key === item.key ? item : q));
      return;
    }
    this.queue.push(item);
    if (this.timer === null) this.flush();
  }

  /** Says what is queued, then waits out the interval before saying anything else. */
  private flush(): void {
    const items = this.queue;
    this.queue = [];
    if (items.length === 0) {
      this.timer = null;
      return;
    }
    const now = this.clock.now();
    for (const item of items) this.said.set(item.key, now);
    for (const [key, at] of this.said)
      if (now - at >= (this.options.repeatMs ?? 30_000)) this.said.delete(key);
    if (items.length === 1) this.say(items[0]!.text);
    else {
      const counts = new Map<string, number>();
      for (const item of items) counts.set(item.by, (counts.get(item.by) ?? 0) + 1);
      this.say([...counts].map(([by, count]) => this.summarise(by, count)).join('. '));
    }
    this.timer = this.clock.setTimeout(() => this.flush(), this.options.intervalMs ?? 3000);
  }

  /** Drops what is queued (the setting was turned off, the editor closed). */
  clear(): void {
    this.queue = [];
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
