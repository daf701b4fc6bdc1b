import type { JsonSchema, JsonValue } from '../project/types.ts';
import { isPlainObject } from '../project/types.ts';
import { checkAgainstSchema } from '../validate/schemaValidator.ts';
import type { Finding } from '../findings/finding.ts';
import { brokenRule } from './brokenRule.ts';

/**
 * Rules several format checkers share: parsing a line, a call's tool and arguments against the
 * declared tools, and the pairing of calls with their answers. Rule ids are the same in every
 * format (docs/export-formats.md), the messages use each format's own words.
 */

/** Tool name → parameter schema (see `parameterSchemas`). */
export type ToolSchemas = ReadonlyMap<string, JsonSchema | undefined>;

/** A JSON path, or how to build it: checkers build paths only for findings. */
export type LazyPath = string | (() => string);

const pathOf = (path: LazyPath): string => (typeof path === 'string' ? path : path());

export type ParsedLine = { ok: true; record: unknown } | { ok: false; findings: Finding[] };

/** One JSONL line → its value, or the `not-json` finding. */
export function parseLine(line: string): ParsedLine {
  try {
    return { ok: true, record: JSON.parse(line) as unknown };
  } catch (e) {
    return { ok: false, findings: [brokenRule('not-json', '$', `the line is not valid JSON: ${e instanceof Error ? e.message : String(e)}`)] };
  }
}

/** Runs a record checker on a line that is first parsed as JSON. */
export function checkLineWith<C>(line: string, context: C, check: (record: unknown, context: C) => Finding[]): Finding[] {
  const parsed = parseLine(line);
  return parsed.ok ? check(parsed.record, context) : parsed.findings;
}

/** `undeclared-tool`: the name is one of the declared tools. `where` says where tools are declared (`"tools"`). */
export function checkToolName(name: unknown, schemas: ToolSchemas, path: string, where: string, out: Finding[]): boolean {
  if (typeof name === 'string' && schemas.has(name)) return true;
  const known = [...schemas.keys()];
  out.push(
    brokenRule(
      'undeclared-tool',
      path,
      `the tool ${JSON.stringify(name)} is not declared in ${where}${known.length ? ` (declared: ${known.join(', ')})` : ''}`,
    ),
  );
  return false;
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? 'a string' : typeof value;
}

/**
 * `arguments-not-object` and `arguments-schema`: decoded arguments are an object that satisfies
 * the tool's parameter schema (when the tool is declared with one).
 */
export function checkArguments(name: unknown, args: unknown, schemas: ToolSchemas, path: LazyPath, out: Finding[], field = '"arguments"'): void {
  if (!isPlainObject(args)) {
    out.push(brokenRule('arguments-not-object', pathOf(path), `${field} must be a JSON object, found ${kindOf(args)}`));
    return;
  }
  const schema = typeof name === 'string' ? schemas.get(name) : undefined;
  if (!schema) return;
  const errors = checkAgainstSchema(schema, args as JsonValue);
  for (const e of errors) {
    out.push(brokenRule('arguments-schema', pathOf(path), `${String(name)}(${e.path === '$' ? 'arguments' : e.path.slice(2)}) ${e.message}`));
  }
}

/** Tool name and arguments of one call in one go (formats where arguments are already decoded). */
export function checkCall(
  name: unknown,
  args: unknown,
  schemas: ToolSchemas,
  at: { name: string; args: string },
  where: string,
  out: Finding[],
  field?: string,
): void {
  checkToolName(name, schemas, at.name, where, out);
  checkArguments(name, args, schemas, at.args, out, field);
}

/** Ids some chat templates accept (Mistral's: at least 9 letters and digits). */
export const TEMPLATE_SAFE_ID = /^[A-Za-z0-9]{9,}$/;

interface OpenCall {
  path: LazyPath;
  tool: unknown;
}

/**
 * Pairs tool calls with their answers: every id is unique in the conversation
 * (`duplicate-call-id`), an answer names a still-open call of the message right before it
 * (`unknown-tool-call-id`, `answer-not-adjacent`), and every call is answered before the
 * conversation moves on (`unanswered-call`).
 */
export class CallLedger {
  private readonly seen = new Set<string>();
  private pending = new Map<string, OpenCall>();

  constructor(private readonly out: Finding[]) {}

  /** Registers a call; false when its id was already used. */
  open(id: string, path: LazyPath, tool: unknown, idPath: LazyPath = path): boolean {
    if (this.seen.has(id)) {
      this.out.push(brokenRule('duplicate-call-id', pathOf(idPath), `the tool call id "${id}" is used twice in this conversation`));
      return false;
    }
    this.seen.add(id);
    this.pending.set(id, { path, tool });
    return true;
  }

  /** Marks a call answered; returns the call, or undefined (with a finding) when the id is not open. */
  answer(id: string, path: LazyPath): OpenCall | undefined {
    const open = this.pending.get(id);
    if (open) {
      this.pending.delete(id);
      return open;
    }
    if (this.seen.has(id))
      this.out.push(
        brokenRule(
          'answer-not-adjacent',
          pathOf(path),
          `"${id}" is not a still-unanswered call of the assistant message right before (answered twice, or too late)`,
        ),
      );
    else this.out.push(brokenRule('unknown-tool-call-id', pathOf(path), `no tool call has the id "${id}"`));
    return undefined;
  }

  /** Reports every call still open as `unanswered-call`, with `why` completing "the tool call "x" …". */
  close(why: string): void {
    if (this.pending.size === 0) return;
    for (const [id, { path }] of this.pending) this.out.push(brokenRule('unanswered-call', pathOf(path), `the tool call "${id}" ${why}`));
    this.pending = new Map();
  }
}
