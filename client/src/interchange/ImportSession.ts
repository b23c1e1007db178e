import type {
  ColumnTarget,
  ImportFile,
  ImportPlan,
  ImportProblem,
  ImportRead,
  ImportSummary,
  Progress,
  Table,
  TableMapping,
  TableRow,
} from '../../../shared/interchange';
import type { ChainMap } from '../../../shared/model/ChainMap';
import type { ActorKind } from '../../../shared/model/types';
import type { MapUndoManager } from '../../../shared/model/undo';
import { type ImportProgress, overallProgress } from './importProgress';
import { type Interchange, loadInterchange } from './loadInterchange';
import { MappingMemory } from './mappingMemory';
import type { TableChoice } from './TableChoice';

/**
 * The import dialog's steps, framework-free: choose files → (column mapping for spreadsheets) →
 * preview (per row "nieuw / bijwerken / ongewijzigd" and every problem) → confirm. Nothing touches
 * the map before `confirm`, which writes the whole import as ONE transaction between two
 * `stopCapturing` calls, so it is exactly one undo step of its own. The map is read again at
 * confirmation: new actors are placed among what stands then, and a peer's edit meanwhile is kept
 * (see `applyPlan`). Everything runs in the browser, offline too.
 */

export type ImportStep = 'choose' | 'busy' | 'mapping' | 'preview' | 'done';

export type { TableChoice } from './TableChoice';

export interface MappedTable {
  readonly key: string;
  readonly table: Table;
  readonly role: TableChoice;
  /** The column mapping; for a skipped table the one it would have. */
  readonly mapping: TableMapping;
  /** The fields a column of this kind of table can feed. */
  readonly fields: readonly string[];
  /** The first rows, shown under the mapping. */
  readonly preview: readonly TableRow[];
  /** What is wrong with the mapping (a required field without a column, a field from two columns). */
  readonly problems: readonly ImportProblem[];
}

export interface ImportState {
  readonly step: ImportStep;
  readonly fileNames: readonly string[];
  readonly tables: readonly MappedTable[];
  /** KetenKaart JSON files among the chosen ones (they need no mapping). */
  readonly documents: number;
  readonly defaultKind: ActorKind;
  /** Some element table has no kind column: the default kind applies to its rows. */
  readonly needsDefaultKind: boolean;
  readonly plan: ImportPlan | null;
  /** The problems that stop the import now: of reading (choose step) or of the plan (preview). */
  readonly problems: readonly ImportProblem[];
  readonly progress: ImportProgress | null;
  readonly summary: ImportSummary | null;
  /** Actors the import added or changed, for the canvas to frame. */
  readonly touchedActorIds: readonly string[];
  /** The module failed to load or an unexpected error happened; the dialog says so. */
  readonly failed: boolean;
}

/** Rows shown under the column mapping. */
const PREVIEW_ROWS = 5;

const INITIAL: ImportState = {
  step: 'choose',
  fileNames: [],
  tables: [],
  documents: 0,
  defaultKind: 'partner',
  needsDefaultKind: false,
  plan: null,
  problems: [],
  progress: null,
  summary: null,
  touchedActorIds: [],
  failed: false,
};

export class ImportSession {
  private state: ImportState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private lib: Interchange | null = null;
  private read: ImportRead | null = null;
  /** Bumped by every new run, so a run the user abandoned (reset, new files) writes no state. */
  private run = 0;

  constructor(
    private readonly model: ChainMap,
    private readonly undo: MapUndoManager,
    private readonly memory: MappingMemory = new MappingMemory(),
    private readonly load: () => Promise<Interchange> = loadInterchange,
  ) {
    if (memory.defaultKind) this.state = { ...this.state, defaultKind: memory.defaultKind };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): ImportState => this.state;

  private set(patch: Partial<ImportState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private progressListener(run: number) {
    return (p: Progress) => {
      if (run === this.run) this.set({ progress: overallProgress(p) });
    };
  }

  /** Reads the chosen files; on to the mapping (spreadsheets) or straight to the preview (JSON). */
  async chooseFiles(files: readonly ImportFile[]): Promise<void> {
    const run = ++this.run;
    this.set({
      ...INITIAL,
      defaultKind: this.state.defaultKind,
      step: 'busy',
      fileNames: files.map((f) => f.name),
      progress: { stage: 'read', overall: 0 },
    });
    try {
      const lib = await this.load();
      this.lib = lib;
      const read = await lib.readImportFiles(files, { onProgress: this.progressListener(run) });
      if (run !== this.run) return;
      this.read = read;
      if (read.problems.length > 0) {
        this.set({ step: 'choose', problems: read.problems, progress: null });
        return;
      }
      const suggested = lib.suggestMappings(read);
      const tables = read.tables.map((t) => {
        const recalled = this.memory.recall(t.table);
        return recalled
          ? this.mapped(t.key, t.table, recalled.role, recalled.mapping)
          : this.mapped(t.key, t.table, t.role, suggested[t.key]!);
      });
      this.set({ tables, documents: read.documents.length, ...this.kindNeed(tables) });
      if (tables.length > 0) this.set({ step: 'mapping', progress: null });
      else await this.planNow(run);
    } catch {
      if (run === this.run) this.set({ step: 'choose', failed: true, progress: null });
    }
  }

  /** Takes a table as another kind of table (with the mapping suggested for it), or leaves it out. */
  setRole(key: string, role: TableChoice): void {
    const lib = this.lib;
    if (!lib) return;
    this.updateTable(key, (t) => {
      const mapping =
        role === 'skip' || role === t.mapping.role ? t.mapping : lib.suggestMapping(t.table, role);
      return this.mapped(t.key, t.table, role, mapping);
    });
  }

  /** Points one column at a field, at the description (`append`) or at nothing (`ignore`). */
  setColumn(key: string, column: number, target: ColumnTarget): void {
    this.updateTable(key, (t) => {
      const columns = t.mapping.columns.map((c, i) => (i === column ? target : c));
      return this.mapped(t.key, t.table, t.role, { role: t.mapping.role, columns } as TableMapping);
    });
  }

  setDefaultKind(kind: ActorKind): void {
    this.set({ defaultKind: kind });
  }

  /** Whether the mapping step may go on: some table is taken and no taken table has a problem. */
  canPreview(): boolean {
    const taken = this.state.tables.filter((t) => t.role !== 'skip');
    return (taken.length > 0 || this.state.documents > 0) && taken.every((t) => t.problems.length === 0);
  }

  /** From the mapping to the preview: plans the import against the map as it is now. */
  async preview(): Promise<void> {
    if (!this.canPreview()) return;
    const run = ++this.run;
    this.set({
      step: 'busy',
      progress: { stage: 'map', overall: overallProgress({ stage: 'map', fraction: 0 }).overall },
    });
    try {
      await this.planNow(run);
    } catch {
      if (run === this.run) this.set({ step: 'mapping', failed: true, progress: null });
    }
  }

  /** Back from the preview to the mapping (or to the files, for a JSON file). */
  back(): void {
    this.run++;
    this.set({
      step: this.state.tables.length > 0 ? 'mapping' : 'choose',
      plan: null,
      problems: [],
      progress: null,
    });
  }

  /** Starts over with other files. */
  reset(): void {
    this.run++;
    this.read = null;
    this.set({ ...INITIAL, defaultKind: this.state.defaultKind });
  }

  /**
   * Writes the previewed import: new actors placed in their lanes among what stands now, then ONE
   * transaction, one undo step. Refused while the preview shows a problem. A peer who deleted a
   * connection's end meanwhile sends the user back to the preview with that problem.
   */
  async confirm(): Promise<void> {
    const { plan } = this.state;
    const lib = this.lib;
    if (!lib || !plan || plan.problems.length > 0 || this.state.step !== 'preview') return;
    const run = ++this.run;
    this.set({ step: 'busy', progress: overallProgress({ stage: 'place', fraction: 0 }) });
    try {
      const placed = await lib.placeNewActors(this.model.read(), plan, this.progressListener(run));
      if (run !== this.run) return;
      this.set({ progress: overallProgress({ stage: 'apply', fraction: 0 }) });
      this.undo.stopCapturing();
      let summary: ImportSummary;
      try {
        summary = lib.applyPlan(this.model, placed);
      } catch (error) {
        if (!(error instanceof lib.ImportRejectedError)) throw error;
        this.set({
          step: 'preview',
          plan: { ...plan, problems: error.problems },
          problems: error.problems,
          progress: null,
        });
        return;
      } finally {
        this.undo.stopCapturing();
      }
      for (const t of this.state.tables) this.memory.remember(t.table, t.role, t.mapping);
      this.memory.defaultKind = this.state.defaultKind;
      const touchedActorIds = placed.actors.filter((a) => a.status !== 'unchanged').map((a) => a.id);
      this.set({ step: 'done', summary, touchedActorIds, progress: null });
    } catch {
      if (run === this.run) this.set({ step: 'preview', failed: true, progress: null });
    }
  }

  private async planNow(run: number): Promise<void> {
    const lib = this.lib;
    const read = this.read;
    if (!lib || !read) return;
    const taken = this.state.tables.filter((t) => t.role !== 'skip');
    const keys = new Set(taken.map((t) => t.key));
    const mappings = Object.fromEntries(taken.map((t) => [t.key, t.mapping]));
    // Yield first, so the bar is painted before the synchronous planning starts.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (run !== this.run) return;
    const plan = lib.planImport(
      lib.planTarget(this.model),
      { ...read, tables: read.tables.filter((t) => keys.has(t.key)) },
      { mappings, defaultKind: this.state.defaultKind, onProgress: this.progressListener(run) },
    );
    if (run !== this.run) return;
    this.set({ step: 'preview', plan, problems: plan.problems, progress: null });
  }

  private mapped(key: string, table: Table, role: TableChoice, mapping: TableMapping): MappedTable {
    const lib = this.lib!;
    const problems = role === 'skip' ? [] : lib.checkMapping(table, mapping);
    const fields = Object.keys(lib.FIELDS[mapping.role]);
    return { key, table, role, mapping, fields, preview: lib.previewRows(table, PREVIEW_ROWS), problems };
  }

  private updateTable(key: string, change: (t: MappedTable) => MappedTable): void {
    const tables = this.state.tables.map((t) => (t.key === key ? change(t) : t));
    this.set({ tables, ...this.kindNeed(tables) });
  }

  private kindNeed(tables: readonly MappedTable[]): Pick<ImportState, 'needsDefaultKind'> {
    return {
      needsDefaultKind: tables.some(
        (t) => t.role === 'elements' && !(t.mapping.columns as readonly string[]).includes('kind'),
      ),
    };
  }
}
