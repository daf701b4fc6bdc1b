/**
 * Checks one full tool definition against the JSON Schema of a tool
 * (public/schema/tool-1.schema.json, which the Monaco editor uses too), then checks that its
 * parameter and result schemas compile. Returns the problems with their JSON paths (and
 * lines, for text); never throws, never applies anything.
 */
import toolSchemaJson from '../../../public/schema/tool-1.schema.json' with { type: 'json' };
import type { JsonSchema, ToolDef } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { findForbiddenKeys } from '../project/shape.ts';
import { compileSchema, type SchemaError } from '../validate/schemaValidator.ts';
import { jsonPath } from '../validate/diagnostics.ts';
import { depthExceeded, MAX_JSON_DEPTH, parseJsonText, withLines } from './jsonText.ts';
import type { ToolIssue } from './types.ts';

/** The JSON Schema of a tool definition (the `$id` is https://chainwright.dev/schema/tool-1.schema.json). */
export const TOOL_DEFINITION_SCHEMA = toolSchemaJson as unknown as JsonSchema;
export const TOOL_DEFINITION_SCHEMA_URI = 'https://chainwright.dev/schema/tool-1.schema.json';

export type ToolDefinitionResult = { ok: true; tool: ToolDef } | { ok: false; errors: ToolIssue[] };

/** A full tool definition, as JSON text (errors carry lines) or as a parsed value. */
export function validateToolDefinition(definition: unknown): ToolDefinitionResult {
  if (typeof definition === 'string') {
    const parsed = parseJsonText(definition, { what: 'the definition' });
    if (!parsed.ok) return parsed;
    const checked = validateToolValue(parsed.value);
    return checked.ok ? checked : { ok: false, errors: withLines(definition, checked.errors) };
  }
  return validateToolValue(definition);
}

function validateToolValue(value: unknown): ToolDefinitionResult {
  const deep = depthExceeded(value, MAX_JSON_DEPTH);
  if (deep) return { ok: false, errors: [{ path: deep, message: `nested more than ${MAX_JSON_DEPTH} levels deep` }] };
  const forbidden = findForbiddenKeys(value);
  if (forbidden.length)
    return { ok: false, errors: forbidden.map((d) => ({ path: d.path, message: d.message.replace('in a project', 'in a tool definition') })) };
  const compiled = compileSchema(TOOL_DEFINITION_SCHEMA);
  if (!compiled.ok) return { ok: false, errors: [{ path: '$', message: `internal: the tool definition schema does not compile: ${compiled.message}` }] };
  const structural = dedupe(compiled.check(value as never).map((e) => friendly(e, value)));
  if (structural.length) return { ok: false, errors: structural };
  const tool = value as ToolDef;
  const errors: ToolIssue[] = [];
  const params = compileSchema(tool.function.parameters);
  if (!params.ok) errors.push({ path: '$.function.parameters', message: `the parameter schema is not a valid JSON Schema: ${params.message}` });
  if (tool.returns !== undefined) {
    const returns = compileSchema(tool.returns);
    if (!returns.ok) errors.push({ path: '$.returns', message: `the result schema is not a valid JSON Schema: ${returns.message}` });
  }
  return errors.length ? { ok: false, errors } : { ok: true, tool };
}

const describe = (v: unknown): string =>
  v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;

/** The value at a JSON path made by schemaValidator (`$.a[0]["x-y"]`), or undefined. */
function valueAt(root: unknown, path: string): unknown {
  const steps = path.slice(1).match(/\.[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\]/g) ?? [];
  let v = root;
  for (const step of steps) {
    if (!isPlainObject(v) && !Array.isArray(v)) return undefined;
    const key = step.startsWith('.') ? step.slice(1) : step.startsWith('["') ? (JSON.parse(step.slice(1, -1)) as string) : Number(step.slice(1, -1));
    v = Object.hasOwn(v, key) ? (v as Record<string | number, unknown>)[key] : undefined;
  }
  return v;
}

/** ajv's terse messages, said in the tool editor's words. */
function friendly(e: SchemaError, root: unknown): ToolIssue {
  const missing = /^is missing the required field "(.*)"$/.exec(e.message);
  if (missing) return { path: jsonPath(e.path, missing[1]), message: `"${missing[1]}" is required here` };
  const found = describe(valueAt(root, e.path));
  switch (e.path) {
    case '$':
      return { path: e.path, message: `expected a tool definition object {"type": "function", "function": {…}}, found ${found}` };
    case '$.type':
      return { path: e.path, message: `a tool's "type" must be "function", found ${found}` };
    case '$.function':
      return { path: e.path, message: `expected an object with name, description and parameters, found ${found}` };
    case '$.function.name':
      return { path: e.path, message: `a tool name is 1 to 64 letters, digits, "_" or "-", found ${found}` };
    case '$.function.description':
      return { path: e.path, message: `a description is text, found ${found}` };
    case '$.function.parameters':
      return { path: e.path, message: `the parameter schema must be a JSON Schema object, found ${found}` };
    case '$.function.parameters.type':
      return { path: e.path, message: `the parameter schema must be an object schema ("type": "object"), found ${found}` };
    case '$.function.parameters.properties':
      return { path: e.path, message: `"properties" must be an object of parameter schemas, found ${found}` };
    case '$.function.parameters.required':
      return { path: e.path, message: `"required" must be a list of distinct parameter names, found ${found}` };
    case '$.returns':
      return { path: e.path, message: `the result schema must be a JSON Schema object, found ${found}` };
    case '$.effect':
      return { path: e.path, message: `effect is one of "read", "write", "destructive", found ${found}` };
    case '$.latencyMs':
      return { path: e.path, message: `latencyMs is a number of milliseconds ≥ 0, found ${found}` };
  }
  if (/^\$\.function\.parameters\.properties\./.test(e.path) || /^\$\.function\.parameters\.properties\[/.test(e.path)) {
    if (e.message === 'must be object') return { path: e.path, message: `a parameter's schema must be a JSON Schema object, found ${found}` };
  }
  if (/^\$\.function\.parameters\.required\[\d+\]$/.test(e.path)) return { path: e.path, message: `a required entry is a parameter name, found ${found}` };
  return { path: e.path, message: e.message };
}

function dedupe(issues: ToolIssue[]): ToolIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
