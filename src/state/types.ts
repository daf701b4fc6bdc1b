/**
 * The app store's shape: state and actions of every slice. `store.ts` builds the store from
 * the slices and holds the selectors; everything the canvas shows comes from `src/core`
 * (graphView, planChain, validateProject…) through the selectors — components never re-derive it.
 */
import type { Diagnostic, JsonValue, Position, Project, ProjectParseError, ReplyVariant, SlotSpec } from '../core/index.ts';
import type { ConnectionSource, ConnectionTarget } from '../core/index.ts';
import type { BehaviourPatch } from '../core/index.ts';
import type { ProjectSettingsPatch } from '../core/index.ts';
import type { SelectorMemo } from './selectors.ts';

/** React Flow's viewport of one chain. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** A transient message for a toast / live region. `id` grows, so the same text twice is two notices. */
export interface Notice {
  id: number;
  kind: 'refused' | 'warning' | 'error' | 'info';
  /** e.g. "Refused: this connection would close the cycle book → invite → book". */
  message: string;
}

/** Opening a file failed: the parser's first error and all its findings (JSON path, line). */
export interface OpenFailure {
  fileName: string;
  error: ProjectParseError;
  diagnostics: Diagnostic[];
}

/**
 * Autosave status. `label` of each is given by `persistenceLabel`:
 * `saved` | `saving` | `not saved: <reason>` | `conflict: another tab …` | `unreadable storage`.
 */
export type PersistenceStatus =
  /** The load gate is closed: the saved project has not been read yet; nothing is written. */
  | { kind: 'loading' }
  | { kind: 'saved'; revision: number; at: number }
  /** Changes are waiting for the debounce or being written. */
  | { kind: 'saving' }
  /** A write failed (quota, blocked…): autosave keeps trying on the next change. */
  | { kind: 'not-saved'; reason: string }
  /** Another tab saved the same workspace: this tab stopped autosaving until takeOverStorage() or a reload. */
  | { kind: 'conflict'; message: string; otherTabId: string }
  /** The stored workspace could not be read; it is kept untouched, `raw` is its text (offer it as a download). Autosave is off until discardUnreadableStorage(). */
  | { kind: 'unreadable'; reason: string; raw: string }
  /** No IndexedDB in this browser (or it refused to open). */
  | { kind: 'unavailable'; reason: string };

/**
 * What an edit action returns: done, with the edit's warnings ("… expects a string, gets a
 * list") and what it made (`callId`, `chainId`), or refused with the reason, which names the
 * place ("there is already a call with id book"). Callers show `error` where the user acted.
 */
export type EditOutcome<Made extends object = object> = ({ ok: true; warnings: string[] } & Made) | { ok: false; error: string };

export type SelectMode = 'replace' | 'add' | 'toggle';

export interface ProjectSlice {
  project: Project;
  /** The chain shown on the canvas (null only when the project has no chain). */
  chainId: string | null;
  /** Name of the opened file (for "Save project"), e.g. `room-booking.chain.json`. */
  fileName: string;
  /** The parser's errors of the last "Open project" that failed (the project is unchanged). */
  openFailure: OpenFailure | null;

  /** Replaces the project (undoable, unless `clearHistory`: then undo history starts afresh). `chainId` defaults to the first chain. */
  loadProject(project: Project, options?: { fileName?: string; chainId?: string | null; clearHistory?: boolean }): void;
  /** Opens file text through parseProject. On failure nothing changes but `openFailure`. Returns whether it opened. */
  openProjectText(text: string, fileName: string): boolean;
  dismissOpenFailure(): void;
  /** An empty project with one empty chain `main`; `keepTools` keeps the current project's tools (so calls can be drawn at once). */
  newProject(options?: { keepTools?: boolean }): void;
  /** The project as file text (serializeProject) and a file name for "Save project". */
  saveProjectText(): { text: string; fileName: string };
  selectChain(chainId: string): void;

  // Canvas edits on the current chain (each one undo step). Each returns its outcome: done (with
  // the edit's warnings, also shown as a `warning` notice) or refused with the reason (also shown
  // as a `refused` notice when the core refused it), for the caller to show at the field.
  connect(source: ConnectionSource, target: ConnectionTarget): EditOutcome;
  /** Removes edges by id (GraphEdge.id), data or order. */
  disconnect(edgeIds: readonly string[]): EditOutcome;
  /** An order edge (`after`): `targetId` waits for `sourceId`; removed like any edge, with `disconnect`. */
  addOrder(sourceId: string, targetId: string): EditOutcome;
  /** Adds a call (selected); its id is in the outcome. */
  addCall(toolName: string, position?: Position): EditOutcome<{ callId: string }>;
  renameCall(callId: string, newId: string): EditOutcome;
  deleteCalls(callIds: readonly string[]): EditOutcome;
  /** Deletes the selected calls and edges (the Delete key). */
  deleteSelection(): EditOutcome;
  setCallTool(callId: string, toolName: string): EditOutcome;
  setArgument(callId: string, arg: string, value: JsonValue | undefined): EditOutcome;
  setCallRequests(callId: string, requests: readonly string[] | undefined): EditOutcome;
  /** A call's behaviours (forEach, as, where, when, whenRate, failure, confirm): a key with `undefined` removes it. One undo step. */
  setCallBehaviour(callId: string, patch: BehaviourPatch): EditOutcome;
  /** A list field dropped on a call's header: the call runs once for each element (one undo step). */
  setForEachFrom(source: ConnectionSource, targetId: string): EditOutcome;
  /** Moves calls as one undo step (the canvas calls it once, when a drag stops). */
  moveCalls(positions: Readonly<Record<string, Position>>): void;
  /** "Auto layout": every call of the chain at its dagre position (one undo step). */
  autoLayout(): void;
  /** Copies the selected calls; returns the clipboard text (also kept in `clipboard`), or null when nothing is selected. */
  copySelection(): string | null;
  /** Pastes clipboard text (default: the last copy) shifted by `offset`; the pasted calls become the selection. */
  paste(text?: string, offset?: Position): EditOutcome;
  clipboard: string | null;

  /** Name, system prompt, reference date (one undo step). A new name also names the file ("Save project"). */
  setProjectSettings(patch: ProjectSettingsPatch): EditOutcome;

  // Chains, requests, slots, reply.
  /** Adds a chain and shows it; its id is in the outcome. */
  addChain(options?: { id?: string; name?: string }): EditOutcome<{ chainId: string }>;
  renameChain(chainId: string, change: { id?: string; name?: string }): EditOutcome;
  deleteChain(chainId: string): EditOutcome;
  setRequests(requests: readonly string[] | undefined): EditOutcome;
  setReply(reply: string | undefined): EditOutcome;
  /** The reply as variants (undefined: no reply). One undo step. */
  setReplyVariants(variants: readonly ReplyVariant[] | undefined): EditOutcome;
  setSlot(name: string, spec: SlotSpec): EditOutcome;
  removeSlot(name: string): EditOutcome;
  renameSlot(name: string, newName: string): EditOutcome;

  // History (zundo over { project, chainId }; only project changes make steps).
  undo(): void;
  redo(): void;
}

export interface SelectionSlice {
  selectedCallIds: string[];
  selectedEdgeIds: string[];
  /** The diagnostic the user clicked (its callId, if any, is also selected). */
  highlightedDiagnostic: Diagnostic | null;
  selectCalls(callIds: readonly string[], mode?: SelectMode): void;
  /** Both at once (React Flow's onSelectionChange). */
  setSelection(selection: { callIds: readonly string[]; edgeIds: readonly string[] }): void;
  clearSelection(): void;
  highlightDiagnostic(diagnostic: Diagnostic | null): void;
}

export interface ViewSlice {
  /** Viewport per chain id (persisted with the project). */
  viewports: Record<string, Viewport>;
  setViewport(chainId: string, viewport: Viewport): void;
}

export interface PreviewSlice {
  seed: number;
  exampleIndex: number;
  setSeed(seed: number): void;
  /** "Another example". */
  nextExample(): void;
  setExampleIndex(index: number): void;
}

export interface PersistenceHandlers {
  takeOver(): Promise<void>;
  discardUnreadable(): Promise<void>;
}

export interface PersistenceSlice {
  persistence: PersistenceStatus;
  /** Set by startPersistence (src/state/persistence.ts). */
  setPersistence(status: PersistenceStatus): void;
  /** Registered by startPersistence; the UI calls the two actions below. */
  persistenceHandlers: PersistenceHandlers | null;
  /** Conflict banner: write this tab's work over the other tab's and resume autosave. */
  takeOverStorage(): Promise<void>;
  /** Unreadable-storage banner: keep a backup of the raw text, then let autosave overwrite it. */
  discardUnreadableStorage(): Promise<void>;
}

export interface NoticeSlice {
  notice: Notice | null;
  notify(kind: Notice['kind'], message: string): void;
  dismissNotice(): void;
}

/** What the selectors remember, one per store (two stores never share a remembered answer). */
export interface MemoSlice {
  selectorMemo: SelectorMemo;
}

export type AppState = ProjectSlice & SelectionSlice & ViewSlice & PreviewSlice & PersistenceSlice & NoticeSlice & MemoSlice;

/** What undo/redo tracks. */
export interface HistoryState {
  project: Project;
  chainId: string | null;
}

export interface AppStoreOptions {
  project?: Project;
  chainId?: string | null;
  fileName?: string;
  /** Undo steps kept (default 200). */
  historyLimit?: number;
  seed?: number;
}
