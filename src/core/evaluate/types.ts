import type { Condition } from '../conditions/types.ts';
import type { Pattern } from '../dataset/chainPattern.ts';
import type { OpenAIMessage } from '../formats/openai.ts';
import type { OpenAITool } from '../tools/openAITools.ts';
import type { JsonValue, Reply } from '../project/types.ts';

/**
 * A gold test case: one line of `generate --format eval` (docs/evaluation.md). It says which
 * calls the request needs, with which arguments (fixed values, or references to earlier
 * results), which may run together, how the conditions and fan-outs resolved, and what the
 * reply must mention — and it carries the design itself, so that a transcript whose tools
 * returned other results (a live run) is judged against what *it* received.
 */
export interface GoldCase {
  id: string;
  chain: string;
  pattern: Pattern;
  /** The prompt: the system message (when written) and the user message(s) before the first call. */
  messages: OpenAIMessage[];
  /** Multi-turn chains: the later user requests, in order (each is sent once the model has replied). */
  followups: string[];
  tools: OpenAITool[];
  gold: Gold;
  design: GoldDesign;
}

/** The expected conversation of this example, resolved on its own results. */
export interface Gold {
  /** The assistant turns with calls, as the design plans them (calls of one turn may run together). */
  turns: { calls: GoldCall[] }[];
  /** Data edges: argument `arg` of call `to` comes from `ref` in the result of call `from` (`via`: read by forEach, where or when). */
  edges: GoldEdge[];
  /** Pairs of calls (indices) that may run together: the same turn. */
  parallel: [number, number][];
  conditions: GoldCondition[];
  fanouts: GoldFanOut[];
  /** Calls whose result was an error in this example, and what followed (design §6). */
  failures: GoldFailure[];
  /** Questions asked before a call, and the user's answer (design §7). */
  confirmations: GoldConfirmation[];
  reply: GoldReply;
}

export interface GoldFailure {
  call: string;
  element?: number;
  /** The error result the call got (a live run answers the call with it). */
  error: JsonValue;
  recover: 'retry' | 'report' | 'retryWith';
  /** The index of the retry call, when there is one. */
  retry?: number;
  words: string;
}

export interface GoldConfirmation {
  call: string;
  /** The question the assistant asked, and the user's answer (a follow-up message). */
  ask: string;
  answer: string;
  yes: boolean;
  words: string;
}

/** One concrete call; `call` is its index among the case's calls (turn by turn). */
export interface GoldCall {
  call: number;
  /** The design's call id. */
  id: string;
  tool: string;
  /** A fan-out call: the index of its element in the list it goes through. */
  element?: number;
  args: { [name: string]: ArgSpec };
  /** The result the call got in this example. */
  result: JsonValue;
  /** The result was the call's error. */
  error?: boolean;
  /** This call is the retry of call `retryOf`, which failed. */
  retryOf?: number;
}

/**
 * An argument: its value in this example, and where it comes from.
 * - `{value}`: fixed (a literal or a slot value);
 * - `{value, ref, call}`: the value at `ref` in the result of call `call` (`calls` when it reads a whole fan-out);
 * - `{value, template, refs}`: text written around values of earlier results;
 * - `{value, object}` / `{value, array}`: a value with references inside.
 */
export interface ArgSpec {
  value: JsonValue;
  ref?: string;
  call?: number;
  calls?: number[];
  template?: string;
  refs?: { ref: string; call?: number; calls?: number[] }[];
  object?: { [key: string]: ArgSpec };
  array?: ArgSpec[];
}

export interface GoldEdge {
  from: number;
  to: number;
  /** The argument path (`task_id`, `filters.owner`), or the behaviour (`forEach`, `when.value`). */
  arg: string;
  ref: string;
  via?: string;
}

/** A call that runs only when its condition holds (or waits for such a call), as it resolved. */
export interface GoldCondition {
  call: string;
  /** The condition in words (`cal.events.length > 0`), absent for a call skipped because it waits for one that did not run. */
  when?: string;
  held: boolean;
  ran: boolean;
  /** E.g. "prep: skipped, cal.events.length > 0 was false". */
  words: string;
}

export interface GoldFanOut {
  call: string;
  /** The list it goes through (`tasks.tasks`). */
  over: string;
  where?: string;
  /** Elements in the list, and the indices of those that passed the filter (one call each). */
  elements: number;
  passed: number[];
  /** E.g. "remind: 3 of 5 elements passed task.priority = high". */
  words: string;
}

export interface GoldReply {
  text: string;
  /** The reply variant used (index into the design's variants), null for a single template or the default summary. */
  variant: number | null;
  mentions: GoldMention[];
}

/** A value the final reply must mention: what the reply template read. */
export interface GoldMention {
  ref: string;
  value: JsonValue;
}

/** The chain's design, as much as scoring needs to re-resolve it on other results. */
export interface GoldDesign {
  slots: { [name: string]: JsonValue };
  calls: DesignCall[];
  /** Call ids per planned turn. */
  turns: string[][];
  multiTurn: boolean;
  /** Dependencies: `to` waits for `from`; `fields` are the values that flow. */
  edges: { from: string; to: string; fields: { arg: string; ref: string; via?: string }[] }[];
  reply?: Reply;
}

export interface DesignCall {
  id: string;
  tool: string;
  args: { [name: string]: JsonValue };
  forEach?: string;
  as?: string;
  where?: Condition;
  when?: Condition;
  /** The call may fail (design §6): how it recovers. */
  failure?: { recover?: 'retry' | 'report' | { retryWith: { [name: string]: JsonValue } } };
  /** The user is asked before the call is made (design §7). */
  confirm?: boolean;
}

/** One line of a predictions file: the transcript of a test case in the `openai` format. */
export interface Prediction {
  id: string;
  messages: OpenAIMessage[];
  /** A live run that gave up on this case says why. */
  error?: string;
}

/** The seed's metric targets (seed 000: "Evaluation Metrics for Multi-Tool Models"). */
export type MetricKey =
  | 'chain_completion'
  | 'dependency_accuracy'
  | 'parallel_recognition'
  | 'over_serialization'
  | 'dependency_violations'
  | 'node_f1'
  | 'edge_f1'
  | 'call_match'
  | 'synthesis'
  | 'loops'
  | 'conditions';

export interface Target {
  /** `min`: the value must be above it; `max`: below it. */
  kind: 'min' | 'max';
  value: number;
}

/** Metric values are shares (0–1), or null when the cases give no opportunity to measure it. */
export type Metrics = { [key in MetricKey]: number | null };

export interface MetricGroup extends Metrics {
  examples: number;
}

/** What went wrong in one test case. */
export interface CaseProblem {
  kind:
    | 'missing-prediction'
    | 'missing-call'
    | 'extra-call'
    | 'invalid-arguments'
    | 'wrong-argument'
    | 'wrong-reference'
    | 'serialized'
    | 'dependency-violation'
    | 'fan-out-count'
    | 'condition'
    | 'no-reply'
    | 'not-mentioned'
    | 'run-error';
  message: string;
}

/** The counts behind one case's metrics (summed over cases for the totals). */
export interface CaseCounts {
  expectedCalls: number;
  matchedCalls: number;
  extraCalls: number;
  completed: number;
  edges: number;
  edgesCorrect: number;
  pairs: number;
  pairsTogether: number;
  pairsSplit: number;
  dependentPairs: number;
  violations: number;
  goldNodes: number;
  predNodes: number;
  nodeHits: number;
  goldLinks: number;
  predLinks: number;
  linkHits: number;
  callMatches: number;
  mentions: number;
  mentioned: number;
  fanOuts: number;
  fanOutsRight: number;
  conditions: number;
  conditionsRight: number;
}

export interface CaseScore {
  id: string;
  chain: string;
  pattern: Pattern;
  counts: CaseCounts;
  /** The case's own metrics (null where it has no opportunity). */
  metrics: Metrics;
  /** One number to rank cases by (the mean of its metrics, with over-serialization and violations counted as 1 − value). */
  score: number;
  problems: CaseProblem[];
}

export interface MetricRow {
  key: MetricKey;
  label: string;
  value: number | null;
  target?: Target;
  /** Whether the target is met (absent without a target or a value). */
  met?: boolean;
}

export interface EvalReport {
  examples: number;
  chain_completion: number | null;
  dependency_accuracy: number | null;
  parallel_recognition: number | null;
  over_serialization: number | null;
  dependency_violations: number | null;
  node_f1: number | null;
  edge_f1: number | null;
  call_match: number | null;
  synthesis: number | null;
  loops: number | null;
  conditions: number | null;
  by_pattern: { [pattern: string]: MetricGroup };
  by_chain: { [chain: string]: MetricGroup };
  /** The seed's targets beside the totals. */
  targets: { [key in MetricKey]?: Target & { met: boolean | null } };
  /** Totals behind the shares. */
  counts: CaseCounts;
  /** Gold cases without a prediction, predictions without a gold case, lines that could not be read. */
  missing_predictions: number;
  unknown_predictions: string[];
  /** The lowest-scoring cases, worst first, with what went wrong. */
  worst: { id: string; chain: string; pattern: Pattern; score: number; problems: CaseProblem[] }[];
}
