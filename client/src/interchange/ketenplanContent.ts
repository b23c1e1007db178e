import { activeFindings, analyse, formatFindingMessage, type Severity } from '../../../shared/analysis';
import type { Locale } from '../../../shared/i18n';
import type { ChainMap } from '../../../shared/model/ChainMap';
import type { Actor, ChainMapState } from '../../../shared/model/types';
import {
  contentOf,
  decodeVersionSnapshot,
  diffContent,
  formatSummaryItem,
  summarizeDiff,
  versionDisplayName,
} from '../../../shared/versions';
import { groupPlanRows, type PlanGroup, planRows, sortPlanRows } from '../plan/actionPlan';

/**
 * What the Ketenplan (the report a municipality takes to its council) says, computed from the
 * map: its phases with their actors in lane order, the analysis findings nobody dismissed, the
 * action plan grouped by phase, and what changed since the last version someone named. Plain data,
 * so the document only lays it out and a test can read it.
 */
export interface KetenplanContent {
  readonly title: string;
  readonly municipality: string;
  readonly date: number;
  readonly phases: readonly {
    readonly key: string;
    readonly label: string | null;
    readonly actors: readonly Actor[];
  }[];
  readonly findings: readonly { readonly key: string; readonly severity: Severity; readonly text: string }[];
  readonly plan: readonly PlanGroup[];
  /** Null when no version has a name yet. */
  readonly changes: {
    readonly name: string;
    readonly savedAt: number;
    /** One line per kind of change, e.g. "3 actoren toegevoegd"; null when the version cannot be read. */
    readonly lines: readonly string[] | null;
  } | null;
}

export function ketenplanContent(
  map: ChainMap,
  options: { readonly locale: Locale; readonly now: Date; readonly today: string },
): KetenplanContent {
  const state = map.read();
  const findings = activeFindings(analyse(state, { today: options.today }), map.dismissals()).map((f) => ({
    key: f.key,
    severity: f.severity,
    text: formatFindingMessage(f.message, options.locale),
  }));
  return {
    title: state.meta.title,
    municipality: state.meta.municipality,
    date: options.now.getTime(),
    phases: phasesWithActors(state),
    findings,
    plan: groupPlanRows(sortPlanRows(planRows(state), { key: 'priority', direction: 'asc' }), 'phase', state),
    changes: changesSinceNamedVersion(map, state, options.locale),
  };
}

function phasesWithActors(state: ChainMapState): KetenplanContent['phases'] {
  const byLabel = (a: Actor, b: Actor) => a.label.localeCompare(b.label, 'nl') || (a.id < b.id ? -1 : 1);
  const out: { key: string; label: string | null; actors: Actor[] }[] = state.phases.map((p) => ({
    key: p.id,
    label: p.label,
    actors: state.actors.filter((a) => a.phaseId === p.id).sort(byLabel),
  }));
  const loose = state.actors.filter((a) => a.phaseId === null).sort(byLabel);
  if (loose.length > 0) out.push({ key: '', label: null, actors: loose });
  return out;
}

function changesSinceNamedVersion(
  map: ChainMap,
  state: ChainMapState,
  locale: Locale,
): KetenplanContent['changes'] {
  // Oldest first: the last named one is the latest milestone (an automatic daily version is not).
  const named = map.versions().filter((v) => !v.auto && v.name.trim() !== '');
  const version = named.at(-1);
  if (!version) return null;
  const base = { name: versionDisplayName(version, locale), savedAt: version.createdAt };
  const snapshot = map.versionSnapshot(version.id);
  if (!snapshot) return { ...base, lines: null };
  try {
    const diff = diffContent(decodeVersionSnapshot(snapshot), contentOf(state));
    return { ...base, lines: summarizeDiff(diff).map((item) => formatSummaryItem(item, locale)) };
  } catch {
    return { ...base, lines: null };
  }
}
