/**
 * Importing tools from the formats people already have. The format is detected and named;
 * every problem names its JSON path and line in the source and what was expected; the
 * function never throws and never touches a project (merging is `applyToolMerge`).
 */
import type { ToolDef } from '../project/types.ts';
import { error, jsonPath, warning } from '../findings/finding.ts';
import { validateToolDefinition } from './definition.ts';
import { importerOf, locateTools } from './detect.ts';
import { parseJsonText, withLines, MAX_TOOL_TEXT_CHARS } from './jsonText.ts';
import { nameOf } from './importers/importer.ts';
import type { ToolFormat, ToolIssue } from './types.ts';

export type ImportResult =
  { ok: true; format: ToolFormat; tools: ToolDef[]; systemPrompt?: string; warnings: ToolIssue[] } | { ok: false; format?: ToolFormat; errors: ToolIssue[] };

export interface ImportOptions {
  /** Refuse texts longer than this many characters before parsing (default 5 MB). */
  maxChars?: number;
}

export function importTools(text: string, options: ImportOptions = {}): ImportResult {
  try {
    const parsed = parseJsonText(text, { maxChars: options.maxChars ?? MAX_TOOL_TEXT_CHARS, what: 'the import' });
    if (!parsed.ok) return parsed;
    const result = importToolsFromValue(parsed.value);
    return result.ok ? { ...result, warnings: withLines(text, result.warnings) } : { ...result, errors: withLines(text, result.errors) };
  } catch (e) {
    // Not expected: every input should give a result. Reported rather than thrown.
    return { ok: false, errors: [error('internal', '$', `internal error while importing: ${e instanceof Error ? e.message : String(e)}`)] };
  }
}

/** The same, for an already parsed document (no lines in the problems). */
export function importToolsFromValue(doc: unknown): ImportResult {
  const located = locateTools(doc);
  if (!located.ok) return located;
  const { format, importer, items, itemPath, systemPrompt } = located.located;
  const errors: ToolIssue[] = [];
  const warnings: ToolIssue[] = [];
  const tools: ToolDef[] = [];
  const firstAt = new Map<string, string>();

  let prompt: string | undefined;
  if (systemPrompt) {
    if (typeof systemPrompt.value !== 'string')
      errors.push(
        error(
          'system-prompt-not-text',
          systemPrompt.path,
          `expected text (the system prompt), found ${systemPrompt.value === null ? 'null' : typeof systemPrompt.value}`,
        ),
      );
    else if (systemPrompt.value.trim() !== '') prompt = systemPrompt.value;
  }

  items.forEach((item, index) => {
    const path = itemPath(index);
    const other = importerOf(item);
    if (other && other !== importer) {
      const list = format.id === 'job-description' || format.id === 'chainwright' ? `a ${format.label}` : 'this list (going by its first tool)';
      errors.push(
        error(
          'mixed-formats',
          path,
          `this looks like ${other.itemLabel}, but ${list} holds ${importer.itemLabel.replace(/^an? /, '')}s: expected ${importer.shape}; a list holds one format`,
          { tool: nameOf((item as { name?: unknown }).name) },
        ),
      );
      return;
    }
    const converted = importer.convert(item, path);
    errors.push(...converted.errors);
    warnings.push(...converted.warnings);
    if (!converted.tool) return;
    const checked = validateToolDefinition(converted.tool);
    const name = nameOf(converted.tool.function.name);
    if (!checked.ok) {
      errors.push(...checked.errors.map((e) => error(e.code, converted.sourcePath(e.path), e.message, { tool: name })));
      return;
    }
    const tool = checked.tool;
    const first = firstAt.get(tool.function.name);
    if (first !== undefined) {
      errors.push(
        error(
          'duplicate-tool',
          converted.sourcePath('$.function.name'),
          `a second tool named "${tool.function.name}" (the first is at ${first}): names must be unique`,
          {
            tool: name,
          },
        ),
      );
      return;
    }
    firstAt.set(tool.function.name, path);
    if (tool.returns === undefined) {
      warnings.push(
        warning('returns-missing', path, `no result schema: results are simulated as {"ok": true} until you add a returns schema (the audit flags it)`, {
          tool: name,
        }),
      );
    }
    tools.push(tool);
  });

  if (errors.length) return { ok: false, format, errors };
  if (tools.length === 0) warnings.push(warning('no-tools', jsonPath('$', 'tools'), 'the file holds no tools'));
  return prompt === undefined ? { ok: true, format, tools, warnings } : { ok: true, format, tools, systemPrompt: prompt, warnings };
}
