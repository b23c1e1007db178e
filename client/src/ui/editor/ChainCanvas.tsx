import {
  Background,
  BackgroundVariant,
  type Connection,
  ConnectionMode,
  Controls,
  type EdgeTypes,
  MiniMap,
  type NodeTypes,
  ReactFlow,
  useReactFlow,
  useStoreApi,
} from '@xyflow/react';
import { type ReactNode, useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { ACTOR_KINDS, type ActorKind } from '../../../../shared/model/types';
import type { CanvasStore } from '../../canvas/CanvasStore';
import type { FlowEdge, FlowNode } from '../../canvas/flowTypes';
import { loadHyphenation } from '../../canvas/hyphenation';
import type { LinkChoice } from '../../canvas/linkChoice';
import { useT } from '../../i18n/i18n';
import { perfMark } from '../../persistence/perfMark';
import type { PresenceSession } from '../../presence/PresenceSession';
import { ACTOR_KIND_STYLES } from './actorKindStyle';
import { ActorLabelsContext } from './edges/ActorLabelsContext';
import { LinkEdge } from './edges/LinkEdge';
import { LinkWindowContext } from './edges/LinkWindowContext';
import { flowAriaLabels } from './flowAriaLabels';
import { ActorContentContext } from './nodes/ActorContentContext';
import { ActorNode } from './nodes/ActorNode';
import { GhostNode } from './nodes/GhostNode';
import './nodes/nodes.css';
// After nodes.css: a decoration overrides a node's own look.
import './nodes/decorations.css';
import { LaneNode } from './nodes/LaneNode';
import { NoteNode } from './nodes/NoteNode';
import { PeerCursors } from './PeerCursors';
import { useMapFit, visibleRect } from './useMapFit';
import { usePeers } from './usePeers';

const NODE_TYPES: NodeTypes = { actor: ActorNode, note: NoteNode, lane: LaneNode, ghost: GhostNode };
const EDGE_TYPES: EdgeTypes = { link: LinkEdge };
/**
 * React Flow's MiniMap subscribes one store selector per node and runs them all on every store
 * update (each drag frame, pan and edit): on 1,000 nodes that was the largest single cost of a drag
 * frame in the profile. Above this size the minimap is left out until a cheaper one exists.
 */
export const MINIMAP_MAX_NODES = 400;
export const PALETTE_MIME = 'application/x-ketenkaart-kind';
const NO_KEYS = null;
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];

interface Props {
  store: CanvasStore;
  presence: PresenceSession | null;
  linkChoice: LinkChoice;
  onStartEditing: (id: string) => void;
  onAddActor: (kind: ActorKind, center: { x: number; y: number }) => void;
  onDragStart: () => void;
  /** Presentation mode: the map fitted for reading at a distance, no minimap. */
  presenting?: boolean;
  /** Layers drawn inside React Flow (comment pins). */
  children?: ReactNode;
  /** The user panned or zoomed (not the program): following someone stops. */
  onUserMove?: () => void;
}

export function ChainCanvas({
  store,
  presence,
  linkChoice,
  onStartEditing,
  onAddActor,
  onDragStart,
  presenting = false,
  children,
  onUserMove,
}: Props) {
  const t = useT();
  const graph = useSyncExternalStore(store.subscribe, store.getGraph);
  const linkWindow = useSyncExternalStore(store.subscribe, store.getLinkWindow);
  const peers = usePeers(presence);
  const { screenToFlowPosition, fitView } = useReactFlow();
  const canvasRef = useRef<HTMLDivElement>(null);
  const opening = useMapFit(store, presenting, canvasRef);
  // The visible canvas, for culling links whose cards are both off screen. A store subscription,
  // not a render: it runs on every pan frame.
  const flowApi = useStoreApi();
  useEffect(() => {
    const report = (s: { transform: [number, number, number]; width: number; height: number }) => {
      const [x, y, zoom] = s.transform;
      if (s.width <= 0 || s.height <= 0) return;
      const visible = visibleRect({ x, y, zoom }, s.width, s.height);
      store.setViewport(visible);
      // For those who follow this participant (throttled in the presence session).
      presence?.setViewport(visible);
    };
    report(flowApi.getState());
    return flowApi.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) report(s);
    });
  }, [flowApi, store, presence]);
  // Released anywhere: a drag can end over a panel, outside the canvas.
  useEffect(() => {
    const release = () => store.setPointerHeld(false);
    window.addEventListener('pointerup', release, true);
    window.addEventListener('pointercancel', release, true);
    return () => {
      window.removeEventListener('pointerup', release, true);
      window.removeEventListener('pointercancel', release, true);
    };
  }, [store]);
  useEffect(() => {
    perfMark('canvas-committed');
    // After the first paint: the cards' long words then break at a syllable (see hyphenation.ts).
    void loadHyphenation();
  }, []);
  // Decorations' focus requests move the viewport only: nothing is selected, nothing is written.
  useEffect(
    () =>
      store.decorations.onFocusRequest((request) => {
        const nodes = store.frameIds(request.ids).map((id) => ({ id }));
        if (nodes.length > 0)
          void fitView({
            nodes,
            padding: request.padding,
            duration: request.duration,
            maxZoom: request.maxZoom ?? 1.2,
          });
      }),
    [store, fitView],
  );
  useEffect(() => {
    // Exposed for end-to-end tests and the browser benchmark only (a build with `--mode e2e`).
    if (import.meta.env.MODE !== 'e2e') return;
    const w = window as unknown as { __ketenkaartCanvas?: unknown };
    w.__ketenkaartCanvas = { store, decorations: store.decorations };
    return () => {
      w.__ketenkaartCanvas = undefined;
    };
  }, [store]);
  const readOnly = store.readOnly;
  const ariaLabels = useMemo(() => flowAriaLabels(t), [t]);
  const deleteKeys = useMemo(() => (readOnly ? NO_KEYS : ['Delete', 'Backspace']), [readOnly]);
  const handlers = useFlowHandlers({ store, linkChoice, onStartEditing, onDragStart, onUserMove });

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pointer tracking for live cursors only
    <div
      ref={canvasRef}
      className="kk-canvas"
      onPointerMove={(e) => presence?.setCursor(screenToFlowPosition({ x: e.clientX, y: e.clientY }))}
      onPointerLeave={() => presence?.setCursor(null)}
      onPointerDown={() => store.setPointerHeld(true)}
      onDragOver={(e) => {
        if (readOnly || !e.dataTransfer.types.includes(PALETTE_MIME)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={(e) => {
        const kind = e.dataTransfer.getData(PALETTE_MIME) as ActorKind;
        if (readOnly || !ACTOR_KINDS.includes(kind)) return;
        e.preventDefault();
        onAddActor(kind, screenToFlowPosition({ x: e.clientX, y: e.clientY }));
      }}
    >
      {/* Mounted once the canvas is measured (a layout effect, before the first paint): it opens fitted. */}
      {opening.measured && (
        <LinkWindowContext.Provider value={linkWindow}>
          <ActorLabelsContext.Provider value={store.actorLabels}>
            <ActorContentContext.Provider value={store.actorContent}>
              <ReactFlow<FlowNode, FlowEdge>
                defaultViewport={opening.viewport}
                nodes={graph.nodes}
                edges={graph.edges}
                nodeTypes={NODE_TYPES}
                edgeTypes={EDGE_TYPES}
                onNodesChange={store.onNodesChange}
                onEdgesChange={store.onEdgesChange}
                onConnect={handlers.onConnect}
                onDelete={store.onDelete}
                onPaneClick={store.clearSelection}
                onMoveStart={handlers.onMoveStart}
                onNodeDragStart={handlers.onNodeDragStart}
                onNodeDoubleClick={handlers.onNodeDoubleClick}
                deleteKeyCode={deleteKeys}
                multiSelectionKeyCode={MULTI_SELECTION_KEYS}
                selectionKeyCode="Shift"
                nodesDraggable={!readOnly}
                nodesConnectable={!readOnly}
                edgesReconnectable={false}
                connectionMode={ConnectionMode.Loose}
                elementsSelectable
                zoomOnDoubleClick={false}
                minZoom={0.15}
                maxZoom={2.5}
                onlyRenderVisibleElements
                aria-label={t('editor.canvas')}
                ariaLabelConfig={ariaLabels}
              >
                <Background
                  variant={BackgroundVariant.Dots}
                  gap={24}
                  size={1}
                  color="var(--kk-canvas-dots)"
                />
                <Controls showInteractive={false} />
                {!presenting && graph.nodes.length <= MINIMAP_MAX_NODES && (
                  <MiniMap
                    pannable
                    zoomable
                    nodeColor={(n) =>
                      n.type === 'actor'
                        ? ACTOR_KIND_STYLES[(n as Extract<FlowNode, { type: 'actor' }>).data.kind].stroke
                        : n.type === 'note'
                          ? 'var(--kk-minimap-note)'
                          : n.type === 'ghost'
                            ? 'var(--kk-minimap-ghost)'
                            : 'var(--kk-minimap-lane)'
                    }
                    nodeStrokeWidth={0}
                  />
                )}
                <PeerCursors peers={peers} />
                {children}
              </ReactFlow>
            </ActorContentContext.Provider>
          </ActorLabelsContext.Provider>
        </LinkWindowContext.Provider>
      )}
    </div>
  );
}

type HandlerProps = Pick<Props, 'store' | 'linkChoice' | 'onStartEditing' | 'onDragStart' | 'onUserMove'>;

/**
 * React Flow's callbacks, one identity for the canvas' lifetime, reading the latest props. React
 * Flow copies every changed callback prop into its store with a store update of its own, and each
 * store update runs every drawn edge's and node's selectors: with inline callbacks, every render
 * of the canvas (each drag frame) cost three extra passes over the drawn graph.
 */
function useFlowHandlers(props: HandlerProps) {
  const latest = useRef(props);
  // After each commit, before any event can reach the handlers.
  useLayoutEffect(() => {
    latest.current = props;
  });
  return useMemo(
    () => ({
      onConnect: (c: Connection) => latest.current.store.onConnect(c, latest.current.linkChoice),
      onMoveStart: (event: MouseEvent | TouchEvent | null) => {
        // Only a user's gesture carries an event; fitView and following move without one.
        if (event) latest.current.onUserMove?.();
      },
      onNodeDragStart: () => latest.current.onDragStart(),
      onNodeDoubleClick: (_: unknown, node: FlowNode) => {
        const { store, onStartEditing } = latest.current;
        if (!store.readOnly && (node.type === 'actor' || node.type === 'note')) onStartEditing(node.id);
      },
    }),
    [],
  );
}
