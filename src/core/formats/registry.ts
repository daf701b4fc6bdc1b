import type { Project } from '../project/types.ts';
import { anthropicFormat } from './anthropic.ts';
import { distilFormat } from './distil.ts';
import { evalBfclFormat, evalFormat, evalNestfulFormat, evalTaskBenchFormat } from './eval.ts';
import type { ExportFormat, FormatContext, FormatOptions } from './exportFormat.ts';
import { hermesFormat } from './hermes.ts';
import { hermesConversationsFormat } from './hermesConversations.ts';
import { hfFormat } from './hf.ts';
import { openaiFormat } from './openai.ts';
import { sharegptFormat } from './sharegpt.ts';
import { openAITools } from '../tools/openAITools.ts';

/**
 * The export formats: the one list the rest of the app reads. Each format module declares its
 * format (`ExportFormat` in exportFormat.ts: id, label, description, how to detect a line, how to
 * write and check one); line detection, the dataset checker, the CLI's `--format` choices and
 * help, the export dialog's and "Check a dataset"'s menus (in this order) and the all-formats
 * property test all derive from this list. Adding a format: docs/contributing.md.
 */
export const FORMATS: readonly ExportFormat[] = [
  openaiFormat,
  hfFormat,
  distilFormat,
  sharegptFormat,
  hermesFormat,
  hermesConversationsFormat,
  anthropicFormat,
  evalFormat,
  evalBfclFormat,
  evalTaskBenchFormat,
  evalNestfulFormat,
];

export function formatById(id: string): ExportFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}

export function formatContext(project: Project, options: FormatOptions = {}): FormatContext {
  return { project, tools: openAITools(project), options };
}

export type { BundleLayout, ExportFormat, FormatContext, FormatOptions, LineShape } from './exportFormat.ts';
export type { BundleCheck, BundleFinding } from './distil.ts';
export {
  anthropicFormat,
  distilFormat,
  evalBfclFormat,
  evalFormat,
  evalNestfulFormat,
  evalTaskBenchFormat,
  hermesConversationsFormat,
  hermesFormat,
  hfFormat,
  openaiFormat,
  sharegptFormat,
};
