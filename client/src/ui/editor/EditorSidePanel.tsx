import { useSyncExternalStore } from 'react';
import type { NoteKind } from '../../../../shared/model/types';
import type { CanvasStore } from '../../canvas/CanvasStore';
import type { LinkChoice } from '../../canvas/linkChoice';
import { useT } from '../../i18n/i18n';
import type { MapSession } from '../../session/MapSession';
import { restoreAsOneStep } from '../../versions/restoreStep';
import { AnalysisPanel } from './analysis/AnalysisPanel';
import type { ChainIntelligence } from './analysis/useChainIntelligence';
import { CommentsPanel } from './comments/CommentsPanel';
import { useCommentsContext } from './comments/useComments';
import type { SidePanelId } from './editorViews';
import { Inspector } from './inspector/Inspector';
import { PhasesPanel } from './phases/PhasesPanel';
import { SidePanel } from './SidePanel';
import { ActivityPanel } from './versions/ActivityPanel';
import { CompareDetails } from './versions/CompareDetails';
import type { useCompare } from './versions/useVersionsModel';
import { VersionsPanel } from './versions/VersionsPanel';
import { VotingPanel } from './voting/VotingPanel';

/** The editor's right-hand panel: inspector, analysis, phases, versions and activity tabs. */
export function EditorSidePanel({
  session,
  store,
  intel,
  compare,
  linkChoice,
  author,
  active,
  onChange,
  onAddNote,
  voteKinds,
}: {
  session: MapSession;
  store: CanvasStore;
  intel: ChainIntelligence;
  compare: ReturnType<typeof useCompare>;
  linkChoice: LinkChoice;
  author: string;
  active: SidePanelId;
  onChange: (id: SidePanelId) => void;
  onAddNote: Parameters<typeof Inspector>[0]['onAddNote'];
  /** The note kinds the Werkvorm asked to vote on, for the vote's start form. */
  voteKinds: readonly NoteKind[] | null;
}) {
  const t = useT();
  const readOnly = session.readOnly;
  const selectionKey = useSyncExternalStore(store.subscribe, () => [...store.getShownSelection()].join(','));
  const findingCount = intel.findings.active.length;
  const openComments = useCommentsContext().openCount;
  return (
    <SidePanel
      active={active}
      onChange={onChange}
      selectionKey={selectionKey}
      badges={{
        ...(findingCount > 0
          ? { analysis: { count: findingCount, label: t('analysis.count', { count: findingCount }) } }
          : {}),
        ...(openComments > 0
          ? { comments: { count: openComments, label: t('comments.count', { count: openComments }) } }
          : {}),
      }}
      render={(id) =>
        id === 'comments' ? (
          <CommentsPanel store={store} />
        ) : id === 'voting' ? (
          <VotingPanel store={store} undoManager={session.undoManager} kinds={voteKinds} />
        ) : id === 'analysis' ? (
          <AnalysisPanel
            active={intel.findings.active}
            dismissed={intel.findings.dismissed}
            selectedKey={intel.selectedFindingKey}
            model={session.model}
            readOnly={readOnly}
            author={author}
            onShow={intel.showFinding}
          />
        ) : id === 'phases' ? (
          <PhasesPanel state={intel.state} model={session.model} readOnly={readOnly} />
        ) : id === 'versions' ? (
          <VersionsPanel
            model={session.model}
            readOnly={readOnly}
            compare={compare.session}
            comparison={compare.comparison}
            onRestore={(versionId) => restoreAsOneStep(session.model, session.undoManager, versionId)}
          />
        ) : id === 'activity' ? (
          <ActivityPanel model={session.model} />
        ) : (
          <Inspector
            store={store}
            linkChoice={linkChoice}
            onAddNote={onAddNote}
            analysis={intel.analysis}
            {...(compare.comparison
              ? {
                  renderComparison: (selectedId: string) => (
                    <CompareDetails comparison={compare.comparison!} id={selectedId} />
                  ),
                }
              : {})}
          />
        )
      }
    />
  );
}
