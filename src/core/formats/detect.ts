import { isRecord } from './exportFormat.ts';
import { FORMATS } from './registry.ts';

/**
 * Guesses the export format of a JSONL line from its shape: "Check a dataset" on the page when
 * the format is left on "detect", and `check` on the command line without `--format` (or with
 * one the lines do not look like). Returns a format id of the registry, or undefined when the
 * line is not a JSON object of any known shape.
 *
 * Each format declares its shape (`detect` in its module); they are tried from the most
 * specific down (`specificity`, ties in registry order), e.g. the gold test sets first, distil
 * `{"question", "answer"}`, hermes-conversations before sharegpt (both `{"conversations"}`),
 * anthropic, hermes and hf before openai (any other `{"messages"}`).
 */
export function detectLineFormat(line: string): string | undefined {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isRecord(record)) return undefined;
  return DETECTION_ORDER.find((f) => f.detect.matches(record))?.id;
}

/** The registry's formats, most specific shape first (a stable sort keeps registry order on ties). */
export const DETECTION_ORDER = [...FORMATS].sort((a, b) => b.detect.specificity - a.detect.specificity);
