/** The dataset engine: patterns, the mix, the split, unique requests, the chunked run, stats. */
export { PATTERNS, PATTERN_LABELS, patternOfPlan, chainPattern, type Pattern } from './chainPattern.ts';
export {
  DEFAULT_MIX,
  parseMix,
  mixFromValue,
  allocateMix,
  mixReport,
  apportion,
  type Mix,
  type MixParse,
  type MixReport,
  type MixRow,
  type ChainCount,
  type ChainPattern,
} from './mix.ts';
export { createSchedule, type Schedule, type Placement } from './interleave.ts';
export { planSplit, firstRequestTemplates, requestSlots, type SplitBy, type SplitOptions, type SplitReport, type ChainSplit, type SlotSplit } from './split.ts';
export { RequestLedger, requestSpace } from './variation.ts';
export { lineWriter, type LineWriter } from './lineWriter.ts';
export {
  prepareDataset,
  shardRange,
  type DatasetSpec,
  type DatasetOptions,
  type Selection,
  type Shard,
  type DatasetRun,
  type DatasetFile,
  type DatasetChunk,
  type ChunkOptions,
  type DatasetError,
  type FileName,
  type ChainSummary,
  type PreparedDataset,
} from './stream.ts';
export { outcomeShares, type OutcomeShares } from './outcomeShares.ts';
export { datasetStats, exampleTokens, exampleTexts, TOKEN_ENCODING, type DatasetStats, type Summary, type TokenCounter } from './stats.ts';
export { loadTokenCounter } from './tokenizer.ts';
export { utf8Lines, type Utf8Lines, type Utf8LinesOptions } from './utf8Lines.ts';
