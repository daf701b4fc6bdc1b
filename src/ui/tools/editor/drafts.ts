/**
 * What the editor's two drafts (the whole definition, and the `returns` schema alone) would
 * do if applied: the new definition, or the problems with their lines in the draft's text.
 * Nothing here changes a project; the dialog applies through the store actions.
 */
import type { JsonSchema, Project, ToolDef, ToolIssue } from '../../../core/index.ts';
import { parseJsonText, toolDefinitionText, updateTool } from '../../../core/index.ts';
import { isPlainObject } from '../../../core/index.ts';
import { withLines } from '../../../core/index.ts';

export type DraftCheck = { ok: true; definition: ToolDef } | { ok: false; errors: ToolIssue[] };

export const toolOf = (project: Project, name: string): ToolDef | undefined => project.tools.find((t) => t.function.name === name);

/** The definition as the editor shows it. */
export const definitionText = (tool: ToolDef): string => toolDefinitionText(tool);

/** The result schema as the returns tab shows it ('' when the tool has none). */
export const returnsText = (tool: ToolDef): string => (tool.returns === undefined ? '' : `${JSON.stringify(tool.returns, null, 2)}\n`);

/** The whole definition's text, checked as Apply would (JSON, the tool schema, compiling schemas, a free name). */
export function checkDefinition(project: Project, name: string, text: string): DraftCheck {
  const result = updateTool(project, name, text);
  if (!result.ok) return { ok: false, errors: result.errors };
  return { ok: true, definition: toolOf(result.project, result.name) as ToolDef };
}

/**
 * The returns tab's text, checked as part of the tool: empty text removes the result schema;
 * problems have paths and lines in the returns text (`$.properties.x`, not `$.returns.properties.x`).
 */
export function checkReturns(project: Project, name: string, text: string): DraftCheck {
  const tool = toolOf(project, name);
  if (!tool) return { ok: false, errors: [{ code: 'unknown-tool', severity: 'error', path: '$', message: `there is no tool named "${name}"` }] };
  let returns: JsonSchema | undefined;
  if (text.trim() !== '') {
    const parsed = parseJsonText(text, { what: 'the result schema' });
    if (!parsed.ok) return parsed;
    if (!isPlainObject(parsed.value)) {
      const found = Array.isArray(parsed.value) ? 'a list' : parsed.value === null ? 'null' : typeof parsed.value;
      return {
        ok: false,
        errors: [
          {
            code: 'invalid',
            severity: 'error',
            path: '$',
            line: 1,
            message: `a result schema is a JSON Schema object ({"type": "object", "properties": {…}}), found ${found}`,
          },
        ],
      };
    }
    returns = parsed.value as JsonSchema;
  }
  const next: Record<string, unknown> = { ...tool };
  if (returns === undefined) delete next.returns;
  else next.returns = returns;
  const result = updateTool(project, name, next);
  if (result.ok) return { ok: true, definition: toolOf(result.project, result.name) as ToolDef };
  const errors = result.errors.map((e) =>
    e.path === '$.returns' || e.path.startsWith('$.returns.') || e.path.startsWith('$.returns[') ? { ...e, path: `$${e.path.slice('$.returns'.length)}` } : e,
  );
  return { ok: false, errors: text.trim() === '' ? errors : withLines(text, errors) };
}

/** "Line 4 · $.function.name" (or "Line 3, column 8 · $") — where a problem is, for the list under the editor. */
export function problemPlace(issue: ToolIssue & { column?: number }): string {
  if (issue.line === undefined) return issue.path;
  return `Line ${issue.line}${issue.column !== undefined ? `, column ${issue.column}` : ''} · ${issue.path}`;
}
