import { isPlainObject } from '../project/types.ts';
import type { Finding } from '../findings/finding.ts';
import { brokenRule } from '../formats/brokenRule.ts';
import type { OpenAIMessage } from '../formats/openai.ts';
import type { GoldCase, Prediction } from './types.ts';

/**
 * Reading gold files (`--format eval`) and predictions files (one `{"id", "messages"}` line per
 * test case, messages in the `openai` format). Both are JSONL; empty lines are skipped.
 */

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object';

function is(value: unknown, kind: Kind): boolean {
  return kind === 'array' ? Array.isArray(value) : kind === 'object' ? isPlainObject(value) : typeof value === kind;
}

function need(record: { [key: string]: unknown }, key: string, kind: Kind, at: string, out: Finding[]): boolean {
  if (is(record[key], kind)) return true;
  const what = kind === 'array' ? 'a list' : kind === 'object' ? 'an object' : kind === 'boolean' ? 'true or false' : `a ${kind}`;
  out.push(brokenRule(record[key] === undefined ? 'missing-field' : 'field-type', `${at}.${key}`, `"${key}" must be ${what}`));
  return false;
}

/** The rules a gold test case line must follow (what `check --format eval` and the scorer read). */
export function checkGoldRecord(record: unknown): Finding[] {
  const out: Finding[] = [];
  if (!isPlainObject(record)) return [brokenRule('not-an-object', '$', 'a test case is a JSON object')];
  const r = record as { [key: string]: unknown };
  need(r, 'id', 'string', '$', out);
  need(r, 'chain', 'string', '$', out);
  need(r, 'pattern', 'string', '$', out);
  if (need(r, 'messages', 'array', '$', out)) {
    const messages = r.messages as unknown[];
    messages.forEach((m, i) => {
      if (!isPlainObject(m) || (m.role !== 'system' && m.role !== 'user') || typeof m.content !== 'string')
        out.push(brokenRule('bad-prompt', `$.messages[${i}]`, 'the prompt holds system and user messages with text content'));
    });
    if (!messages.some((m) => isPlainObject(m) && m.role === 'user')) out.push(brokenRule('no-user-message', '$.messages', 'the prompt needs a user message'));
  }
  if (need(r, 'followups', 'array', '$', out) && (r.followups as unknown[]).some((f) => typeof f !== 'string'))
    out.push(brokenRule('field-type', '$.followups', '"followups" lists texts'));
  let tools = new Set<string>();
  if (need(r, 'tools', 'array', '$', out)) {
    tools = new Set(
      (r.tools as unknown[]).flatMap((t) => (isPlainObject(t) && isPlainObject(t.function) && typeof t.function.name === 'string' ? [t.function.name] : [])),
    );
  }
  if (need(r, 'gold', 'object', '$', out)) {
    const g = r.gold as { [key: string]: unknown };
    for (const key of ['turns', 'edges', 'parallel', 'conditions', 'fanouts']) need(g, key, 'array', '$.gold', out);
    if (need(g, 'reply', 'object', '$.gold', out)) {
      const reply = g.reply as { [key: string]: unknown };
      need(reply, 'text', 'string', '$.gold.reply', out);
      need(reply, 'mentions', 'array', '$.gold.reply', out);
    }
    let next = 0;
    if (Array.isArray(g.turns)) {
      g.turns.forEach((t, i) => {
        const at = `$.gold.turns[${i}]`;
        if (!isPlainObject(t) || !Array.isArray(t.calls) || t.calls.length === 0)
          return void out.push(brokenRule('bad-turn', at, 'a turn is {"calls": [...]} with at least one call'));
        t.calls.forEach((c, j) => {
          const cat = `${at}.calls[${j}]`;
          if (!isPlainObject(c)) return void out.push(brokenRule('bad-call', cat, 'a gold call is {"call", "id", "tool", "args", "result"}'));
          const call = c as { [key: string]: unknown };
          if (need(call, 'call', 'number', cat, out) && call.call !== next)
            out.push(brokenRule('call-index', `${cat}.call`, `calls are numbered turn by turn from 0: expected ${next}`));
          next += 1;
          need(call, 'id', 'string', cat, out);
          if (need(call, 'tool', 'string', cat, out) && !tools.has(call.tool as string))
            out.push(brokenRule('undeclared-tool', `${cat}.tool`, `the tool "${String(call.tool)}" is not declared in "tools"`));
          need(call, 'args', 'object', cat, out);
          if (!('result' in call)) out.push(brokenRule('missing-field', `${cat}.result`, '"result" must be there'));
        });
      });
    }
    if (Array.isArray(g.edges)) {
      g.edges.forEach((e, i) => {
        if (!isPlainObject(e) || typeof e.from !== 'number' || typeof e.to !== 'number' || e.from >= next || e.to >= next || typeof e.ref !== 'string')
          out.push(brokenRule('bad-edge', `$.gold.edges[${i}]`, 'an edge is {"from", "to", "arg", "ref"} between two of the calls'));
      });
    }
    if (Array.isArray(g.parallel)) {
      g.parallel.forEach((p, i) => {
        if (!Array.isArray(p) || p.length !== 2 || p.some((k) => typeof k !== 'number' || k >= next))
          out.push(brokenRule('bad-pair', `$.gold.parallel[${i}]`, 'a pair is [call, call]'));
      });
    }
  }
  if (need(r, 'design', 'object', '$', out)) {
    const d = r.design as { [key: string]: unknown };
    need(d, 'slots', 'object', '$.design', out);
    need(d, 'multiTurn', 'boolean', '$.design', out);
    need(d, 'edges', 'array', '$.design', out);
    if (need(d, 'calls', 'array', '$.design', out)) {
      (d.calls as unknown[]).forEach((c, i) => {
        if (!isPlainObject(c) || typeof c.id !== 'string' || typeof c.tool !== 'string' || !isPlainObject(c.args))
          out.push(brokenRule('bad-design-call', `$.design.calls[${i}]`, 'a design call is {"id", "tool", "args"}'));
      });
    }
    if (need(d, 'turns', 'array', '$.design', out) && (d.turns as unknown[]).some((t) => !Array.isArray(t) || t.some((x) => typeof x !== 'string')))
      out.push(brokenRule('field-type', '$.design.turns', '"turns" lists call ids per turn'));
  }
  return out;
}

export type LineProblem = { line: number; message: string };

/** A gold file's test cases (lines that break the rules are reported, not read). */
export function parseGoldLines(text: string): { cases: GoldCase[]; problems: LineProblem[] } {
  const cases: GoldCase[] = [];
  const problems: LineProblem[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      problems.push({ line: i + 1, message: 'not JSON' });
      return;
    }
    const findings = checkGoldRecord(record);
    if (findings.length) {
      problems.push({
        line: i + 1,
        message: `not a test case: ${findings
          .slice(0, 3)
          .map((f) => `${f.path}: ${f.message}`)
          .join('; ')}`,
      });
      return;
    }
    const gc = record as GoldCase;
    if (seen.has(gc.id)) {
      problems.push({ line: i + 1, message: `the id "${gc.id}" is used twice` });
      return;
    }
    seen.add(gc.id);
    cases.push(gc);
  });
  return { cases, problems };
}

/** A predictions file: one `{"id", "messages"}` per line (a later line for the same id replaces the earlier one). */
export function parsePredictionLines(text: string): { predictions: Map<string, Prediction>; problems: LineProblem[] } {
  const predictions = new Map<string, Prediction>();
  const problems: LineProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      problems.push({ line: i + 1, message: 'not JSON' });
      return;
    }
    if (!isPlainObject(record) || typeof record.id !== 'string' || !Array.isArray(record.messages)) {
      problems.push({ line: i + 1, message: 'a prediction is {"id", "messages"} (messages in the openai format)' });
      return;
    }
    const p: Prediction = { id: record.id, messages: record.messages as unknown as OpenAIMessage[] };
    if (typeof record.error === 'string') p.error = record.error;
    predictions.set(p.id, p);
  });
  return { predictions, problems };
}
