/**
 * OpenAI tools: `{"type": "function", "function": {"name", "description", "parameters", …}}`.
 * Also read: the flat Responses-API form `{"type": "function", "name", "parameters", …}` and
 * the older `functions` form `{"name", "description", "parameters"}`. Every key of `function`
 * (e.g. `strict`) is kept; so are tool-level keys (a project's tools carry `returns`,
 * `effect` and `latencyMs`).
 */
import type { JsonSchema, ToolDef } from '../../project/types.ts';
import { isPlainObject } from '../../project/types.ts';
import { cloneJson } from '../../simulate/json.ts';
import { error, jsonPath, warning } from '../../findings/finding.ts';
import { TOOL_FORMATS, type ToolIssue } from '../types.ts';
import { describeValue, nameOf, NO_PARAMETERS, pathMapper, type ConvertedTool, type ToolImporter } from './importer.ts';

const isNested = (item: Record<string, unknown>) => 'function' in item;

export const openaiImporter: ToolImporter = {
  format: TOOL_FORMATS.openai,
  itemLabel: 'an OpenAI tool',
  shape: '{"type": "function", "function": {"name", "description", "parameters"}}',
  recognises: (item) =>
    isPlainObject(item) &&
    (isNested(item)
      ? isPlainObject(item.function)
      : (item.type === 'function' || 'parameters' in item) && !('inputSchema' in item) && !('input_schema' in item)),
  convert(item, path) {
    const errors: ToolIssue[] = [];
    const warnings: ToolIssue[] = [];
    const nested = isPlainObject(item) && isNested(item);
    const sourcePath = nested
      ? pathMapper(path, [['$', '']])
      : pathMapper(path, [
          ['$.function', ''],
          ['$.type', '.type'],
          ['$', ''],
        ]);
    const fail = (at: string, message: string): ConvertedTool => ({ errors: [...errors, error('not-a-tool', at, message)], warnings, sourcePath });
    if (!isPlainObject(item)) return fail(path, `expected an OpenAI tool ${openaiImporter.shape}, found ${describeValue(item)}`);
    let tool: ToolDef;
    if (nested) {
      const fn = item.function;
      if (!isPlainObject(fn)) return fail(jsonPath(path, 'function'), `expected an object with name, description and parameters, found ${describeValue(fn)}`);
      const { type, function: _fn, ...rest } = cloneJson(item);
      tool = { type: (type ?? 'function') as 'function', function: cloneJson(fn) as ToolDef['function'], ...rest };
    } else {
      const { type, ...fn } = cloneJson(item);
      tool = { type: (type ?? 'function') as 'function', function: fn as ToolDef['function'] };
    }
    const name = nameOf(tool.function.name);
    if (tool.function.parameters === undefined) {
      tool.function.parameters = NO_PARAMETERS() as JsonSchema;
      warnings.push(warning('parameters-missing', sourcePath('$.function'), `no "parameters": imported as a tool without parameters`, { tool: name }));
    }
    return { tool, errors, warnings, sourcePath };
  },
};
