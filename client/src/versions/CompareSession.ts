import type { ChainMap } from '../../../shared/model/ChainMap';
import { changesContent } from '../../../shared/model/changeFeed';
import type { VersionInfo } from '../../../shared/model/types';
import {
  type ContentDiff,
  contentOf,
  decodeVersionSnapshot,
  diffContent,
  type SummaryItem,
  summarizeDiff,
  type VersionContent,
  VersionSnapshotError,
} from '../../../shared/versions';
import type { CanvasDecorations } from '../canvas/CanvasDecorations';
import { COMPARE_SOURCE, compareLayer } from './compareLayer';

/** What compare mode shows right now. A new object after every recomputation. */
export interface Comparison {
  readonly version: VersionInfo;
  /** The version's content (the "before"). */
  readonly base: VersionContent;
  /** The map now (the "after") that `diff` was computed against. */
  readonly current: VersionContent;
  readonly diff: ContentDiff;
  readonly summary: readonly SummaryItem[];
}

export interface CompareSessionOptions {
  /** Model changes are batched: the diff is recomputed this long after the last one. */
  readonly debounceMs?: number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

/**
 * Compare mode ("Vergelijken met…"), framework-free: decodes a version once, diffs it against the
 * live map (again after every model change, debounced), and keeps the canvas layer of source
 * 'compare' in step. `stop()` clears that layer, which restores the normal view. Purely local: it
 * writes nothing to the doc, so read-only participants can compare too.
 */
export class CompareSession {
  private comparison: Comparison | null = null;
  private timer: unknown = null;
  private readonly listeners = new Set<() => void>();
  private readonly offModel: () => void;
  private readonly debounceMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(
    private readonly model: ChainMap,
    private readonly decorations: CanvasDecorations,
    options: CompareSessionOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 150;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.offModel = model.onChange((changes) => {
      if (!this.comparison) return;
      if (changesContent(changes)) this.schedule();
    });
  }

  get = (): Comparison | null => this.comparison;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Enters (or switches) compare mode. Throws VersionSnapshotError for an unknown or unreadable version. */
  start(versionId: string): void {
    const version = this.model.versions().find((v) => v.id === versionId);
    const bytes = this.model.versionSnapshot(versionId);
    if (!version || !bytes)
      throw new VersionSnapshotError('notASnapshot', `There is no version ${versionId}.`);
    const base = decodeVersionSnapshot(bytes);
    this.cancelTimer();
    this.compute(version, base);
  }

  /** Leaves compare mode: the 'compare' layer is cleared, other layers stay. */
  stop(): void {
    this.cancelTimer();
    if (!this.comparison) return;
    this.comparison = null;
    this.decorations.clear(COMPARE_SOURCE);
    this.emit();
  }

  /** Recomputes now instead of after the debounce (tests; and before reading a fresh result). */
  flush(): void {
    if (this.timer === null) return;
    this.cancelTimer();
    if (this.comparison) this.compute(this.comparison.version, this.comparison.base);
  }

  destroy(): void {
    this.stop();
    this.offModel();
    this.listeners.clear();
  }

  private schedule(): void {
    this.cancelTimer();
    this.timer = this.setTimer(() => {
      this.timer = null;
      if (this.comparison) this.compute(this.comparison.version, this.comparison.base);
    }, this.debounceMs);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private compute(version: VersionInfo, base: VersionContent): void {
    const current = contentOf(this.model);
    const diff = diffContent(base, current);
    // A renamed version keeps comparing; show its newest name.
    const fresh = this.model.versions().find((v) => v.id === version.id) ?? version;
    this.comparison = { version: fresh, base, current, diff, summary: summarizeDiff(diff) };
    this.decorations.setLayer(COMPARE_SOURCE, compareLayer(diff, current));
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
