/**
 * An MCP `tools/list` result: `{"tools": [{"name", "title", "description", "inputSchema",
 * "outputSchema", "annotations"}]}` (also a bare list, or the JSON-RPC response around it).
 * `inputSchema` becomes the parameters, `outputSchema` the `returns` schema, and the
 * annotations the effect (see effectFromAnnotations). `title` and the other annotations are
 * not kept.
 */
import type { Effect, JsonSchema, ToolDef } from '../../project/types.ts';
import { isPlainObject } from '../../project/types.ts';
import { cloneJson } from '../../simulate/json.ts';
import { error, jsonPath, warning } from '../../findings/finding.ts';
import { TOOL_FORMATS, type ToolIssue } from '../types.ts';
import { describeValue, nameOf, pathMapper, type ToolImporter } from './importer.ts';

/**
 * `readOnlyHint: true` → read; else `destructiveHint: true` → destructive; else a hint given
 * as false (`readOnlyHint: false` or `destructiveHint: false`) → write; no hints → undeclared
 * (Chainwright's default, read; the audit flags names that say they write). MCP's own default
 * for a tool without hints is "may be destructive"; taking that literally would mark every
 * unannotated lookup destructive, so the effect is left for the user to declare.
 */
export function effectFromAnnotations(annotations: Record<string, unknown> | undefined): Effect | undefined {
  if (!annotations) return undefined;
  if (annotations.readOnlyHint === true) return 'read';
  if (annotations.destructiveHint === true) return 'destructive';
  if (annotations.readOnlyHint === false || annotations.destructiveHint === false) return 'write';
  return undefined;
}

export const mcpImporter: ToolImporter = {
  format: TOOL_FORMATS.mcp,
  itemLabel: 'an MCP tool',
  shape: '{"name", "description", "inputSchema", "outputSchema", "annotations"}',
  recognises: (item) => isPlainObject(item) && 'inputSchema' in item,
  convert(item, path) {
    const errors: ToolIssue[] = [];
    const warnings: ToolIssue[] = [];
    const sourcePath = pathMapper(path, [
      ['$.function.parameters', '.inputSchema'],
      ['$.function.name', '.name'],
      ['$.function.description', '.description'],
      ['$.function', ''],
      ['$.returns', '.outputSchema'],
      ['$.effect', '.annotations'],
      ['$', ''],
    ]);
    if (!isPlainObject(item))
      return { errors: [error('not-a-tool', path, `expected an MCP tool ${mcpImporter.shape}, found ${describeValue(item)}`)], warnings, sourcePath };
    const name = nameOf(item.name);
    if (!('inputSchema' in item))
      errors.push(
        error('input-schema-missing', jsonPath(path, 'inputSchema'), `"inputSchema" is required: the JSON Schema of the tool's arguments`, { tool: name }),
      );
    const annotations = item.annotations;
    if (annotations !== undefined && !isPlainObject(annotations))
      errors.push(
        error(
          'annotations-not-object',
          jsonPath(path, 'annotations'),
          `expected an object of hints (readOnlyHint, destructiveHint…), found ${describeValue(annotations)}`,
          {
            tool: name,
          },
        ),
      );
    if (isPlainObject(annotations)) {
      for (const hint of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']) {
        if (annotations[hint] !== undefined && typeof annotations[hint] !== 'boolean')
          errors.push(
            error('hint-not-boolean', jsonPath(path, 'annotations', hint), `a hint is true or false, found ${describeValue(annotations[hint])}`, {
              tool: name,
            }),
          );
      }
    }
    if (errors.length) return { errors, warnings, sourcePath };
    const copy = cloneJson(item);
    const fn: ToolDef['function'] = { name: copy.name as string, parameters: copy.inputSchema as JsonSchema };
    if (copy.description !== undefined) fn.description = copy.description as string;
    const tool: ToolDef = { type: 'function', function: fn };
    if (copy.outputSchema !== undefined) tool.returns = copy.outputSchema as JsonSchema;
    const effect = effectFromAnnotations(isPlainObject(annotations) ? annotations : undefined);
    if (effect) tool.effect = effect;
    else
      warnings.push(
        warning(
          'effect-undeclared',
          annotations === undefined ? path : jsonPath(path, 'annotations'),
          `no readOnlyHint or destructiveHint: the effect is not declared (treated as read); set it if the tool changes anything`,
          { tool: name },
        ),
      );
    return { tool, errors, warnings, sourcePath };
  },
};
