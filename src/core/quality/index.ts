export {
  measureQuality,
  fallbackFields,
  FALLBACK_GOAL,
  type FallbackField,
  type QualityOptions,
  type QualityReport,
  type QualityGoals,
  type StringFieldStat,
  type NumberFieldStat,
} from './measure.ts';
export {
  QUALITY_CHECKS,
  registerQualityCheck,
  type QualityCheck,
  type QualityCheckContext,
  type QualityFinding,
  type QualityCategory,
  type CheckOutput,
} from './exampleChecks.ts';
export { formatQualityReport, type FormatOptions } from './reportText.ts';
export { latinWords } from './latin.ts';
