import type { ActorKind, NoteKind } from '../../../../shared/model/types';
import type { LinkChoice } from '../../canvas/linkChoice';
import { TargetGroupRoutePanel } from './analysis/TargetGroupRoutePanel';
import type { ChainIntelligence } from './analysis/useChainIntelligence';
import { ViewFilterPanel } from './analysis/ViewFilterPanel';
import { LinkKindChooser } from './LinkKindChooser';
import { Palette } from './Palette';

/** The editor's left-hand column: what to add, filters, the kind of new links and a group's route. */
export function EditorSidebar({
  readOnly,
  intel,
  linkChoice,
  onLinkChoice,
  onAddActor,
  onAddNote,
}: {
  readOnly: boolean;
  intel: ChainIntelligence;
  linkChoice: LinkChoice;
  onLinkChoice: (choice: LinkChoice) => void;
  onAddActor: (kind: ActorKind) => void;
  onAddNote: (kind: NoteKind) => void;
}) {
  return (
    <div className="kk-sidebar">
      {!readOnly && <Palette onAddActor={onAddActor} onAddNote={onAddNote} />}
      {/* The filters right under the palette: in view without scrolling at 1280×720. */}
      <ViewFilterPanel state={intel.state} filter={intel.filter} onChange={intel.setFilter} />
      {!readOnly && <LinkKindChooser value={linkChoice} onChange={onLinkChoice} />}
      <TargetGroupRoutePanel
        state={intel.state}
        targetGroupId={intel.routeTargetGroupId}
        route={intel.route}
        onChange={intel.setRouteTargetGroup}
      />
    </div>
  );
}
