import type { Call, Chain, Position, Project } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { findChain, noChain, replaceChain } from './access.ts';
import { takenNames, uniqueName } from './calls.ts';
import { unreadableCall } from './checked.ts';
import { rewriteCall, withRoot } from './rewrite.ts';
import { edited, ID_PATTERN, refused, type EditResult } from './types.ts';

export const CLIPBOARD_FORMAT = 'chainwright-calls';

interface ClipboardData {
  format: typeof CLIPBOARD_FORMAT;
  version: 1;
  chainId: string;
  /** Every call id of the chain copied from: tells a reference to a call from one to a slot. */
  chainCallIds: string[];
  calls: Call[];
}

/** The calls, as clipboard text (JSON `{ format: "chainwright-calls", version: 1, chainId, chainCallIds, calls }`), in chain order. */
export function copyCalls(chain: Chain, callIds: readonly string[]): string {
  const wanted = new Set(callIds);
  const data: ClipboardData = {
    format: CLIPBOARD_FORMAT,
    version: 1,
    chainId: chain.id,
    chainCallIds: chain.calls.map((c) => c.id),
    calls: chain.calls.filter((c) => wanted.has(c.id)),
  };
  return JSON.stringify(data, null, 2);
}

function readClipboard(text: string): ClipboardData | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'the clipboard does not hold copied calls (it is not JSON)';
  }
  if (!isPlainObject(data) || data.format !== CLIPBOARD_FORMAT) return `the clipboard does not hold copied calls (expected "format": "${CLIPBOARD_FORMAT}")`;
  if (data.version !== 1) return `the copied calls are version ${JSON.stringify(data.version)}; this Chainwright reads version 1`;
  if (!Array.isArray(data.calls)) return 'the copied calls have no "calls" list';
  for (const [i, c] of data.calls.entries()) {
    if (!isPlainObject(c) || typeof c.id !== 'string' || !ID_PATTERN.test(c.id) || typeof c.tool !== 'string')
      return `calls[${i}] is not a call (it needs an "id" and a "tool")`;
  }
  const chainCallIds = Array.isArray(data.chainCallIds) ? data.chainCallIds.filter((x): x is string => typeof x === 'string') : [];
  return { format: CLIPBOARD_FORMAT, version: 1, chainId: String(data.chainId ?? ''), chainCallIds, calls: data.calls as unknown as Call[] };
}

/**
 * Pastes clipboard text into a chain: ids made unique (the copied id without a `_N` suffix,
 * then `_2`, `_3`…), references inside the pasted group follow the new ids, references to
 * calls outside the group are kept only when that call exists in the target chain (else
 * removed, with a warning). Positions are shifted by `offset`. Refused when the text is not
 * copied calls, or when the result would not be a valid project file.
 */
export function pasteCalls(project: Project, chainId: string, clipboard: string, offset: Position = { x: 40, y: 40 }): EditResult<{ callIds: string[] }> {
  const chain = findChain(project, chainId);
  if (!chain) return refused(noChain(chainId));
  const data = readClipboard(clipboard);
  if (typeof data === 'string') return refused(data);
  if (data.calls.length === 0) return refused('the clipboard holds no calls');

  const taken = takenNames(chain);
  const rename = new Map<string, string>();
  for (const call of data.calls) {
    if (rename.has(call.id)) continue;
    const id = uniqueName(call.id.replace(/_\d+$/, '') || call.id, taken);
    taken.add(id);
    rename.set(call.id, id);
  }
  const targetCalls = new Set(chain.calls.map((c) => c.id));
  const slots = chain.slots ?? {};
  const wasCall = new Set([...data.chainCallIds, ...rename.keys()]);
  const dropped = new Set<string>();
  const dx = Number.isFinite(offset.x) ? offset.x : 0;
  const dy = Number.isFinite(offset.y) ? offset.y : 0;

  const pasted = data.calls.map((original) => {
    const call = rewriteCall({ ...original, id: rename.get(original.id)!, args: isPlainObject(original.args) ? original.args : {} }, (ref) => {
      if (Object.prototype.hasOwnProperty.call(slots, ref.root)) return undefined;
      const renamed = rename.get(ref.root);
      if (renamed !== undefined) return renamed === ref.root ? undefined : withRoot(ref, renamed);
      if (wasCall.has(ref.root) && !targetCalls.has(ref.root)) {
        dropped.add(ref.root);
        return null;
      }
      return undefined;
    });
    const next: Call = { ...call };
    if (Array.isArray(original.after)) {
      const after = original.after
        .map((a) => (rename.has(a) ? rename.get(a)! : targetCalls.has(a) ? a : (dropped.add(a), null)))
        .filter((a): a is string => a !== null && a !== next.id);
      if (after.length) next.after = [...new Set(after)];
      else delete next.after;
    }
    if (isPlainObject(original.position) && typeof original.position.x === 'number' && typeof original.position.y === 'number') {
      next.position = { ...original.position, x: Math.round(original.position.x + dx), y: Math.round(original.position.y + dy) };
    }
    return next;
  });
  const at = project.chains.indexOf(chain);
  const problem = pasted.map((call, i) => unreadableCall(call, `$.chains[${at}].calls[${chain.calls.length + i}]`)).find((p) => p !== null);
  if (problem) return refused(`the copied calls are not valid here: ${problem}`);
  const result = replaceChain(project, chainId, { ...chain, calls: [...chain.calls, ...pasted] });
  const warnings = dropped.size ? [`removed references to ${[...dropped].join(', ')}: no such call in chain "${chainId}"`] : [];
  return edited(result, warnings, { callIds: pasted.map((c) => c.id) });
}
