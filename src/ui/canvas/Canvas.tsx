import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, useStore } from '@xyflow/react';
import type {
  Connection,
  EdgeChange,
  FitViewOptions,
  IsValidConnection,
  MiniMapNodeProps,
  NodeChange,
  OnMoveEnd,
  OnMoveStart,
  OnNodeDrag,
  Viewport,
} from '@xyflow/react';
import { FOREACH_TARGET_HANDLE, ORDER_SOURCE_HANDLE, ORDER_TARGET_HANDLE, WHEN_TARGET_HANDLE } from '../../core/index.ts';
import type { Position } from '../../core/index.ts';
import type { AppState, AppStore } from '../../state/store.ts';
import { useAppStoreApi, selectGraphView, selectLineageSets, selectSelectedCallIds, selectSelectedEdgeIds, useAppStore } from '../../state/store.ts';
import { readToolDrag, hasToolDrag } from '../library/toolDrag.ts';
import { edgeTypes, nodeTypes } from './flowTypes.ts';
import { BAND_ID_PREFIX, createFlowCache, toFlowEdges, toFlowNodes } from './flowElements.ts';
import type { DependencyFlowEdge, FlowNode, Highlight } from './flowElements.ts';
import { nextSelection } from './selectionChanges.ts';
import { firstViewport, viewBounds } from './firstView.ts';
import type { Insets } from './firstView.ts';

/** Above this many calls, only what is in view is rendered. */
const VISIBLE_ONLY_FROM = 120;
/**
 * The zoom controls and the minimap (hidden until asked for) sit in a strip under the canvas,
 * not over it, so that neither ever covers a call, however the view is panned.
 */
const MINIMAP_SIZE = { width: 176, height: 104 } as const;
const INSETS: Insets = { top: 16, right: 16, bottom: 16, left: 16 };
const FIT_VIEW_OPTIONS: FitViewOptions = { padding: 0.1, maxZoom: 1 };
/**
 * React Flow's credit is not drawn over the canvas, where a pan could put a call under it: it is
 * a link in the strip under the canvas (CanvasCredit), always in view. React Flow asks that its
 * attribution stay visible unless one subscribes (reactflow.dev/learn/troubleshooting/remove-attribution);
 * it is moved, not removed.
 */
const PRO_OPTIONS = { hideAttribution: true } as const;
/**
 * Below this zoom the field names (11 px, so under 4 px on screen) are not drawn, only the
 * calls' boxes, headers and wires: they cannot be read there, and drawing them is most of
 * what a frame of a pan costs on a software-rendered page. Layout is unchanged (edges keep
 * their anchors); zooming in shows them again.
 */
const FAR_ZOOM = 0.35;
const isFar = (s: { transform: [number, number, number] }) => s.transform[2] < FAR_ZOOM;
/**
 * Above this many calls the minimap draws the turn bands only: a few hundred columns show the
 * chain's shape as well as thousands of specks do, and the minimap is repainted on every frame
 * of a pan.
 */
const MINIMAP_CALLS_UP_TO = 1000;

/**
 * The canvas of the current chain. The view is keyed by chain: each chain keeps its own
 * viewport. Opening another file (or example) opens its chains afresh, on their first view.
 */
export function Canvas() {
  const chainId = useAppStore((s) => s.chainId);
  const fileName = useAppStore((s) => s.fileName);
  if (chainId === null) {
    return <p className="canvas-empty">This project has no chains. Add one with “Add chain”.</p>;
  }
  return <ChainCanvas key={`${fileName}\u0000${chainId}`} chainId={chainId} />;
}

function ChainCanvas({ chainId }: { chainId: string }) {
  const store = useAppStoreApi();
  const view = useAppStore(selectGraphView);
  const selectedCallIds = useAppStore(selectSelectedCallIds);
  const selectedEdgeIds = useAppStore(selectSelectedEdgeIds);
  const lineage = useAppStore(selectLineageSets);
  const isValidConnection = useMemo(() => validConnection(store), [store]);
  // Read once when the chain opens: the saved viewport, else fit the view.
  const [initialViewport] = useState(() => store.getState().viewports[chainId]);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, Position>>(new Map());
  const cache = useRef(createFlowCache());
  const flow = useReactFlow<FlowNode, DependencyFlowEdge>();
  const far = useStore(isFar);
  const [minimapShown, setMinimapShown] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  // Until the user pans or zooms, the view is the first view: it follows the canvas' size.
  const userMoved = useRef(initialViewport !== undefined);
  const showFirstView = useCallback(() => {
    const el = box.current;
    const v = selectGraphView(store.getState());
    if (!el || userMoved.current || !v) return;
    void flow.setViewport(firstViewport(viewBounds(v), { width: el.clientWidth, height: el.clientHeight }, INSETS));
  }, [store, flow]);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => showFirstView());
    observer.observe(el);
    return () => observer.disconnect();
  }, [showFirstView]);
  const onMoveStart: OnMoveStart = useCallback((event) => {
    if (event) userMoved.current = true;
  }, []);
  // A zoom or fit from the controls is the user's choice too; it may end before this runs, so the view is stored on the next frame.
  const markMoved = useCallback(() => {
    userMoved.current = true;
    requestAnimationFrame(() => store.getState().setViewport(chainId, flow.getViewport()));
  }, [store, chainId, flow]);

  const highlight = useMemo<Highlight>(
    () => ({ selectedCallIds: new Set(selectedCallIds), selectedEdgeIds: new Set(selectedEdgeIds), ...lineage }),
    [selectedCallIds, selectedEdgeIds, lineage],
  );
  const nodes = useMemo(() => (view ? toFlowNodes(view, highlight, cache.current, overrides) : []), [view, highlight, overrides]);
  // The lineage is not in the edges (each edge draws it, DependencyEdge): selecting a call hands React Flow the same edges.
  const edges = useMemo(() => (view ? toFlowEdges(view, highlight, cache.current) : []), [view, highlight]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const moved = new Map<string, Position>();
      for (const change of changes) {
        if (change.type === 'position' && change.position && change.dragging) moved.set(change.id, change.position);
      }
      if (moved.size) setOverrides((old) => new Map([...old, ...moved]));
      const s = store.getState();
      const next = nextSelection(
        s.selectedCallIds,
        changes.filter((c) => !('id' in c && c.id.startsWith(BAND_ID_PREFIX))),
      );
      if (next) s.setSelection({ callIds: next, edgeIds: s.selectedEdgeIds });
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<DependencyFlowEdge>[]) => {
      const s = store.getState();
      const next = nextSelection(s.selectedEdgeIds, changes);
      if (next) s.setSelection({ callIds: s.selectedCallIds, edgeIds: next });
    },
    [store],
  );

  // A drag (of one node or of a selection) is one undo step, written when it ends.
  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (_event, _node, dragged) => {
      const positions: Record<string, Position> = {};
      for (const n of dragged) if (n.type === 'call') positions[n.id] = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
      if (Object.keys(positions).length) store.getState().moveCalls(positions);
      setOverrides(new Map());
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const s = store.getState();
      // A list field dropped on a call's header (or its "for each" strip): the call runs once for each element.
      if (c.sourceHandle && c.sourceHandle !== ORDER_SOURCE_HANDLE && (c.targetHandle === FOREACH_TARGET_HANDLE || c.targetHandle === ORDER_TARGET_HANDLE)) {
        s.setForEachFrom({ callId: c.source, field: c.sourceHandle }, c.target);
        return;
      }
      if (c.sourceHandle === ORDER_SOURCE_HANDLE || c.targetHandle === ORDER_TARGET_HANDLE) {
        s.addOrder(c.source, c.target);
        return;
      }
      if (!c.sourceHandle || !c.targetHandle) return;
      s.connect({ callId: c.source, field: c.sourceHandle }, { callId: c.target, arg: c.targetHandle });
    },
    [store],
  );

  // Only a view the user chose is remembered; the first view is worked out again next time.
  const onMoveEnd: OnMoveEnd = useCallback(
    (_event, viewport: Viewport) => {
      if (userMoved.current) store.getState().setViewport(chainId, viewport);
    },
    [store, chainId],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!hasToolDrag(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const tool = readToolDrag(event.dataTransfer);
      if (tool === null) return;
      event.preventDefault();
      event.stopPropagation();
      // Not where it was let go: in a free spot of its turn's column, following the layout
      // (layout/columns.ts, drawnPositions) until the user drags it somewhere.
      store.getState().addCall(tool);
    },
    [store],
  );

  const onPaneClick = useCallback(() => store.getState().clearSelection(), [store]);
  const callCount = view?.nodes.length ?? 0;

  return (
    <div className={`canvas${lineage.focus !== null ? ' has-focus' : ''}${far ? ' is-far' : ''}`}>
      <div ref={box} className="canvas-flow" onDragOver={onDragOver} onDrop={onDrop}>
        {view?.cycle && (
          <p className="canvas-banner canvas-banner-error" role="alert">
            These calls wait for each other in a cycle: {[...view.cycle, view.cycle[0]].join(' → ')}. Remove one of the references.
          </p>
        )}
        {!view?.cycle && view?.overlappingTurns && (
          <p className="canvas-banner canvas-banner-note" role="status">
            Turn {view.overlappingTurns[0] + 1} and Turn {view.overlappingTurns[1] + 1} overlap: the saved positions put them in one column.{' '}
            <button type="button" className="link-button" onClick={() => store.getState().autoLayout()}>
              Lay out by turn
            </button>
          </p>
        )}
        {callCount === 0 && <p className="canvas-hint">Drag a tool from the library onto the canvas, or use “Quick add”, to make the first call.</p>}
        <ReactFlow<FlowNode, DependencyFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          isValidConnection={isValidConnection}
          onMoveStart={onMoveStart}
          onMoveEnd={onMoveEnd}
          onPaneClick={onPaneClick}
          onInit={showFirstView}
          defaultViewport={initialViewport}
          fitViewOptions={FIT_VIEW_OPTIONS}
          onlyRenderVisibleElements={callCount >= VISIBLE_ONLY_FROM}
          deleteKeyCode={null}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionKeyCode="Shift"
          minZoom={0.05}
          maxZoom={2}
          proOptions={PRO_OPTIONS}
          aria-label="Canvas of the chain's calls"
        >
          {callCount < VISIBLE_ONLY_FROM && <Background gap={24} size={1} />}
        </ReactFlow>
      </div>
      <div className="canvas-footer">
        <Controls
          showInteractive={false}
          orientation="horizontal"
          fitViewOptions={FIT_VIEW_OPTIONS}
          onZoomIn={markMoved}
          onZoomOut={markMoved}
          onFitView={markMoved}
        />
        <button type="button" className="button button-small minimap-toggle" aria-pressed={minimapShown} onClick={() => setMinimapShown((shown) => !shown)}>
          Minimap
        </button>
        {minimapShown && (
          <MiniMap
            pannable
            zoomable
            ariaLabel="Minimap"
            style={MINIMAP_SIZE}
            nodeClassName={miniMapClass}
            nodeComponent={callCount > MINIMAP_CALLS_UP_TO ? BandsOnly : undefined}
            onClick={markMoved}
          />
        )}
        <CanvasCredit />
      </div>
    </div>
  );
}

const MULTI_SELECT_KEYS = ['Meta', 'Control'];

/** React Flow's attribution, as React Flow draws it (same link and name), in the strip under the canvas. */
function CanvasCredit() {
  return (
    <a className="canvas-credit" href="https://reactflow.dev" target="_blank" rel="noopener noreferrer" aria-label="React Flow attribution">
      React Flow
    </a>
  );
}

/** A minimap node that draws turn bands and leaves calls out (large chains). */
function BandsOnly(p: MiniMapNodeProps) {
  if (!p.className.includes('minimap-band')) return null;
  return (
    <rect
      className={`react-flow__minimap-node ${p.className} is-alone`}
      x={p.x}
      y={p.y}
      rx={p.borderRadius}
      ry={p.borderRadius}
      width={p.width}
      height={p.height}
      style={p.style}
      shapeRendering={p.shapeRendering}
    />
  );
}

function miniMapClass(node: FlowNode): string {
  if (node.type === 'band') return 'minimap-band';
  return node.data.node.isOnCriticalPath ? 'minimap-call minimap-critical' : 'minimap-call';
}

/**
 * Order-only handles connect to each other; a result field connects to an argument; a list
 * field (or a fan-out's whole result) connects to a call's header or "for each" strip, which
 * makes that call a fan-out. Nothing connects to the "only if" strip: conditions are edited in
 * the inspector.
 */
const validConnection =
  (store: AppStore): IsValidConnection<DependencyFlowEdge> =>
  (c) => {
    if (c.source === c.target) return false;
    if (c.targetHandle === WHEN_TARGET_HANDLE) return false;
    const orderSource = c.sourceHandle === ORDER_SOURCE_HANDLE;
    if (!orderSource && (c.targetHandle === FOREACH_TARGET_HANDLE || c.targetHandle === ORDER_TARGET_HANDLE))
      return givesList(store.getState(), c.source, c.sourceHandle);
    const orderTarget = c.targetHandle === ORDER_TARGET_HANDLE;
    return orderSource === orderTarget;
  };

/** Whether a call's result field is a list (a fan-out's whole result is the list of its results). */
function givesList(state: AppState, callId: string, field: string | null | undefined): boolean {
  const node = selectGraphView(state)?.nodes.find((n) => n.id === callId);
  if (!node || !field) return false;
  if (field === '$' && node.behaviour?.forEach) return true;
  return node.outputs.some((f) => f.path === field && f.isList);
}
