import { detectLineFormat } from './detect.ts';
import type { Finding } from '../findings/finding.ts';
import { lineGroundingFindings } from './grounding.ts';
import { formatById, type ExportFormat } from './registry.ts';
import type { OpenAITool } from '../tools/openAITools.ts';

/**
 * Runs a format's checker over the lines of a file as they come (the same checker every export
 * runs on each line): "Check a dataset" on the page, in its worker, and `check` on the command
 * line. The format is fixed, or detected from the first non-empty line. Empty lines are
 * skipped (JSONL readers skip them too), but they still count for line numbers.
 */
export interface LineChecker {
  /** The format in use, once known. */
  readonly format: ExportFormat | undefined;
  /** The id of the format the lines are checked as: `format`'s, or openai while "auto" has seen no line. */
  readonly formatId: string;
  /**
   * With a fixed format whose checker fails the first non-empty line: the format that line
   * looks like, when its checker passes it (a file checked with the wrong format fails on
   * every line; this says which format to use).
   */
  readonly looksLike: string | undefined;
  /** Checks the next lines; returns the findings of the bad ones (listed lines only). */
  push(lines: readonly string[]): LineFindings[];
  tally(): CheckTally;
}

/** The findings of one line of a checked file. */
export interface LineFindings {
  /** The file inside a bundle; absent for a plain JSONL file. */
  file?: string;
  /** 1-based line number (absent for a finding about a whole file). */
  line?: number;
  findings: Finding[];
}

export interface CheckTally {
  lines: number;
  badLines: number;
  findings: number;
  /** Lines with findings that were not listed (past the listing cap). */
  unlisted: number;
}

/** Lines with findings listed in full by default; past this only the tally grows (a broken file can have millions). */
export const MAX_LISTED_LINES = 500;

export interface LineCheckerOptions {
  /** The file inside a bundle, named in each LineFindings. */
  file?: string;
  /** Lines with findings to list (default MAX_LISTED_LINES; Infinity for all). */
  maxListed?: number;
}

/** `formatId` is a format of the registry or "auto" (detect from the first non-empty line, openai when unknown). */
export function lineChecker(formatId: string, tools: OpenAITool[] | undefined, options: LineCheckerOptions = {}): LineChecker | { error: string } {
  const { file, maxListed = MAX_LISTED_LINES } = options;
  let format: ExportFormat | undefined;
  if (formatId !== 'auto') {
    format = formatById(formatId);
    if (!format) return { error: `unknown format "${formatId}"` };
  }
  const fixed = format !== undefined;
  let looksLike: string | undefined;
  const tally: CheckTally = { lines: 0, badLines: 0, findings: 0, unlisted: 0 };
  let lineNo = 0;
  return {
    get format() {
      return format;
    },
    get formatId() {
      return format?.id ?? 'openai';
    },
    get looksLike() {
      return looksLike;
    },
    push(lines) {
      const out: LineFindings[] = [];
      for (const line of lines) {
        lineNo += 1;
        if (!line.trim()) continue;
        const first = tally.lines === 0;
        if (!format) format = formatById(detectLineFormat(line) ?? 'openai')!;
        tally.lines += 1;
        const findings: Finding[] = format.check(line, tools);
        if (findings.length && first && fixed) looksLike = passesAs(line, format.id, tools);
        // A line its consumer reads: are its ids grounded, does its reply tell the truth (formats/grounding.ts).
        if (!findings.length) findings.push(...lineGroundingFindings(format.id, line, tools));
        if (!findings.length) continue;
        tally.badLines += 1;
        tally.findings += findings.length;
        if (tally.badLines > maxListed) tally.unlisted += 1;
        else out.push(file === undefined ? { line: lineNo, findings } : { file, line: lineNo, findings });
      }
      return out;
    },
    tally: () => ({ ...tally }),
  };
}

/** The format `line` looks like, when that is not `formatId` and its checker passes the line. */
function passesAs(line: string, formatId: string, tools: OpenAITool[] | undefined): string | undefined {
  const detected = detectLineFormat(line);
  if (detected === undefined || detected === formatId) return undefined;
  return formatById(detected)?.check(line, tools).length === 0 ? detected : undefined;
}
