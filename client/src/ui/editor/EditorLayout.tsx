import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ActorKind, NoteKind } from '../../../../shared/model/types';
import { CanvasStore } from '../../canvas/CanvasStore';
import { addNoteToSelection, commitLabel } from '../../canvas/canvasCommands';
import { LINK_CHOICES, type LinkChoice } from '../../canvas/linkChoice';
import { useT } from '../../i18n/i18n';
import { type Identity, loadIdentity, saveIdentity } from '../../presence/identity';
import type { MapSession } from '../../session/MapSession';
import { isSyncError, statusMessageKey } from '../../sync/syncStatus';
import { AutoLayoutButton } from './AutoLayoutButton';
import { useChainIntelligence } from './analysis/useChainIntelligence';
import { ChainCanvas } from './ChainCanvas';
import { type Editing, EditingContext } from './EditingContext';
import { EditorSidebar } from './EditorSidebar';
import { EditorSidePanel } from './EditorSidePanel';
import type { EditorViewId, SidePanelId } from './editorViews';
import { IdentityDialog } from './IdentityDialog';
import { InterchangeTools } from './interchange/InterchangeTools';
import { Legend } from './Legend';
import { ActionPlanView } from './plan/ActionPlanView';
import { ShareDialog } from './ShareDialog';
import { TopBar } from './TopBar';
import { useCanvasPresence } from './useCanvasPresence';
import { useEditorShortcuts } from './useEditorShortcuts';
import { useSyncStatus } from './useSyncStatus';
import { useUndoState } from './useUndoState';
import { ViewBar } from './ViewBar';
import { CompareBanner } from './versions/CompareBanner';
import { useCompare } from './versions/useVersionsModel';
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

  const { presence, peers } = useCanvasPresence(session, store, identity);

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

  const viewCentre = () => {
    const el = document.querySelector('.kk-canvas')?.getBoundingClientRect();
    if (!el) return { x: 0, y: 0 };
    return screenToFlowPosition({ x: el.left + el.width / 2, y: el.top + el.height / 2 });
  };
  const addActor = (kind: ActorKind, centre = viewCentre()) => {
    const id = store.addActor(kind, centre, t(`canvas.newActor.${kind}`));
    if (id) setEditingId(id);
  };
  const addNote = (kind: NoteKind) => addNoteToSelection(store, kind, viewCentre());

  const editing: Editing = useMemo(
    () => ({
      editingId,
      start: setEditingId,
      stop: () => setEditingId(null),
      commitLabel: (id, label) => commitLabel(session.model, store.getState(), id, label),
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
          {view === 'map' && (
            <InterchangeTools
              model={session.model}
              undo={session.undoManager}
              readOnly={readOnly}
              onImported={(ids) => frameImported(store, ids)}
            />
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
              <EditorSidebar
                readOnly={readOnly}
                intel={intel}
                linkChoice={linkChoice}
                onLinkChoice={setLinkChoice}
                onAddActor={(k) => addActor(k)}
                onAddNote={addNote}
              />
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

/** Frames what an import added or changed (the first few hundred), once the canvas has drawn it. */
function frameImported(store: CanvasStore, ids: readonly string[]): void {
  if (ids.length === 0) return;
  requestAnimationFrame(() => {
    store.decorations.focusElements(ids.slice(0, 300), { source: 'import', padding: 0.1 });
    store.decorations.clear('import');
  });
}
