/**
 * The "Result schemas" dialog's drafts, checked and applied without React: which tools have no
 * `returns`, what each draft would set (a schema inferred from a sample result, a schema
 * written by hand, or `{"ok": true}` declared), the problems of a draft with their places,
 * and the project with every ready schema set. Nothing here changes a project in place.
 */
import type { JsonSchema, JsonValue, Project, ToolDef, ToolIssue } from '../../../core/index.ts';
import { inferSchema, parseJsonText, updateTool, withLines } from '../../../core/index.ts';
import { checkReturns } from './drafts.ts';

/** How a tool's result is described: from a sample, by a written schema, as `{"ok": true}`, or not yet. */
export type ReturnsMode = 'sample' | 'schema' | 'ok' | 'later';

/** One tool's draft. Both texts are kept whichever mode is chosen: switching loses nothing. */
export interface ReturnsDraft {
  mode: ReturnsMode;
  sample: string;
  schema: string;
}

export const EMPTY_DRAFT: ReturnsDraft = { mode: 'sample', sample: '', schema: '' };

/** A problem in a draft: a JSON path (in the sample or the schema) and, for text, its line and column. */
export type DraftProblem = ToolIssue & { column?: number };

export type DraftCheck =
  /** Nothing to apply: "decide later", or the chosen text is still empty. */
  { state: 'open' } | { state: 'ready'; schema: JsonSchema } | { state: 'invalid'; errors: DraftProblem[] };

/**
 * What `{"ok": true}` becomes when it is kept on purpose: the same simulated result, declared,
 * so that the tool is not listed again and the audit no longer reports a missing schema.
 */
export const OK_RESULT_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'Confirms that the call succeeded; the tool returns nothing else.',
  properties: { ok: { type: 'boolean', const: true, description: 'Always true.' } },
  required: ['ok'],
  additionalProperties: false,
};

/** The project's tools without a result schema, in the library's order. */
export function toolsWithoutReturns(project: Project): ToolDef[] {
  return project.tools.filter((t) => t.returns === undefined);
}

/** JSON text read for the dialog: the value, or the problem with its line and column and what was expected there. */
export function readJson(text: string, what: string): { ok: true; value: unknown } | { ok: false; errors: DraftProblem[] } {
  const parsed = parseJsonText(text, { what });
  if (parsed.ok) return parsed;
  // A syntax error comes with its line and column, and what was expected there.
  return { ok: false, errors: parsed.errors.map((e) => ({ ...e, message: `${what}: ${e.message}` })) };
}

/** A draft checked as Apply would check it, against the tool as it is in `project`. */
export function checkReturnsDraft(project: Project, name: string, draft: ReturnsDraft): DraftCheck {
  if (draft.mode === 'later') return { state: 'open' };
  if (draft.mode === 'ok') return asTool(project, name, OK_RESULT_SCHEMA);
  const text = draft.mode === 'sample' ? draft.sample : draft.schema;
  if (text.trim() === '') return { state: 'open' };
  if (draft.mode === 'sample') {
    const read = readJson(text, 'the sample result');
    if (!read.ok) return { state: 'invalid', errors: read.errors };
    return asTool(project, name, inferSchema(read.value as JsonValue));
  }
  const read = readJson(text, 'the result schema');
  if (!read.ok) return { state: 'invalid', errors: read.errors };
  // The tool's own checks (a schema object that compiles), with paths inside the schema and their lines.
  const checked = checkReturns(project, name, text);
  if (!checked.ok) return { state: 'invalid', errors: withLines(text, checked.errors.map(atSchemaPlace)) };
  return { state: 'ready', schema: checked.definition.returns as JsonSchema };
}

/**
 * A schema that does not compile is reported at `$` with ajv's words ("data/properties/total/type
 * must be …"): the problem is moved to the path ajv names (`$.properties.total.type`), and its line.
 */
function atSchemaPlace(issue: ToolIssue): ToolIssue {
  const message = issue.message.startsWith('the result schema') ? issue.message : `the result schema: ${issue.message}`;
  const pointer = issue.path === '$' ? /\bdata((?:\/[^\s,/]+)+)/.exec(issue.message) : null;
  if (!pointer) return { ...issue, message };
  const path = pointer[1]
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((at, key) => (/^\d+$/.test(key) ? `${at}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${at}.${key}` : `${at}[${JSON.stringify(key)}]`), '$');
  const { line: _line, ...rest } = issue;
  return { ...rest, path, message };
}

function asTool(project: Project, name: string, schema: JsonSchema): DraftCheck {
  const checked = checkReturns(project, name, JSON.stringify(schema));
  if (!checked.ok) return { state: 'invalid', errors: checked.errors.map(({ line: _line, ...e }) => e) };
  return { state: 'ready', schema };
}

export interface ReturnsPlan {
  /** The schemas Apply sets, in the library's order. */
  ready: { name: string; schema: JsonSchema }[];
  /** Chosen but not valid: Apply refuses while any is left. */
  invalid: { name: string; errors: DraftProblem[] }[];
}

/** Every listed tool's draft checked: what Apply would set, and what stops it. */
export function planReturns(project: Project, drafts: Readonly<Record<string, ReturnsDraft>>): ReturnsPlan {
  const plan: ReturnsPlan = { ready: [], invalid: [] };
  for (const tool of toolsWithoutReturns(project)) {
    const name = tool.function.name;
    const draft = drafts[name];
    if (!draft) continue;
    const check = checkReturnsDraft(project, name, draft);
    if (check.state === 'ready') plan.ready.push({ name, schema: check.schema });
    else if (check.state === 'invalid') plan.invalid.push({ name, errors: check.errors });
  }
  return plan;
}

export type ReturnsApplication = { ok: true; project: Project; names: string[] } | { ok: false; name: string; errors: ToolIssue[] };

/** The project with every schema set; all or nothing (the first refusal names its tool). */
export function withReturns(project: Project, schemas: readonly { name: string; schema: JsonSchema }[]): ReturnsApplication {
  let next = project;
  for (const { name, schema } of schemas) {
    const tool = next.tools.find((t) => t.function.name === name);
    if (!tool)
      return {
        ok: false,
        name,
        errors: [{ code: 'unknown-tool', severity: 'error', path: '$', message: `there is no tool named "${name}" any more`, tool: name }],
      };
    const r = updateTool(next, name, { ...tool, returns: schema });
    if (!r.ok) return { ok: false, name, errors: r.errors };
    next = r.project;
  }
  return { ok: true, project: next, names: schemas.map((s) => s.name) };
}

/**
 * A short outline of a schema, one line per field ("flights[].price: number"), for a
 * read-only preview. At most `limit` lines; the last says how many more there are.
 */
export function schemaOutline(schema: JsonSchema, limit = 40): string[] {
  const lines: string[] = [];
  const walk = (node: unknown, path: string, depth: number) => {
    if (depth > 12 || typeof node !== 'object' || node === null || Array.isArray(node)) return;
    const s = node as Record<string, unknown>;
    const props = typeof s.properties === 'object' && s.properties !== null && !Array.isArray(s.properties) ? (s.properties as Record<string, unknown>) : null;
    const required = new Set(Array.isArray(s.required) ? s.required : []);
    if (props) {
      for (const [key, sub] of Object.entries(props)) {
        const at = path ? `${path}.${key}` : key;
        lines.push(`${at}: ${describe(sub)}${required.has(key) ? '' : ' (optional)'}`);
        walk(sub, at, depth + 1);
      }
    }
    const items = s.items;
    if (typeof items === 'object' && items !== null && !Array.isArray(items)) walk(items, `${path}[]`, depth + 1);
  };
  if (!schema.properties) lines.push(`the result: ${describe(schema)}`);
  walk(schema, '', 0);
  if (lines.length <= limit) return lines;
  return [...lines.slice(0, limit - 1), `… and ${lines.length - limit + 1} more fields`];
}

function describe(node: unknown): string {
  if (typeof node !== 'object' || node === null) return 'any value';
  const s = node as Record<string, unknown>;
  if ('const' in s) return `always ${JSON.stringify(s.const)}`;
  const types = Array.isArray(s.type) ? s.type.join(' or ') : typeof s.type === 'string' ? s.type : 'any value';
  const items = s.items as Record<string, unknown> | undefined;
  const of = s.type === 'array' && items && typeof items.type === 'string' ? ` of ${items.type === 'object' ? 'objects' : `${items.type}s`}` : '';
  const format = typeof s.format === 'string' ? `, ${s.format}` : '';
  return `${types === 'array' ? 'list' : types}${of}${format}`;
}
