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
import { error, jsonPath } from '../findings/finding.ts';
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
  if (deep) return { ok: false, errors: [error('too-deep', deep, `nested more than ${MAX_JSON_DEPTH} levels deep`)] };
  const forbidden = findForbiddenKeys(value);
  if (forbidden.length) return { ok: false, errors: forbidden.map((d) => error(d.code, d.path, d.message.replace('in a project', 'in a tool definition'))) };
  const compiled = compileSchema(TOOL_DEFINITION_SCHEMA);
  if (!compiled.ok) return { ok: false, errors: [error('internal', '$', `internal: the tool definition schema does not compile: ${compiled.message}`)] };
  const structural = dedupe(compiled.check(value as never).map((e) => friendly(e, value)));
  if (structural.length) return { ok: false, errors: structural };
  const tool = value as ToolDef;
  const errors: ToolIssue[] = [];
  const params = compileSchema(tool.function.parameters);
  if (!params.ok) errors.push(error('invalid-schema', '$.function.parameters', `the parameter schema is not a valid JSON Schema: ${params.message}`));
  if (tool.returns !== undefined) {
    const returns = compileSchema(tool.returns);
    if (!returns.ok) errors.push(error('invalid-schema', '$.returns', `the result schema is not a valid JSON Schema: ${returns.message}`));
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
  if (missing) return error('invalid', jsonPath(e.path, missing[1]), `"${missing[1]}" is required here`);
  const found = describe(valueAt(root, e.path));
  switch (e.path) {
    case '$':
      return error('invalid', e.path, `expected a tool definition object {"type": "function", "function": {…}}, found ${found}`);
    case '$.type':
      return error('invalid', e.path, `a tool's "type" must be "function", found ${found}`);
    case '$.function':
      return error('invalid', e.path, `expected an object with name, description and parameters, found ${found}`);
    case '$.function.name':
      return error('invalid', e.path, `a tool name is 1 to 64 letters, digits, "_" or "-", found ${found}`);
    case '$.function.description':
      return error('invalid', e.path, `a description is text, found ${found}`);
    case '$.function.parameters':
      return error('invalid', e.path, `the parameter schema must be a JSON Schema object, found ${found}`);
    case '$.function.parameters.type':
      return error('invalid', e.path, `the parameter schema must be an object schema ("type": "object"), found ${found}`);
    case '$.function.parameters.properties':
      return error('invalid', e.path, `"properties" must be an object of parameter schemas, found ${found}`);
    case '$.function.parameters.required':
      return error('invalid', e.path, `"required" must be a list of distinct parameter names, found ${found}`);
    case '$.returns':
      return error('invalid', e.path, `the result schema must be a JSON Schema object, found ${found}`);
    case '$.effect':
      return error('invalid', e.path, `effect is one of "read", "write", "destructive", found ${found}`);
    case '$.latencyMs':
      return error('invalid', e.path, `latencyMs is a number of milliseconds ≥ 0, found ${found}`);
  }
  if (/^\$\.function\.parameters\.properties\./.test(e.path) || /^\$\.function\.parameters\.properties\[/.test(e.path)) {
    if (e.message === 'must be object') return error('invalid', e.path, `a parameter's schema must be a JSON Schema object, found ${found}`);
  }
  if (/^\$\.function\.parameters\.required\[\d+\]$/.test(e.path)) return error('invalid', e.path, `a required entry is a parameter name, found ${found}`);
  return error('invalid', e.path, e.message);
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
