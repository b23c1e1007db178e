import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ACTOR_HEIGHT, ACTOR_WIDTH } from '../../../../shared/model/laneGeometry';
import type { ActorKind, NoteKind } from '../../../../shared/model/types';
import { CanvasStore } from '../../canvas/CanvasStore';
import { addNoteToSelection, commitLabel } from '../../canvas/canvasCommands';
import { LINK_CHOICES, type LinkChoice } from '../../canvas/linkChoice';
import type { Rect } from '../../canvas/placement';
import { useT } from '../../i18n/i18n';
import { type Identity, loadIdentity, saveIdentity } from '../../presence/identity';
import type { MapSession } from '../../session/MapSession';
import { isSyncError, statusMessageKey } from '../../sync/syncStatus';
import { serverOrigin } from '../appServices';
import { AutoLayoutButton } from './AutoLayoutButton';
import { FilterChip } from './analysis/FilterChip';
import { useChainIntelligence } from './analysis/useChainIntelligence';
import { BlankMapStart } from './BlankMapStart';
import { ChainCanvas } from './ChainCanvas';
import { CollapsiblePanel } from './CollapsiblePanel';
import { CommentsLayer } from './comments/CommentsLayer';
import { useComments } from './comments/useComments';
import { type Editing, EditingContext } from './EditingContext';
import { EditorServices } from './EditorServices';
import { EditorSidebar } from './EditorSidebar';
import { EditorSidePanel } from './EditorSidePanel';
import type { EditorViewId, SidePanelId } from './editorViews';
import { FollowBanner } from './follow/FollowBanner';
import { SummonButton } from './follow/SummonButton';
import { useFollow } from './follow/useFollow';
import { IdentityDialog } from './IdentityDialog';
import { InterchangeTools } from './interchange/InterchangeTools';
import { Legend } from './Legend';
import { PresentationHeader } from './PresentationHeader';
import { ActionPlanView } from './plan/ActionPlanView';
import { MapPrintDocument } from './print/MapPrintDocument';
import { PrintMapButton } from './print/PrintMapButton';
import { useMapPrint } from './print/useMapPrint';
import { ShareDialog } from './ShareDialog';
import { TopBar } from './TopBar';
import { WorkshopTimerControl } from './timer/WorkshopTimer';
import { useCanvasPresence } from './useCanvasPresence';
import { useEditorShortcuts } from './useEditorShortcuts';
import { useFieldPresence } from './useFieldPresence';
import { usePanelLayout } from './usePanelLayout';
import { usePresentation } from './usePresentation';
import { useSyncStatus } from './useSyncStatus';
import { useUndoState } from './useUndoState';
import { ViewBar } from './ViewBar';
import { CompareBanner } from './versions/CompareBanner';
import { useCompare } from './versions/useVersionsModel';
import { useVoting } from './voting/useVoting';
import { VoteCountsLayer } from './voting/VoteCountsLayer';
import './editor.css';

function containsRect(view: Rect, p: { x: number; y: number }): boolean {
  return (
    p.x >= view.x &&
    p.y >= view.y &&
    p.x + ACTOR_WIDTH <= view.x + view.width &&
    p.y + ACTOR_HEIGHT <= view.y + view.height
  );
}

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
  // Rows of this device that broke the document shape were skipped when the map opened.
  const localInvalid = session.persistence.invalidRows;
  const [identity, setIdentity] = useState<Identity | null>(loadIdentity);
  const [editingIdentity, setEditingIdentity] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [linkChoice, setLinkChoice] = useState<LinkChoice>(LINK_CHOICES[0]!);
  const [editingId, setEditingId] = useState<string | null>(null);
  /** The element whose name editor its adding opened, until that name is committed. */
  const justAdded = useRef<string | null>(null);
  const { screenToFlowPosition, setCenter, getZoom } = useReactFlow();

  const store = useMemo(() => new CanvasStore(session.model, readOnly), [session, readOnly]);
  useEffect(() => () => store.destroy(), [store]);

  const { presence, peers } = useCanvasPresence(session, store, identity);
  const comments = useComments(session, store, identity);
  const voting = useVoting(session);
  const follow = useFollow(presence, peers);
  const timerControl = (
    <WorkshopTimerControl
      model={session.model}
      serverUrl={session.getRecord().serverUrl ?? serverOrigin()}
      canControl={!readOnly}
    />
  );
  const fieldPresence = useFieldPresence(session, presence, peers);

  const undo = useUndoState(session.undoManager);
  const intel = useChainIntelligence(store);
  const compare = useCompare(store);
  const [view, setView] = useState<EditorViewId>('map');
  const [sidePanel, setSidePanel] = useState<SidePanelId>('inspector');
  useEffect(() => session.model.setAuthor(identity?.name ?? null), [session, identity]);
  // A note opened from the action plan: shown in the inspector and framed once the canvas is back.
  const pendingFocus = useRef<string | null>(null);
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
    [store],
  );
  const meta = useSyncExternalStore(store.subscribe, () => store.getState().meta);

  /** The visible part of the canvas in flow coordinates, and its centre. */
  const visibleCanvas = (): { centre: { x: number; y: number }; rect: Rect | null } => {
    const el = document.querySelector('.kk-canvas')?.getBoundingClientRect();
    if (!el) return { centre: { x: 0, y: 0 }, rect: null };
    const topLeft = screenToFlowPosition({ x: el.left, y: el.top });
    const bottomRight = screenToFlowPosition({ x: el.right, y: el.bottom });
    const rect = {
      x: topLeft.x,
      y: topLeft.y,
      width: bottomRight.x - topLeft.x,
      height: bottomRight.y - topLeft.y,
    };
    return { centre: { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }, rect };
  };
  /** By click: a free spot in view near its centre. By drop: under the pointer (`at`). */
  const addActor = (kind: ActorKind, at?: { x: number; y: number }) => {
    const visible = visibleCanvas();
    const id = at
      ? store.addActor(kind, at, t(`canvas.newActor.${kind}`))
      : store.addActor(kind, visible.centre, t(`canvas.newActor.${kind}`), visible.rect);
    if (!id) return;
    const added = store.getState().actors.find((a) => a.id === id);
    // A full view puts the actor just outside it: bring it in, so its name editor can open.
    if (added && visible.rect && !containsRect(visible.rect, added.position))
      void setCenter(added.position.x + ACTOR_WIDTH / 2, added.position.y + ACTOR_HEIGHT / 2, {
        zoom: getZoom(),
      });
    justAdded.current = id;
    setEditingId(id);
  };
  const addNote = (kind: NoteKind) => {
    const visible = visibleCanvas();
    return addNoteToSelection(store, kind, visible.centre, visible.rect);
  };

  const editing: Editing = useMemo(
    () => ({
      model: session.model,
      editingId,
      start: setEditingId,
      stop: () => {
        justAdded.current = null;
        setEditingId(null);
      },
      commitLabel: (id, label) => {
        // The first name of an element just added is part of adding it: one undo step.
        if (justAdded.current === id) session.undoManager.continueStep();
        justAdded.current = null;
        commitLabel(session.model, store.getState(), id, label);
      },
      isJustAdded: (id) => justAdded.current === id,
    }),
    [editingId, store, session],
  );

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
    [session, store],
  );
  useEditorShortcuts(shortcuts, !readOnly && editingId === null);
  const presentation = usePresentation();
  const panels = usePanelLayout();
  const { printing, printMap } = useMapPrint(view === 'map');

  const needsIdentity = identity === null || editingIdentity;
  const { presenting, start: startPresenting, stop: stopPresenting } = presentation;
  const showPlan = view === 'plan' && !presenting;
  return (
    <EditingContext.Provider value={editing}>
      <EditorServices fieldPresence={fieldPresence} comments={comments} voting={voting}>
        <div className={`kk-editor${readOnly ? ' kk-readonly' : ''}${presenting ? ' is-presenting' : ''}`}>
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
          {!presenting &&
            (session.model.readOnly ? (
              <p className="kk-banner kk-banner--warning" role="alert">
                {t('error.schemaNewer')}
              </p>
            ) : session.linkRevoked ? (
              <p className="kk-banner kk-banner--error kk-banner--revoked" role="alert">
                <strong>{t('revoked.bannerTitle')}</strong> {t('revoked.banner')}
              </p>
            ) : session.getRecord().shared === 'participate' ? (
              <p className="kk-banner" role="note">
                {t('participate.badge')}
              </p>
            ) : readOnly ? (
              <p className="kk-banner" role="note">
                {t('editor.readOnlyHint')}
              </p>
            ) : null)}
          {!presenting && !session.linkRevoked && status && isSyncError(status) && (
            <p className="kk-banner kk-banner--error" role="alert">
              {t(statusMessageKey(status))}
            </p>
          )}
          {!presenting && localInvalid > 0 && (
            <p className="kk-banner kk-banner--warning" role="alert">
              {t('error.localInvalid')}
            </p>
          )}
          {!presenting && (
            <ViewBar active={view} onChange={setView}>
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
          <div className="kk-editor__body">
            {showPlan ? (
              <ActionPlanView store={store} onOpenNote={openNote} />
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
                      onAddActor={(k) => addActor(k)}
                      onAddNote={addNote}
                    />
                  </CollapsiblePanel>
                )}
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
                    />
                  </CollapsiblePanel>
                )}
              </>
            )}
          </div>
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

/** Frames what an import added or changed (the first few hundred), once the canvas has drawn it. */
function frameImported(store: CanvasStore, ids: readonly string[]): void {
  if (ids.length === 0) return;
  requestAnimationFrame(() => {
    store.decorations.focusElements(ids.slice(0, 300), { source: 'import', padding: 0.1 });
    store.decorations.clear('import');
  });
}
