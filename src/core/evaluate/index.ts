/** Evaluation (docs/evaluation.md): gold test sets, scoring transcripts against them, the live runner's pure parts. */
export type {
  GoldCase,
  Gold,
  GoldCall,
  ArgSpec,
  GoldEdge,
  GoldCondition,
  GoldFanOut,
  GoldFailure,
  GoldConfirmation,
  GoldReply,
  GoldMention,
  GoldDesign,
  DesignCall,
  Prediction,
  MetricKey,
  Metrics,
  MetricGroup,
  MetricRow,
  Target,
  CaseCounts,
  CaseProblem,
  CaseScore,
  EvalReport,
} from './types.ts';
export { buildGoldCase, goldCaseId, GoldMismatchError } from './gold.ts';
export { checkGoldRecord, parseGoldLines, parsePredictionLines, type LineProblem } from './parse.ts';
export { toBfcl, toTaskBench, toNestful, type BfclLine, type TaskBenchLine, type NestfulLine } from './suites.ts';
export { scoreCase, metricsOf } from './score.ts';
export { evaluate, formatReport, reportJson, metricRows, percent, targetText, targetMet, TARGETS, METRICS, type EvaluateOptions } from './report.ts';
export { readTranscript, isErrorResult, type ModelCall, type ModelTranscript } from './transcript.ts';
export { ToolAnswerer, LiveConversation, ModelAnswerError, type StepOutcome } from './live.ts';
