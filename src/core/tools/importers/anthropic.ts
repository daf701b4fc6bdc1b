/**
 * Anthropic tool definitions: `{"name", "description", "input_schema"}` (a list, or
 * `{"tools": [...]}`). `input_schema` becomes the parameters; `cache_control` and other
 * Anthropic keys are not kept. Anthropic's server tools (`{"type": "web_search_…"}`, no
 * `input_schema`) have no schema to import and are refused by name.
 */
import type { JsonSchema, ToolDef } from '../../project/types.ts';
import { isPlainObject } from '../../project/types.ts';
import { cloneJson } from '../../simulate/json.ts';
import { error, jsonPath } from '../../findings/finding.ts';
import { TOOL_FORMATS } from '../types.ts';
import { describeValue, nameOf, pathMapper, type ToolImporter } from './importer.ts';

export const anthropicImporter: ToolImporter = {
  format: TOOL_FORMATS.anthropic,
  itemLabel: 'an Anthropic tool',
  shape: '{"name", "description", "input_schema"}',
  recognises: (item) => isPlainObject(item) && 'input_schema' in item,
  convert(item, path) {
    const sourcePath = pathMapper(path, [
      ['$.function.parameters', '.input_schema'],
      ['$.function.name', '.name'],
      ['$.function.description', '.description'],
      ['$.function', ''],
      ['$', ''],
    ]);
    if (!isPlainObject(item))
      return {
        errors: [error('not-a-tool', path, `expected an Anthropic tool ${anthropicImporter.shape}, found ${describeValue(item)}`)],
        warnings: [],
        sourcePath,
      };
    const name = nameOf(item.name);
    if (!('input_schema' in item)) {
      const server = typeof item.type === 'string' && item.type !== 'custom';
      return {
        errors: [
          server
            ? error(
                'server-tool',
                jsonPath(path, 'type'),
                `an Anthropic server tool (type ${JSON.stringify(item.type)}) has no input_schema to import; leave it out`,
                {
                  tool: name,
                },
              )
            : error('input-schema-missing', jsonPath(path, 'input_schema'), `"input_schema" is required: the JSON Schema of the tool's arguments`, {
                tool: name,
              }),
        ],
        warnings: [],
        sourcePath,
      };
    }
    const copy = cloneJson(item);
    const fn: ToolDef['function'] = { name: copy.name as string, parameters: copy.input_schema as JsonSchema };
    if (copy.description !== undefined) fn.description = copy.description as string;
    return { tool: { type: 'function', function: fn }, errors: [], warnings: [], sourcePath };
  },
};
