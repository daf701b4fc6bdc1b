import type { JsonValue } from '../project/types.ts';

/**
 * JSON text as Python's `json.dumps` writes it by default (and so as Jinja's `tojson` renders it
 * in chat templates): `", "` between items, `": "` after keys, non-ASCII kept. Formats whose
 * text a template would otherwise produce (hermes, distil) use it so that training text matches
 * what the model sees when served.
 */
export function pythonJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  const parts: string[] = [];
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v !== undefined) parts.push(`${JSON.stringify(key)}: ${pythonJson(v)}`);
  }
  return `{${parts.join(', ')}}`;
}
