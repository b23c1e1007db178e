import type { RuleId } from '../../../../../shared/analysis';
import {
  WERKVORM_STEPS,
  type WerkvormStepId,
} from '../../../../../shared/model/conversation/werkvormSession';
import { type CanvasFilter, EMPTY_CANVAS_FILTER } from '../../../analysis/canvasFilter';
import type { PlanGroupBy } from '../../../plan/actionPlan';
import type { EditorViewId, SidePanelId } from '../editorViews';

/**
 * What each of the four steps shows: the main view, the side panel, the canvas filter and the
 * Actieplan grouping it needs (all existing views, set through their own state), the analysis
 * rules whose findings belong to it, and its suggested duration for the workshop timer.
 */
export interface WerkvormStepView {
  readonly id: WerkvormStepId;
  readonly view: EditorViewId;
  readonly sidePanel: SidePanelId | null;
  readonly filter: CanvasFilter;
  readonly planGroupBy: PlanGroupBy;
  readonly rules: readonly RuleId[];
  readonly minutes: number;
  /** Step 4 links to the dot vote ("Stemmen"). */
  readonly vote: boolean;
}

const STEP_VIEWS: Readonly<Record<WerkvormStepId, Omit<WerkvormStepView, 'id'>>> = {
  // Who arrives, with which needs: the target groups brought forward, "no route" findings listed.
  interneAnalyse: {
    view: 'map',
    sidePanel: 'analysis',
    filter: { ...EMPTY_CANVAS_FILTER, kind: 'targetGroup' },
    planGroupBy: 'phase',
    rules: ['noRoute'],
    minutes: 20,
    vote: false,
  },
  // Who does what: the whole map, isolated actors and single points of failure in the analysis.
  gecoordineerdeAanpak: {
    view: 'map',
    sidePanel: 'analysis',
    filter: EMPTY_CANVAS_FILTER,
    planGroupBy: 'phase',
    rules: ['isolatedActor', 'singlePointOfFailure', 'handover'],
    minutes: 25,
    vote: false,
  },
  // Zelf / partnerschap / bovenlokaal / intergemeentelijk: the Actieplan grouped by regie.
  lokaleRegie: {
    view: 'plan',
    sidePanel: null,
    filter: EMPTY_CANVAS_FILTER,
    planGroupBy: 'regie',
    rules: [],
    minutes: 20,
    vote: false,
  },
  // Quick-wins first, a dot vote, owners and dates: the Actieplan by phase (sorted on priority).
  stapPerStap: {
    view: 'plan',
    sidePanel: null,
    filter: EMPTY_CANVAS_FILTER,
    planGroupBy: 'phase',
    rules: ['noteFollowUp'],
    minutes: 30,
    vote: true,
  },
};

export const WERKVORM_STEP_VIEWS: readonly WerkvormStepView[] = WERKVORM_STEPS.map((id) => ({
  id,
  ...STEP_VIEWS[id],
}));

export function stepView(index: number): WerkvormStepView {
  return WERKVORM_STEP_VIEWS[Math.min(WERKVORM_STEP_VIEWS.length - 1, Math.max(0, index))]!;
}
