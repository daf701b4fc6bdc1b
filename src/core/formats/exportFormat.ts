import type { Project } from '../project/types.ts';
import type { Example } from '../generate/types.ts';
import type { Diagnostic } from '../validate/diagnostics.ts';
import type { BundleCheck } from './distil.ts';
import type { Finding } from '../findings/finding.ts';
import type { OpenAITool } from '../tools/openAITools.ts';

/**
 * What an export format declares about itself. Each format module (openai.ts, hermes.ts, …)
 * exports one such object; `registry.ts` lists them, and everything else derives from that
 * list: line detection (`detect.ts`), the dataset checker, `--format` choices and help in the
 * CLI, the format menus of the export dialog and of "Check a dataset", and the all-formats
 * property test. docs/contributing.md walks through adding one.
 *
 * The interface, for callers (docs/export-formats.md has each format's rules):
 * - `write(example, context)` → the JSONL lines of one example (one for most formats; distil
 *   writes one per call). Generate with `serializeParallel: true` when `needsSerializedTurns`,
 *   and with `omitSystem` for "system prompt off"; `context.options.includeTools` is "tools on
 *   every line". `write` throws only for an example of a chain that `readiness` refused.
 * - `check(line, tools?)` → the consumer's rules broken by one line; empty when it is good.
 *   `tools`: the project's OpenAI tools, used when a line carries none (always for distil, whose
 *   tools live in job_description.json; `checkBundle` returns them).
 * - `detect` → whether a parsed line has this format's shape; formats are tried from the highest
 *   `specificity` down (ties: registry order), so a shape that another contains goes first.
 * - `readiness?(project, chainId)` → diagnostics; any error means the chain cannot be written in
 *   this format (each says what to add). Formats without it take every chain the generator takes.
 * - `bundle?(context)` → a bundle instead of a single file: whole `files` (name → text) plus the
 *   file each split's lines go to. Single-file formats have none.
 * - `checkBundle?(files)` → findings per file (and line) for a bundle's files, and the tools to
 *   check lines with.
 */
export interface ExportFormat {
  /** The `--format` value and the id detection returns: lower case, words joined by "-". */
  id: string;
  /** A few words for menus. */
  label: string;
  /** One line: who reads it. */
  description: string;
  /** Recognising a line of this format from its parsed JSON object (docs: "Check a dataset", `check`). */
  detect: LineShape;
  /** The format only takes one call per assistant turn: generate with serializeParallel. */
  needsSerializedTurns?: boolean;
  /**
   * An example gives several lines, and different examples often give the same one (distil's
   * first line is the request alone with its first call): a run leaves out a line that repeats
   * an earlier one of the run, train or test (DatasetOptions.keepRepeatedLines keeps them).
   */
  distinctLines?: boolean;
  /** The JSONL lines for one example (most formats: exactly one). */
  write(example: Example, context: FormatContext): string[];
  /** The consumer's rules for one line; empty when the line is good. `tools` is used when a line carries none. */
  check(line: string, tools?: OpenAITool[]): Finding[];
  /** Whether a chain can be written in this format; errors say what to add. */
  readiness?(project: Project, chainId: string): Diagnostic[];
  /** The format is a bundle of files rather than one JSONL file. */
  bundle?(context: FormatContext): BundleLayout;
  /** Checks a bundle's files (those given); returns the tools to check lines with. */
  checkBundle?(files: Readonly<Record<string, string>>): BundleCheck;
}

/** How a format recognises one of its lines. */
export interface LineShape {
  /**
   * Higher is tried first. A format whose shape is a special case of another's needs a higher
   * number (hermes-conversations 85 before sharegpt 80: both are `{"conversations"}`; openai 0
   * takes any `{"messages"}` the others left).
   */
  specificity: number;
  /** Whether a line's JSON object has this format's shape (cheap: no full check). */
  matches(record: JsonRecord): boolean;
}

export type JsonRecord = Readonly<Record<string, unknown>>;

export interface FormatOptions {
  /** Write the tools on every line (formats that carry them per line). Default true. */
  includeTools?: boolean;
  /** The examples were generated with one call per assistant turn. */
  serialized?: boolean;
}

export interface FormatContext {
  project: Project;
  /** The project's tools as OpenAI definitions, computed once per run. */
  tools: OpenAITool[];
  options: FormatOptions;
}

export interface BundleLayout {
  /** Files written whole, name → text (distil: job_description.json, config.yaml). */
  files: Record<string, string>;
  /** The file each split's lines go to (distil: train.jsonl, test.jsonl). */
  splitFiles: { train: string; test: string };
}

/** For `matches`: the JSON objects among a value that should be a list (none when it is not a list). */
export function objectsIn(value: unknown): JsonRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
