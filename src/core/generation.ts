/**
 * The core's second door: what makes and reads data — the generator, the export formats and
 * their checkers, datasets (mix, split, stream, stats), evaluation, practice and the quality
 * measure. The command line and the workers import it; the page loads it with the views that
 * need it (see index.ts).
 */
export { createGenerator, GenerationError, type ExampleGenerator, type GeneratorOptions, type GeneratorResult } from './generate/example.ts';
export type { Example, ExampleMessage, ExampleCall } from './generate/types.ts';
export { isCallsMessage, isReplyMessage } from './generate/types.ts';
export { toOpenAIRecord, toOpenAILine, checkOpenAIRecord, checkOpenAILine, type OpenAIRecord, type OpenAIMessage } from './formats/openai.ts';
export type { Finding } from './findings/finding.ts';
export { FORMATS, formatById, formatContext, openaiFormat, type ExportFormat, type FormatContext, type FormatOptions } from './formats/registry.ts';
export { detectLineFormat } from './formats/detect.ts';
export { lineChecker, MAX_LISTED_LINES, type CheckTally, type LineChecker, type LineCheckerOptions, type LineFindings } from './formats/lineChecker.ts';
export {
  hfFormat,
  distilFormat,
  sharegptFormat,
  hermesFormat,
  anthropicFormat,
  type BundleLayout,
  type BundleCheck,
  type BundleFinding,
} from './formats/registry.ts';
export { toHfRecord, toHfLine, checkHfRecord, checkHfLine, readHfRecord, type HfRecord, type HfMessage } from './formats/hf.ts';
export {
  toShareGptRecord,
  toShareGptLine,
  checkShareGptRecord,
  checkShareGptLine,
  readShareGptRecord,
  type ShareGptRecord,
  type ShareGptTurn,
} from './formats/sharegpt.ts';
export { toHermesRecord, toHermesLine, checkHermesRecord, checkHermesLine, readHermesRecord, type HermesRecord, type HermesMessage } from './formats/hermes.ts';
export {
  toAnthropicRecord,
  toAnthropicLine,
  checkAnthropicRecord,
  checkAnthropicLine,
  readAnthropicRecord,
  type AnthropicRecord,
  type AnthropicMessage,
} from './formats/anthropic.ts';
export {
  distilReadiness,
  toDistilRecords,
  toDistilLines,
  checkDistilRecord,
  checkDistilLine,
  checkDistilBundle,
  distilBundleFiles,
  readDistilRecord,
  DistilShapeError,
  DISTIL_TASK,
  DISTIL_FILES,
  type DistilRecord,
} from './formats/distil.ts';
export { transcriptOf, type Transcript, type TranscriptTurn } from './formats/transcript.ts';
export * from './dataset/index.ts';
// Evaluation: gold test sets (--format eval), scoring transcripts, the live runner's pure parts.
export * from './evaluate/index.ts';
export { evalFormat, evalBfclFormat, evalTaskBenchFormat, evalNestfulFormat } from './formats/registry.ts';
// Practice: exercises and their grading; what varies in an example, branch search.
export * from './practice/index.ts';
// Data quality: chainwright quality.
export * from './quality/index.ts';
export { fakerSample } from './simulate/fakerSample.ts';
export { replyCoverage, type ReplyCoverage } from './generate/replyCoverage.ts';
