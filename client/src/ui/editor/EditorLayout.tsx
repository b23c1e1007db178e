import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ActorKind } from '../../../../shared/model/types';
import { CanvasStore } from '../../canvas/CanvasStore';
import { LINK_CHOICES, type LinkChoice } from '../../canvas/linkChoice';
import { useT } from '../../i18n/i18n';
import { type Identity, loadIdentity, saveIdentity } from '../../presence/identity';
import type { MapSession } from '../../session/MapSession';
import { serverOrigin } from '../appServices';
import { AutoLayoutButton } from './AutoLayoutButton';
import { FilterChip } from './analysis/FilterChip';
import { useChainIntelligence } from './analysis/useChainIntelligence';
import { BlankMapStart } from './BlankMapStart';
import { ChainCanvas } from './ChainCanvas';
import { CollapsiblePanel } from './CollapsiblePanel';
import { CommentsLayer } from './comments/CommentsLayer';
import { useComments } from './comments/useComments';
import { StorageRefusedNotice } from './device/StorageRefusedNotice';
import { usePersistentStorage } from './device/usePersistentStorage';
import { EditingContext } from './EditingContext';
import { EditorBanners } from './EditorBanners';
import { EditorServices } from './EditorServices';
import { EditorSidebar } from './EditorSidebar';
import { EditorSidePanel } from './EditorSidePanel';
import type { EditorViewId, SidePanelId } from './editorViews';
import { FollowBanner } from './follow/FollowBanner';
import { SummonButton } from './follow/SummonButton';
import { useFollow } from './follow/useFollow';
import { frameImported } from './frameImported';
import { IdentityDialog } from './IdentityDialog';
import { InterchangeTools } from './interchange/InterchangeTools';
import { KeyboardLayer } from './keyboard/KeyboardLayer';
import { SkipLink } from './keyboard/SkipLink';
import { Legend } from './Legend';
import { ListView } from './list/ListView';
import { loadMainView, saveMainView } from './list/mainView';
import { PresentationHeader } from './PresentationHeader';
import { ActionPlanView } from './plan/ActionPlanView';
import { MapPrintDocument } from './print/MapPrintDocument';
import { PrintMapButton } from './print/PrintMapButton';
import { useMapPrint } from './print/useMapPrint';
import { ShareDialog } from './ShareDialog';
import { TopBar } from './TopBar';
import { WorkshopTimerControl } from './timer/WorkshopTimer';
import { useCanvasAdding } from './useCanvasAdding';
import { useCanvasPresence } from './useCanvasPresence';
import { useEditing } from './useEditing';
import { useEditorShortcuts } from './useEditorShortcuts';
import { useFieldPresence } from './useFieldPresence';
import { usePanelLayout } from './usePanelLayout';
import { usePresentation } from './usePresentation';
import { useSyncStatus } from './useSyncStatus';
import { useUndoState } from './useUndoState';
import { ViewBar } from './ViewBar';
import { CompareBanner } from './versions/CompareBanner';
import { useCompare } from './versions/useVersionsModel';
import { useVotePanelOpener } from './voting/useVotePanelOpener';
import { useVoting } from './voting/useVoting';
import { VoteCountsLayer } from './voting/VoteCountsLayer';
import { useWerkvormSteps } from './werkvorm/useWerkvormSteps';
import { WerkvormBar } from './werkvorm/WerkvormBar';
import { WerkvormStartButton } from './werkvorm/WerkvormStartButton';
import './editor.css';

export function EditorLayout({ session }: { session: MapSession }) {
  return (
    <ReactFlowProvider>
      <Editor session={session} />
    </ReactFlowProvider>
  );
}

/** Wires the session's framework-free parts (canvas store, presence, undo) to the panels. */
function Editor({ session }: { session: MapSession }) {
  const t = useT();
  useSyncExternalStore(session.subscribe, session.getVersion);
  const readOnly = session.readOnly;
  const status = useSyncStatus(session.sync);
  const [identity, setIdentity] = useState<Identity | null>(loadIdentity);
  const [editingIdentity, setEditingIdentity] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [linkChoice, setLinkChoice] = useState<LinkChoice>(LINK_CHOICES[0]!);

  const store = useMemo(() => new CanvasStore(session.model, readOnly), [session, readOnly]);
  const { editing, editingId, setEditingId, openJustAdded } = useEditing(session, store);
  useEffect(() => () => store.destroy(), [store]);

  const { presence, peers } = useCanvasPresence(session, store, identity);
  const comments = useComments(session, store, identity);
  const voting = useVoting(session);
  const follow = useFollow(presence, peers);
  const serverUrl = session.getRecord().serverUrl ?? serverOrigin();
  const timerControl = (
    <WorkshopTimerControl model={session.model} serverUrl={serverUrl} canControl={!readOnly} />
  );
  const fieldPresence = useFieldPresence(session, presence, peers);

  const undo = useUndoState(session.undoManager);
  const storage = usePersistentStorage(session);
  // A note opened from the action plan (or the list's selection): framed once the canvas is back.
  const pendingFocus = useRef<string | null>(null);
  const intel = useChainIntelligence(store);
  const compare = useCompare(store);
  const [view, showView] = useState<EditorViewId>(loadMainView);
  const [helpRequest, setHelpRequest] = useState(0);
  const [listAdd, setListAdd] = useState<{ kind: ActorKind; at: number } | null>(null);
  /** Switches the main view; map or list is remembered on the device, and the list's selection is framed on the map. */
  const setView = useCallback(
    (next: EditorViewId) => {
      if (next === 'map' || next === 'list') saveMainView(next);
      const selected = [...store.getView().selected];
      if (view === 'list' && next === 'map' && selected.length === 1) pendingFocus.current = selected[0]!;
      showView(next);
    },
    [store, view],
  );
  const [sidePanel, setSidePanel] = useState<SidePanelId>('inspector');
  const panels = usePanelLayout();
  const openRightPanel = useCallback(() => panels.collapsed.right && panels.toggle('right'), [panels]);
  const steps = useWerkvormSteps(session, identity?.name ?? '', {
    view,
    setView,
    setSidePanel,
    openRightPanel,
    intel,
  });
  const voteKinds = useVotePanelOpener({ setSidePanel, openRightPanel, setView });
  useEffect(() => session.model.setAuthor(identity?.name ?? null), [session, identity]);
  useEffect(() => {
    if (view !== 'map' || !pendingFocus.current) return;
    store.decorations.focusElements([pendingFocus.current], { source: 'plan-focus' });
    pendingFocus.current = null;
  }, [view, store]);
  const openNote = useCallback(
    (id: string) => {
      const note = store.getState().notes.find((n) => n.id === id);
      pendingFocus.current = note?.anchor?.id ?? id;
      store.setSelected([id]);
      setSidePanel('inspector');
      setView('map');
    },
    [store, setView],
  );
  const meta = useSyncExternalStore(store.subscribe, () => store.getState().meta);

  const { addActor, addNote } = useCanvasAdding(store, openJustAdded);

  const shortcuts = useMemo(
    () => ({
      undo: () => session.undoManager.undo(),
      redo: () => session.undoManager.redo(),
      copy: () => {
        const content = store.copy();
        if (content) void navigator.clipboard?.writeText(JSON.stringify(content)).catch(() => {});
      },
      paste: () => store.paste(),
      clearSelection: () => store.clearSelection(),
      editSelected: () => {
        const sel = store.selection();
        const only = [...sel.actors, ...sel.notes];
        if (only.length === 1) setEditingId(only[0]!);
      },
    }),
    [session, store, setEditingId],
  );
  useEditorShortcuts(shortcuts, !readOnly && editingId === null);
  const presentation = usePresentation();
  const { printing, printMap } = useMapPrint(view === 'map');

  const needsIdentity = identity === null || editingIdentity;
  const { presenting, start: startPresenting, stop: stopPresenting } = presentation;
  const showPlan = view === 'plan' && !presenting;
  return (
    <EditingContext.Provider value={editing}>
      <EditorServices fieldPresence={fieldPresence} comments={comments} voting={voting}>
        <div className={`kk-editor${readOnly ? ' kk-readonly' : ''}${presenting ? ' is-presenting' : ''}`}>
          <SkipLink store={store} list={view === 'list' && !presenting} />
          {presenting ? (
            <PresentationHeader
              title={meta.title}
              municipality={meta.municipality}
              me={identity}
              peers={peers}
              onEditMe={() => setEditingIdentity(true)}
              onFollow={follow.follow}
              onStop={stopPresenting}
              workshop={timerControl}
            />
          ) : (
            <TopBar
              title={meta.title}
              municipality={meta.municipality}
              status={session.linkRevoked ? 'revoked' : status}
              readOnly={readOnly}
              canUndo={undo.canUndo}
              canRedo={undo.canRedo}
              me={identity}
              peers={peers}
              onUndo={shortcuts.undo}
              onRedo={shortcuts.redo}
              onShare={() => setSharing(true)}
              onEditMe={() => setEditingIdentity(true)}
              onFollow={follow.follow}
              workshop={
                <>
                  {timerControl}
                  {presence && !readOnly && <SummonButton follow={follow} />}
                </>
              }
            />
          )}
          {!presenting && <EditorBanners session={session} status={status} />}
          <WerkvormBar
            werkvorm={steps.werkvorm}
            model={session.model}
            serverUrl={serverUrl}
            findings={intel.findings.active}
            away={steps.away && !presenting}
            onShow={steps.show}
            onOpenVersions={() => {
              setSidePanel('versions');
              openRightPanel();
              setView('map');
            }}
          />
          {!presenting && (
            <ViewBar active={view} onChange={setView}>
              <WerkvormStartButton werkvorm={steps.werkvorm} />
              {view === 'map' && !readOnly && (
                <AutoLayoutButton model={session.model} onDone={() => session.undoManager.stopCapturing()} />
              )}
              {view === 'map' && <PrintMapButton onPrint={printMap} />}
              {view === 'map' && (
                <InterchangeTools
                  model={session.model}
                  undo={session.undoManager}
                  readOnly={readOnly}
                  onImported={(ids) => frameImported(store, ids)}
                />
              )}
              <button
                type="button"
                className="kk-button"
                aria-keyshortcuts="?"
                aria-haspopup="dialog"
                onClick={() => setHelpRequest((n) => n + 1)}
              >
                {t('keys.title')}
              </button>
              <button
                type="button"
                className="kk-button kk-button--primary"
                title={t('present.startHint')}
                aria-keyshortcuts="P"
                onClick={() => {
                  setView('map');
                  startPresenting();
                }}
              >
                {t('present.start')}
              </button>
            </ViewBar>
          )}
          {!presenting && view === 'map' && compare.comparison && (
            <CompareBanner comparison={compare.comparison} onStop={() => compare.session.stop()} />
          )}
          {/* The view bar's tabs control this body; presenting hides the tabs, and the panel role with them. */}
          <div
            className="kk-editor__body"
            {...(presenting
              ? {}
              : { role: 'tabpanel', id: `kk-view-panel-${view}`, 'aria-labelledby': `kk-view-tab-${view}` })}
          >
            {showPlan ? (
              <ActionPlanView
                key={steps.planGroupBy}
                store={store}
                onOpenNote={openNote}
                initialGroupBy={steps.planGroupBy}
              />
            ) : (
              <>
                {!presenting && (
                  <CollapsiblePanel
                    side="left"
                    collapsed={panels.collapsed.left}
                    onToggle={() => panels.toggle('left')}
                  >
                    <EditorSidebar
                      readOnly={readOnly}
                      intel={intel}
                      linkChoice={linkChoice}
                      onLinkChoice={setLinkChoice}
                      onAddActor={(k) =>
                        view === 'list' ? setListAdd({ kind: k, at: Date.now() }) : addActor(k)
                      }
                      onAddNote={addNote}
                    />
                  </CollapsiblePanel>
                )}
                {view === 'list' && !presenting ? (
                  <main className="kk-editor__list">
                    <ListView
                      store={store}
                      filter={intel.filter}
                      onFilter={intel.setFilter}
                      linkChoice={linkChoice}
                      addRequest={listAdd}
                    />
                  </main>
                ) : (
                  <main className="kk-editor__canvas">
                    <ChainCanvas
                      store={store}
                      presence={presence}
                      linkChoice={linkChoice}
                      onStartEditing={setEditingId}
                      onAddActor={addActor}
                      onDragStart={() => session.undoManager.stopCapturing()}
                      presenting={presenting}
                      onUserMove={follow.stop}
                    >
                      <CommentsLayer presenting={presenting} />
                      <VoteCountsLayer store={store} />
                    </ChainCanvas>
                    <FollowBanner follow={follow} />
                    {!presenting && <Legend />}
                    <FilterChip intel={intel} store={store} />
                    {!presenting && <BlankMapStart store={store} undo={session.undoManager} />}
                  </main>
                )}
                {!presenting && (
                  <CollapsiblePanel
                    side="right"
                    collapsed={panels.collapsed.right}
                    onToggle={() => panels.toggle('right')}
                  >
                    <EditorSidePanel
                      session={session}
                      store={store}
                      intel={intel}
                      compare={compare}
                      linkChoice={linkChoice}
                      author={identity?.name ?? ''}
                      active={sidePanel}
                      onChange={setSidePanel}
                      onAddNote={addNote}
                      voteKinds={voteKinds}
                    />
                  </CollapsiblePanel>
                )}
              </>
            )}
          </div>
          {/* Below the body, not above: appearing after an edit, it must not move the canvas under the pointer. */}
          {!presenting && storage.refused && (
            <StorageRefusedNotice
              localOnly={session.getRecord().shared === 'local'}
              onShare={() => {
                storage.dismiss();
                setSharing(true);
              }}
              onDismiss={storage.dismiss}
            />
          )}
          <KeyboardLayer
            store={store}
            session={session}
            canvas={view === 'map' || presenting}
            linkChoice={linkChoice}
            editingId={editingId}
            onRename={setEditingId}
            onAddActor={() => addActor('service')}
            onOpenInspector={() => {
              setSidePanel('inspector');
              if (panels.collapsed.right) panels.toggle('right');
            }}
            helpRequest={helpRequest}
          />
          {printing && <MapPrintDocument state={store.getState()} />}
          {sharing && <ShareDialog session={session} onClose={() => setSharing(false)} />}
          {needsIdentity && (
            <IdentityDialog
              initial={identity}
              onSave={(id) => {
                saveIdentity(id);
                setIdentity(id);
                setEditingIdentity(false);
              }}
              {...(identity ? { onClose: () => setEditingIdentity(false) } : {})}
            />
          )}
        </div>
      </EditorServices>
    </EditingContext.Provider>
  );
}
