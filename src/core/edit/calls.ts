import type { Call, Chain, JsonValue, Position, Project } from '../project/types.ts';
import { FORBIDDEN_KEYS, findForbiddenKeys } from '../project/shape.ts';
import { findChain, findTool, noCall, noChain, replaceCall, replaceChain } from './access.ts';
import { rewriteChain, withRoot } from './rewrite.ts';
import { edited, ID_PATTERN, refused, type EditResult } from './types.ts';

/** Names a call id may not take in a chain: its calls' ids and its slot names. */
export function takenNames(chain: Chain): Set<string> {
  return new Set([...chain.calls.map((c) => c.id), ...Object.keys(chain.slots ?? {})]);
}

/** `base`, else `base_2`, `base_3`, … — the first one not in `taken`. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** The id stem for a tool: its last `_`/`-` separated word, or the whole name when that is not a valid id. */
export function callIdStem(toolName: string): string {
  const words = toolName.split(/[_-]+/).filter(Boolean);
  const last = words[words.length - 1] ?? '';
  if (ID_PATTERN.test(last)) return last;
  if (ID_PATTERN.test(toolName)) return toolName;
  return `call_${toolName.replace(/[^A-Za-z0-9_-]/g, '')}`;
}

/**
 * A fresh call id for a tool, unique among the chain's calls and slots. Rule: the last
 * `_`/`-` separated word of the tool name (`find_available_rooms` → `rooms`, `book_room` →
 * `room`), or the whole name when that word is not a valid id; then `_2`, `_3`, … until unique.
 */
export function freshCallId(project: Project, chainId: string, toolName: string): string {
  const chain = findChain(project, chainId);
  return uniqueName(callIdStem(toolName), chain ? takenNames(chain) : new Set());
}

const round = (p: Position): Position => ({ x: Math.round(p.x), y: Math.round(p.y) });
const validPosition = (p: Position | undefined): p is Position => !!p && Number.isFinite(p.x) && Number.isFinite(p.y);

/** Adds a call of `toolName` with empty arguments at `position`. */
export function addCall(project: Project, chainId: string, toolName: string, position?: Position): EditResult<{ callId: string }> {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  if (!findTool(project, toolName)) return refused(`there is no tool "${toolName}" in this project`);
  const callId = uniqueName(callIdStem(toolName), takenNames(chain));
  const call: Call = { id: callId, tool: toolName, args: {} };
  if (validPosition(position)) call.position = round(position);
  return edited(replaceChain(project, chainId, { ...chain, calls: [...chain.calls, call] }), [], { callId });
}

/** Why `newId` cannot name a call of `chain` (other than `callId`), or null. */
export function callIdProblem(chain: Chain, newId: string, callId?: string): string | null {
  if (!ID_PATTERN.test(newId)) return `"${newId}" is not a valid call id: use letters, digits, "_" and "-", starting with a letter or "_"`;
  if (newId !== callId && chain.calls.some((c) => c.id === newId)) return `there is already a call "${newId}" in chain "${chain.id}"`;
  if (Object.prototype.hasOwnProperty.call(chain.slots ?? {}, newId))
    return `"${newId}" is a slot of chain "${chain.id}": a call and a slot may not share a name`;
  return null;
}

/** Renames a call and every reference to it (arguments, requests, reply) and every `after`. */
export function renameCall(project: Project, chainId: string, callId: string, newId: string): EditResult {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  if (!chain.calls.some((c) => c.id === callId)) return refused(noCall(chainId, callId));
  if (newId === callId) return edited(project);
  const problem = callIdProblem(chain, newId, callId);
  if (problem) return refused(problem);
  const renamed = replaceCall(chain, callId, { ...chain.calls.find((c) => c.id === callId)!, id: newId });
  const next = rewriteChain(
    renamed,
    (ref) => (ref.root === callId ? withRoot(ref, newId) : undefined),
    (a) => (a === callId ? newId : a),
  );
  return edited(replaceChain(project, chainId, next));
}

/** Deletes calls, the references to them (as deleting their edges would) and `after` entries naming them. */
export function deleteCalls(project: Project, chainId: string, callIds: readonly string[]): EditResult {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  const gone = new Set(callIds.filter((id) => chain.calls.some((c) => c.id === id)));
  if (gone.size === 0) return callIds.length ? refused(noCall(chainId, callIds[0])) : edited(project);
  const slots = chain.slots ?? {};
  const kept = { ...chain, calls: chain.calls.filter((c) => !gone.has(c.id)) };
  const isGone = (root: string) => gone.has(root) && !Object.prototype.hasOwnProperty.call(slots, root);
  const next = rewriteChain(
    kept,
    (ref) => (isGone(ref.root) ? null : undefined),
    (a) => (gone.has(a) ? null : a),
  );
  return edited(replaceChain(project, chainId, next));
}

function updateCall(project: Project, chainId: string, callId: string, change: (call: Call) => Call): EditResult {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  const call = chain.calls.find((c) => c.id === callId);
  if (!call) return refused(noCall(chainId, callId));
  const next = change(call);
  return next === call ? edited(project) : edited(replaceChain(project, chainId, replaceCall(chain, callId, next)));
}

/** Changes a call's tool; its arguments are kept (those the new tool lacks show up as `unknown-arg`). */
export function setCallTool(project: Project, chainId: string, callId: string, toolName: string): EditResult {
  if (!findTool(project, toolName)) return refused(`there is no tool "${toolName}" in this project`);
  return updateCall(project, chainId, callId, (call) => (call.tool === toolName ? call : { ...call, tool: toolName }));
}

/** Sets an argument's value (a literal, a `{slot}` or `{call.path}` template…); undefined removes it. */
export function setArgument(project: Project, chainId: string, callId: string, arg: string, value: JsonValue | undefined): EditResult {
  if (arg === '' || FORBIDDEN_KEYS.has(arg)) return refused(`"${arg}" cannot be an argument name`);
  const forbidden = value === undefined ? [] : findForbiddenKeys(value, `$.${arg}`);
  if (forbidden.length) return refused(forbidden[0].message);
  return updateCall(project, chainId, callId, (call) => {
    const args = { ...(call.args ?? {}) };
    if (value === undefined) {
      if (!(arg in args)) return call;
      delete args[arg];
    } else args[arg] = value;
    return { ...call, args };
  });
}

/** A call's own user requests (multi-turn); undefined or [] removes them. */
export function setCallRequests(project: Project, chainId: string, callId: string, requests: readonly string[] | undefined): EditResult {
  return updateCall(project, chainId, callId, (call) => {
    const next = { ...call };
    if (requests && requests.length) next.requests = [...requests];
    else if (call.requests === undefined) return call;
    else delete next.requests;
    return next;
  });
}

/** Sets positions (rounded to whole units). Unknown ids and non-finite positions are ignored. */
export function moveCalls(project: Project, chainId: string, positions: Readonly<Record<string, Position>>): EditResult {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  // Only the moved calls get a saved position (the user placed them). The others keep following
  // the automatic layout (layout/columns.ts, drawnPositions), which a moved call does not shift.
  let changed = false;
  const calls = chain.calls.map((call) => {
    const p = Object.prototype.hasOwnProperty.call(positions, call.id) ? positions[call.id] : undefined;
    if (!validPosition(p)) return call;
    const r = round(p);
    if (call.position && call.position.x === r.x && call.position.y === r.y) return call;
    changed = true;
    return { ...call, position: call.position ? { ...call.position, ...r } : r };
  });
  return changed ? edited(replaceChain(project, chainId, { ...chain, calls })) : edited(project);
}
