import { useCallback, useState } from 'react';
import type { PlanGroupBy } from '../../../plan/actionPlan';
import type { MapSession } from '../../../session/MapSession';
import type { ChainIntelligence } from '../analysis/useChainIntelligence';
import type { EditorViewId, SidePanelId } from '../editorViews';
import { useFollowStep, useWerkvorm, type Werkvorm } from './useWerkvorm';
import type { WerkvormStepView } from './werkvormSteps';

export interface WerkvormSteps {
  readonly werkvorm: Werkvorm;
  /** The Actieplan's grouping the current step asks for. */
  readonly planGroupBy: PlanGroupBy;
  /** This device shows another view than the step's (the participant looked elsewhere). */
  readonly away: boolean;
  show(step: WerkvormStepView): void;
}

/**
 * The editor's side of the Werkvorm: the session, and showing each step on this device through
 * the existing view state (main view, side panel, canvas filter, Actieplan grouping) whenever the
 * facilitator moves to it.
 */
export function useWerkvormSteps(
  session: MapSession,
  by: string,
  editor: {
    readonly view: EditorViewId;
    setView(view: EditorViewId): void;
    setSidePanel(panel: SidePanelId): void;
    openRightPanel(): void;
    readonly intel: ChainIntelligence;
  },
): WerkvormSteps {
  const werkvorm = useWerkvorm(session.conversation.conversation, by);
  const [planGroupBy, setPlanGroupBy] = useState<PlanGroupBy>('phase');
  const { setView, setSidePanel, openRightPanel, intel } = editor;
  const show = useCallback(
    (step: WerkvormStepView) => {
      setView(step.view);
      intel.setFilter(step.filter);
      setPlanGroupBy(step.planGroupBy);
      if (step.sidePanel) {
        setSidePanel(step.sidePanel);
        openRightPanel();
      }
    },
    [setView, setSidePanel, openRightPanel, intel.setFilter],
  );
  useFollowStep(werkvorm, show);
  const step = werkvorm.session?.state === 'running' ? werkvorm.step : null;
  const away =
    step !== null &&
    (editor.view !== step.view || JSON.stringify(intel.filter) !== JSON.stringify(step.filter));
  return { werkvorm, planGroupBy, away, show };
}
