import type { JsonValue } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import type { ExampleCall } from './types.ts';

/** "find_available_rooms" → "find available rooms". */
export function humanizeToolName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
}

/** A short note on what a result holds: "3 rooms", "booking_id bk_7Kq2Lm9x". */
export function describeResult(result: JsonValue): string | undefined {
  if (Array.isArray(result)) return `${result.length} ${result.length === 1 ? 'item' : 'items'}`;
  if (!isPlainObject(result)) return undefined;
  const entries = Object.entries(result);
  const id = entries.find(([k, v]) => /(^|_)id$/.test(k) && (typeof v === 'string' || typeof v === 'number'));
  if (id) return `${id[0]} ${String(id[1])}`;
  const list = entries.find(([, v]) => Array.isArray(v));
  if (list) {
    const n = (list[1] as JsonValue[]).length;
    return `${n} ${list[0].replace(/_/g, ' ')}`;
  }
  const status = entries.find(([k, v]) => /status|state|result/.test(k) && typeof v === 'string');
  if (status) return `${status[0]} ${String(status[1])}`;
  return undefined;
}

/** The final reply when the chain has no `reply` template: a plain summary naming what each call did. */
export function summaryReply(calls: readonly { call: ExampleCall; result: JsonValue }[]): string {
  if (calls.length === 0) return 'There was nothing to do with the tools for this request.';
  const parts = calls.map(({ call, result }) => {
    const note = describeResult(result);
    return `${humanizeToolName(call.tool)}${note ? ` (${note})` : ''}`;
  });
  const joined = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join('; ')}; and ${parts[parts.length - 1]}`;
  return `Done. I ran ${joined}.`;
}
