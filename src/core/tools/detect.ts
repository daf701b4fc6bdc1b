/**
 * Where the tools are in an imported document and which format they are written in.
 * Containers: a bare list; `{"tools": [...]}`; a JSON-RPC response `{"result": {"tools": [...]}}`;
 * a job_description.json (`task_description` + `tools`); a Chainwright project; or a single tool.
 */
import { PROJECT_FORMAT, isPlainObject } from '../project/types.ts';
import { error, jsonPath } from '../findings/finding.ts';
import { anthropicImporter } from './importers/anthropic.ts';
import type { ToolImporter } from './importers/importer.ts';
import { mcpImporter } from './importers/mcp.ts';
import { openaiImporter } from './importers/openai.ts';
import { TOOL_FORMATS, type ToolFormat, type ToolIssue } from './types.ts';

export const TOOL_IMPORTERS: readonly ToolImporter[] = [openaiImporter, mcpImporter, anthropicImporter];

export interface LocatedTools {
  format: ToolFormat;
  /** Converts every item (for job descriptions and projects: the OpenAI importer). */
  importer: ToolImporter;
  items: unknown[];
  itemPath: (index: number) => string;
  /** The source's system prompt and its path (job_description.json, a project). */
  systemPrompt?: { value: unknown; path: string };
}

export type LocateResult = { ok: true; located: LocatedTools } | { ok: false; errors: ToolIssue[] };

const EXPECTED = 'expected an OpenAI tools list (or {"tools": [...]}), a job_description.json, an MCP tools/list result or Anthropic tool definitions';

/** The format of a parsed document, or null when it holds no recognisable tools. */
export function detectToolFormat(value: unknown): ToolFormat | null {
  const located = locateTools(value);
  return located.ok ? located.located.format : null;
}

export function importerOf(item: unknown): ToolImporter | undefined {
  return TOOL_IMPORTERS.find((i) => i.recognises(item));
}

function keysOf(value: Record<string, unknown>): string {
  const keys = Object.keys(value);
  return keys.length
    ? `an object with the keys ${keys
        .slice(0, 6)
        .map((k) => JSON.stringify(k))
        .join(', ')}${keys.length > 6 ? '…' : ''}`
    : 'an empty object';
}

export function locateTools(doc: unknown): LocateResult {
  if (Array.isArray(doc)) return fromList(doc, '$');
  if (!isPlainObject(doc)) return { ok: false, errors: [error('not-tools', '$', `${EXPECTED}; found ${doc === null ? 'null' : typeof doc}`)] };

  if (doc.format === PROJECT_FORMAT) {
    if (!Array.isArray(doc.tools)) return listMissing('$.tools', 'a Chainwright project holds "tools": a list of tool definitions', doc.tools);
    const systemPrompt = doc.systemPrompt !== undefined ? { value: doc.systemPrompt, path: '$.systemPrompt' } : undefined;
    return {
      ok: true,
      located: { format: TOOL_FORMATS.chainwright, importer: openaiImporter, items: doc.tools, itemPath: (i) => jsonPath('$.tools', i), systemPrompt },
    };
  }
  if ('task_description' in doc) {
    if (!Array.isArray(doc.tools)) return listMissing('$.tools', 'a job_description.json holds "tools": a list of OpenAI tools', doc.tools);
    return {
      ok: true,
      located: {
        format: TOOL_FORMATS['job-description'],
        importer: openaiImporter,
        items: doc.tools,
        itemPath: (i) => jsonPath('$.tools', i),
        systemPrompt: { value: doc.task_description, path: '$.task_description' },
      },
    };
  }
  if ('jsonrpc' in doc || 'result' in doc || 'error' in doc) {
    if (isPlainObject(doc.error)) {
      const message = typeof doc.error.message === 'string' ? `: ${doc.error.message}` : '';
      return {
        ok: false,
        errors: [
          error('jsonrpc-error', '$.error', `a JSON-RPC error response${message}; it holds no tools — import the response of a successful tools/list call`),
        ],
      };
    }
    if (isPlainObject(doc.result)) {
      if (!Array.isArray(doc.result.tools)) return listMissing('$.result.tools', 'a tools/list response holds "result": {"tools": [...]}', doc.result.tools);
      return fromList(doc.result.tools, '$.result.tools');
    }
  }
  if ('tools' in doc) {
    if (!Array.isArray(doc.tools)) return listMissing('$.tools', '"tools" must be a list of tool definitions', doc.tools);
    return fromList(doc.tools, '$.tools');
  }
  const single = importerOf(doc);
  if (single) return { ok: true, located: { format: single.format, importer: single, items: [doc], itemPath: () => '$' } };
  return { ok: false, errors: [error('not-tools', '$', `${EXPECTED}; found ${keysOf(doc)}`)] };
}

function listMissing(path: string, expected: string, found: unknown): LocateResult {
  const what = found === undefined ? 'nothing' : found === null ? 'null' : typeof found === 'object' ? 'an object' : typeof found;
  return { ok: false, errors: [error('tools-not-a-list', path, `${expected}, found ${what}`)] };
}

function fromList(items: unknown[], path: string): LocateResult {
  const itemPath = (i: number) => jsonPath(path, i);
  if (items.length === 0) return { ok: false, errors: [error('no-tools', path, 'the list of tools is empty: nothing to import')] };
  for (const item of items) {
    const importer = importerOf(item);
    if (importer) return { ok: true, located: { format: importer.format, importer, items, itemPath } };
  }
  const first = items[0];
  const found = isPlainObject(first) ? keysOf(first) : Array.isArray(first) ? 'a list' : first === null ? 'null' : typeof first;
  return {
    ok: false,
    errors: [
      error(
        'not-a-tool',
        itemPath(0),
        `not a tool definition: expected an OpenAI tool {"type": "function", "function": {…}}, an MCP tool {"name", "inputSchema"} or an Anthropic tool {"name", "input_schema"}; found ${found}`,
      ),
    ],
  };
}
