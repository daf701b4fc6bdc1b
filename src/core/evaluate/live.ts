import type { JsonValue, Project, ToolDef } from '../project/types.ts';
import { DEFAULT_REFERENCE_DATE, isPlainObject } from '../project/types.ts';
import type { OpenAIMessage, OpenAIToolCall } from '../formats/openai.ts';
import { createSeededFaker, type SeededFaker } from '../simulate/faker.ts';
import { simulateResult } from '../simulate/fromSchema.ts';
import { hashSeed } from '../simulate/rng.ts';
import { checkAgainstSchema } from '../validate/schemaValidator.ts';
import type { GoldCase, Prediction } from './types.ts';

/**
 * The pure parts of a live run (docs/evaluation.md, "Live runs"): a conversation with a model
 * over one test case, whose tool calls are answered with results simulated from each tool's
 * `returns` schema (echoing the model's own arguments, as generation does), an error result
 * for an unknown tool or invalid arguments, and the gold's error for a call that fails in the
 * test case. The command line brings the transport (HTTP, retries, concurrency).
 */

/** Answers tool calls for one run: results seeded by (seed, test case, call number), so a rerun gives the same results. */
export class ToolAnswerer {
  private readonly tools: Map<string, ToolDef>;
  private readonly sf: SeededFaker;

  constructor(
    project: Project,
    private readonly seed: number,
  ) {
    this.tools = new Map(project.tools.map((t) => [t.function.name, t]));
    this.sf = createSeededFaker(seed, project.referenceDate ?? DEFAULT_REFERENCE_DATE);
  }

  /** The result of call number `n` of test case `caseId`, as the text of a tool message. */
  answer(caseId: string, n: number, name: string, rawArguments: unknown): { result: JsonValue; error?: string } {
    const tool = this.tools.get(name);
    if (!tool) {
      const known = [...this.tools.keys()].join(', ');
      return fail('unknown_tool', `there is no tool named ${JSON.stringify(name)} (tools: ${known})`);
    }
    let args: JsonValue;
    if (typeof rawArguments === 'string') {
      try {
        args = JSON.parse(rawArguments === '' ? '{}' : rawArguments) as JsonValue;
      } catch {
        return fail('invalid_arguments', 'the arguments are not valid JSON');
      }
    } else args = (rawArguments ?? {}) as JsonValue;
    if (!isPlainObject(args)) return fail('invalid_arguments', 'the arguments must be a JSON object');
    const errors = checkAgainstSchema(tool.function.parameters, args);
    if (errors.length) return fail('invalid_arguments', errors.map((e) => `${e.path === '$' ? 'arguments' : e.path.slice(2)} ${e.message}`).join('; '));
    this.sf.reseed(hashSeed(this.seed, caseId, n));
    return { result: simulateResult(tool.returns, args as { [name: string]: JsonValue }, this.sf) };
  }
}

function fail(code: string, message: string): { result: JsonValue; error: string } {
  return { result: { error: { code, message } }, error: message };
}

/** The model's answer could not be used (the transport retries or gives up). */
export class ModelAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelAnswerError';
  }
}

export type StepOutcome = { done: false } | { done: true; reason: 'reply' | 'turn-limit' };

/**
 * One test case's conversation: the prompt, then the model's turns. Every tool call is
 * answered; a text reply ends the conversation, unless a follow-up request of a multi-turn
 * test case (or a confirmation's answer) is still to be sent: then it is the user's turn.
 */
export class LiveConversation {
  readonly messages: OpenAIMessage[];
  private readonly followups: string[];
  private calls = 0;
  private turns = 0;
  /** Tools whose next call fails in this test case (the gold's failures). */
  private readonly failing: { tool: string; error: JsonValue }[];

  constructor(
    readonly gold: GoldCase,
    private readonly answerer: ToolAnswerer,
    private readonly maxTurns: number,
  ) {
    this.messages = gold.messages.map((m) => ({ ...m }));
    this.followups = [...gold.followups];
    const toolOf = new Map(gold.design.calls.map((c) => [c.id, c.tool]));
    this.failing = (gold.gold.failures ?? []).flatMap((f) => (toolOf.has(f.call) ? [{ tool: toolOf.get(f.call)!, error: f.error }] : []));
  }

  /** Assistant turns with calls so far. */
  get callTurns(): number {
    return this.turns;
  }

  /** Takes the model's message (`choices[0].message` of a chat completion). */
  receive(message: unknown): StepOutcome {
    if (!isPlainObject(message)) throw new ModelAnswerError('the answer has no message');
    const raw = Array.isArray(message.tool_calls) ? message.tool_calls : [];
    const text =
      typeof message.content === 'string'
        ? message.content
        : Array.isArray(message.content)
          ? message.content.flatMap((p) => (isPlainObject(p) && typeof p.text === 'string' ? [p.text] : [])).join('')
          : '';
    if (raw.length === 0) {
      this.messages.push({ role: 'assistant', content: text });
      const next = this.followups.shift();
      if (next !== undefined) {
        this.messages.push({ role: 'user', content: next });
        return { done: false };
      }
      return { done: true, reason: 'reply' };
    }
    const calls: OpenAIToolCall[] = raw.map((c, k) => {
      const fn = isPlainObject(c) && isPlainObject(c.function) ? c.function : {};
      const id = isPlainObject(c) && typeof c.id === 'string' && c.id ? c.id : `call_${this.turns}_${k}`;
      const args = fn.arguments;
      return {
        id,
        type: 'function',
        function: { name: typeof fn.name === 'string' ? fn.name : '', arguments: typeof args === 'string' ? args : JSON.stringify(args ?? {}) },
      };
    });
    this.messages.push({ role: 'assistant', content: text || null, tool_calls: calls });
    for (const c of calls) {
      const n = this.calls;
      this.calls += 1;
      const answered = this.answerer.answer(this.gold.id, n, c.function.name, c.function.arguments);
      let result = answered.result;
      const fails = answered.error === undefined ? this.failing.findIndex((f) => f.tool === c.function.name) : -1;
      if (fails >= 0) {
        result = this.failing[fails].error;
        this.failing.splice(fails, 1);
      }
      this.messages.push({ role: 'tool', tool_call_id: c.id, content: JSON.stringify(result) });
    }
    this.turns += 1;
    if (this.turns >= this.maxTurns) return { done: true, reason: 'turn-limit' };
    return { done: false };
  }

  /** The transcript as a predictions line. */
  prediction(error?: string): Prediction {
    const p: Prediction = { id: this.gold.id, messages: this.messages };
    if (error !== undefined) p.error = error;
    return p;
  }
}
