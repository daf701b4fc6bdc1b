import { formatById, type ExportFormat, type Finding, type OpenAITool } from '../core/index.ts';
import { detectLineFormat } from './detectFormat.ts';
import type { CheckTally, LineFindings } from './protocol.ts';

/** Lines with findings listed in full; past this only the tally grows (a broken file can have millions). */
export const MAX_LISTED_LINES = 500;

/**
 * Runs a format's checker over the lines of a file as they come (the same checker the export
 * runs on every line). The format is fixed, or detected from the first non-empty line. Empty
 * lines are skipped (JSONL readers skip them too), but they still count for line numbers.
 */
export interface LineChecker {
  /** The format in use, once known. */
  readonly format: ExportFormat | undefined;
  /** Checks the next lines; returns the findings of the bad ones (listed lines only). */
  push(lines: readonly string[]): LineFindings[];
  tally(): CheckTally;
}

export function lineChecker(formatId: string, tools: OpenAITool[] | undefined, file?: string): LineChecker | { error: string } {
  let format: ExportFormat | undefined;
  if (formatId !== 'auto') {
    format = formatById(formatId);
    if (!format) return { error: `unknown format "${formatId}"` };
  }
  const tally: CheckTally = { lines: 0, badLines: 0, findings: 0, unlisted: 0 };
  let lineNo = 0;
  return {
    get format() {
      return format;
    },
    push(lines) {
      const out: LineFindings[] = [];
      for (const line of lines) {
        lineNo += 1;
        if (!line.trim()) continue;
        if (!format) format = formatById(detectLineFormat(line) ?? 'openai')!;
        tally.lines += 1;
        const findings: Finding[] = format.check(line, tools);
        if (!findings.length) continue;
        tally.badLines += 1;
        tally.findings += findings.length;
        if (tally.badLines > MAX_LISTED_LINES) tally.unlisted += 1;
        else out.push(file === undefined ? { line: lineNo, findings } : { file, line: lineNo, findings });
      }
      return out;
    },
    tally: () => ({ ...tally }),
  };
}
