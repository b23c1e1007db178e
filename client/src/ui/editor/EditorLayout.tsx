import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ActorKind, NoteKind } from '../../../../shared/model/types';
import { CanvasStore } from '../../canvas/CanvasStore';
import { LINK_CHOICES, type LinkChoice } from '../../canvas/flowAdapter';
import { useT } from '../../i18n/i18n';
import { type Identity, loadIdentity, saveIdentity } from '../../presence/identity';
import { PresenceSession, peerDrags, peerSelections } from '../../presence/PresenceSession';
import type { MapSession } from '../../session/MapSession';
import { isSyncError, statusMessageKey } from '../../sync/syncStatus';
import { restoreAsOneStep } from '../../versions/restoreStep';
import { AutoLayoutButton } from './AutoLayoutButton';
import { AnalysisPanel } from './analysis/AnalysisPanel';
import { ChainCanvas } from './ChainCanvas';
import { type Editing, EditingContext } from './EditingContext';
import type { EditorViewId, SidePanelId } from './editorViews';
import { IdentityDialog } from './IdentityDialog';
import { Inspector } from './inspector/Inspector';
import { Legend } from './Legend';
import { LinkKindChooser } from './LinkKindChooser';
import { Palette } from './Palette';
import { PhasesPanel } from './phases/PhasesPanel';
import { ActionPlanView } from './plan/ActionPlanView';
import { ShareDialog } from './ShareDialog';
import { SidePanel } from './SidePanel';
import { TopBar } from './TopBar';
import { useChainIntelligence } from './useChainIntelligence';
import { useEditorShortcuts } from './useEditorShortcuts';
import { usePeers } from './usePeers';
import { useSyncStatus } from './useSyncStatus';
import { useUndoState } from './useUndoState';
import { ViewBar } from './ViewBar';
import { ActivityPanel } from './versions/ActivityPanel';
import { CompareBanner } from './versions/CompareBanner';
import { CompareDetails } from './versions/CompareDetails';
import { useCompare } from './versions/useVersionsModel';
import { VersionsPanel } from './versions/VersionsPanel';
import { TargetGroupRoutePanel } from './views/TargetGroupRoutePanel';
import { ViewFilterPanel } from './views/ViewFilterPanel';

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
  const { screenToFlowPosition } = useReactFlow();

  const store = useMemo(() => new CanvasStore(session.model, readOnly), [session, readOnly]);
  useEffect(() => () => store.destroy(), [store]);

  const awareness = session.sync?.awareness ?? null;
  // Identity changes are pushed with setIdentity below; the session is made once one exists.
  const hasIdentity = identity !== null;
  const identityRef = useRef(identity);
  identityRef.current = identity;
  const presence = useMemo(
    () =>
      awareness && hasIdentity && identityRef.current
        ? new PresenceSession(awareness, identityRef.current, readOnly)
        : null,
    [awareness, readOnly, hasIdentity],
  );
  useEffect(() => () => presence?.destroy(), [presence]);
  useEffect(() => {
    if (presence && identity) presence.setIdentity(identity);
  }, [presence, identity]);

  // Presence ↔ canvas: our selection and drags out, peers' selections and drags in.
  const peers = usePeers(presence);
  useEffect(() => {
    store.onSelectionChange = (ids) => presence?.setSelection(ids);
    store.onLocalDrag = (drag) => presence?.setDrag(drag);
    return () => {
      store.onSelectionChange = null;
      store.onLocalDrag = null;
    };
  }, [store, presence]);
  useEffect(() => {
    store.setPeerSelections(peerSelections(peers));
    store.setPeerDrags(peerDrags(peers));
  }, [store, peers]);

  const undo = useUndoState(session.undoManager);
  const intel = useChainIntelligence(store);
  const compare = useCompare(store);
  const [view, setView] = useState<EditorViewId>('map');
  const [sidePanel, setSidePanel] = useState<SidePanelId>('inspector');
  const selectionKey = useSyncExternalStore(store.subscribe, () => [...store.getView().selected].join(','));
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
  const route = intel.routeTargetGroupId ? intel.analysis.route(intel.state, intel.routeTargetGroupId) : null;
  const findingCount = intel.findings.active.length;
  const meta = useSyncExternalStore(store.subscribe, () => store.getState().meta);

  const viewCentre = () => {
    const el = document.querySelector('.kk-canvas')?.getBoundingClientRect();
    if (!el) return { x: 0, y: 0 };
    return screenToFlowPosition({ x: el.left + el.width / 2, y: el.top + el.height / 2 });
  };
  const addActor = (kind: ActorKind, centre = viewCentre()) => {
    const id = store.addActor(kind, centre, t('canvas.newActor', { kind: t(`kind.${kind}`).toLowerCase() }));
    if (id) setEditingId(id);
  };
  const addNote = (kind: NoteKind) => {
    const sel = store.selection();
    const anchor =
      sel.actors.length === 1
        ? { type: 'actor' as const, id: sel.actors[0]! }
        : sel.links.length === 1
          ? { type: 'link' as const, id: sel.links[0]! }
          : null;
    // A note on an actor or link belongs to that actor's phase (a link: its source's), so the action
    // plan groups it there. One transaction: one undo step.
    const state = store.getState();
    const hostId = anchor?.type === 'link' ? state.links.find((l) => l.id === anchor.id)?.source : anchor?.id;
    const phaseId = state.actors.find((a) => a.id === hostId)?.phaseId ?? null;
    session.model.transact(() => {
      const id = store.addNote(kind, viewCentre(), anchor);
      if (id && phaseId) session.model.updateNote(id, { phaseId });
    });
  };

  const editing: Editing = useMemo(
    () => ({
      editingId,
      start: setEditingId,
      stop: () => setEditingId(null),
      commitLabel: (id, label) => {
        const state = store.getState();
        if (state.actors.some((a) => a.id === id)) {
          if (label && label !== state.actors.find((a) => a.id === id)?.label)
            session.model.updateActor(id, { label });
        } else if (state.notes.some((n) => n.id === id)) {
          session.model.updateNote(id, { text: label });
        }
      },
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
      editSelected: () => {
        const sel = store.selection();
        const only = [...sel.actors, ...sel.notes];
        if (only.length === 1) setEditingId(only[0]!);
      },
    }),
    [session, store],
  );
  useEditorShortcuts(shortcuts, !readOnly && editingId === null);

  const needsIdentity = identity === null || editingIdentity;
  return (
    <EditingContext.Provider value={editing}>
      <div className={`kk-editor${readOnly ? ' kk-readonly' : ''}`}>
        <TopBar
          title={meta.title}
          municipality={meta.municipality}
          status={status}
          readOnly={readOnly}
          canUndo={undo.canUndo}
          canRedo={undo.canRedo}
          me={identity}
          peers={peers}
          onUndo={shortcuts.undo}
          onRedo={shortcuts.redo}
          onShare={() => setSharing(true)}
          onEditMe={() => setEditingIdentity(true)}
        />
        {session.model.readOnly ? (
          <p className="kk-banner kk-banner--warning" role="alert">
            {t('error.schemaNewer')}
          </p>
        ) : readOnly ? (
          <p className="kk-banner" role="note">
            {t('editor.readOnlyHint')}
          </p>
        ) : null}
        {status && isSyncError(status) && (
          <p className="kk-banner kk-banner--error" role="alert">
            {t(statusMessageKey(status))}
          </p>
        )}
        {localInvalid > 0 && (
          <p className="kk-banner kk-banner--warning" role="alert">
            {t('error.localInvalid')}
          </p>
        )}
        <ViewBar active={view} onChange={setView}>
          {view === 'map' && !readOnly && (
            <AutoLayoutButton model={session.model} onDone={() => session.undoManager.stopCapturing()} />
          )}
        </ViewBar>
        {view === 'map' && compare.comparison && (
          <CompareBanner comparison={compare.comparison} onStop={() => compare.session.stop()} />
        )}
        <div className="kk-editor__body">
          {view === 'plan' ? (
            <ActionPlanView store={store} onOpenNote={openNote} />
          ) : (
            <>
              <div className="kk-sidebar">
                {!readOnly && (
                  <>
                    <Palette onAddActor={(k) => addActor(k)} onAddNote={addNote} />
                    <LinkKindChooser value={linkChoice} onChange={setLinkChoice} />
                  </>
                )}
                <ViewFilterPanel state={intel.state} filter={intel.filter} onChange={intel.setFilter} />
                <TargetGroupRoutePanel
                  state={intel.state}
                  targetGroupId={intel.routeTargetGroupId}
                  route={route}
                  onChange={intel.setRouteTargetGroup}
                />
              </div>
              <main className="kk-editor__canvas">
                <ChainCanvas
                  store={store}
                  presence={presence}
                  linkChoice={linkChoice}
                  onStartEditing={setEditingId}
                  onAddActor={addActor}
                  onDragStart={() => session.undoManager.stopCapturing()}
                />
                <Legend />
              </main>
              <SidePanel
                active={sidePanel}
                onChange={setSidePanel}
                selectionKey={selectionKey}
                badges={
                  findingCount > 0
                    ? {
                        analysis: {
                          count: findingCount,
                          label: t('analysis.count', { count: findingCount }),
                        },
                      }
                    : {}
                }
                render={(id) =>
                  id === 'analysis' ? (
                    <AnalysisPanel
                      active={intel.findings.active}
                      dismissed={intel.findings.dismissed}
                      selectedKey={intel.selectedFindingKey}
                      model={session.model}
                      readOnly={readOnly}
                      author={identity?.name ?? ''}
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
                      onRestore={(versionId) =>
                        restoreAsOneStep(session.model, session.undoManager, versionId)
                      }
                    />
                  ) : id === 'activity' ? (
                    <ActivityPanel model={session.model} />
                  ) : (
                    <Inspector
                      store={store}
                      linkChoice={linkChoice}
                      onAddNote={addNote}
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
            </>
          )}
        </div>
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
    </EditingContext.Provider>
  );
}
