import { parseTemplate } from '../../core/index.ts';
import type { JsonValue } from '../../core/index.ts';

/** How the inspector shows one argument's value. */
export type ArgumentMode =
  | { kind: 'empty' }
  /** A value written as is (a string may embed references: `Room {rooms.rooms[0].name}`). */
  | { kind: 'literal'; text: string }
  /** Exactly one reference to a slot: `{date}`. */
  | { kind: 'slot'; slot: string; template: string }
  /** Exactly one reference to another call's result: `{rooms.rooms[0].room_id}`. */
  | { kind: 'reference'; template: string };

/** Reads an argument value as literal, slot or reference (by the core's reference parser). */
export function argumentMode(value: JsonValue | undefined, slotNames: ReadonlySet<string>): ArgumentMode {
  if (value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') {
    const whole = parseTemplate(value).whole;
    if (whole && slotNames.has(whole.root)) return { kind: 'slot', slot: whole.root, template: value };
    if (whole) return { kind: 'reference', template: value };
    return { kind: 'literal', text: value };
  }
  return { kind: 'literal', text: JSON.stringify(value) };
}

/**
 * The value a literal text stands for, given the JSON types the parameter accepts: a
 * string parameter takes the text as it is; otherwise the text is read as JSON (and
 * falls back to the text when the parameter also accepts a string, or says nothing).
 */
export function literalValue(text: string, types: readonly string[]): { ok: true; value: JsonValue } | { ok: false; message: string } {
  const onlyString = types.length > 0 && types.every((t) => t === 'string');
  if (onlyString) return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch {
    if (types.length === 0 || types.includes('string')) return { ok: true, value: text };
    return { ok: false, message: `expected ${types.join(' or ')} as JSON, e.g. ${example(types[0])}` };
  }
}

function example(type: string | undefined): string {
  switch (type) {
    case 'integer':
      return '3';
    case 'number':
      return '2.5';
    case 'boolean':
      return 'true';
    case 'array':
      return '["a", "b"]';
    case 'object':
      return '{"key": "value"}';
    default:
      return 'null';
  }
}
