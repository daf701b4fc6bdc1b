import { parseArgs } from 'node:util';
import { applyToolMerge, exportTools, importTools, planToolMerge, serializeProject, TOOL_EXPORT_FORMATS, type ClashDecision, type ToolExportFormat, type ToolIssue } from '../../core/index.ts';
import { AtomicFileWriter, StreamWriter } from '../io.ts';
import { EXIT_INVALID, EXIT_OK, loadProject, oneFile, readTextFile, UsageError, type Io } from '../shared.ts';

const CLASH_DECISIONS: readonly ClashDecision[] = ['replace', 'keep-both', 'skip'];

/**
 * `tools import FILE --into PROJECT --out PATH|- [--on-clash replace|keep-both|skip]`
 * `tools export PROJECT --as openai|job-description --out PATH|-`
 */
export function toolsCommand(args: string[], io: Io): number {
  const [sub, ...rest] = args;
  if (sub === 'import') return importCommand(rest, io);
  if (sub === 'export') return exportCommand(rest, io);
  throw new UsageError(sub ? `unknown tools command "${sub}" (import or export)` : 'tools needs a command: import or export');
}

function printIssues(file: string, severity: string, issues: ToolIssue[], write: (t: string) => void): void {
  for (const i of issues) write(`${file}: ${i.path}: ${severity}: ${i.message}${i.line !== undefined ? ` [line ${i.line}]` : ''}\n`);
}

function writeOut(out: string, text: string, io: Io): void {
  const writer = out === '-' ? new StreamWriter(io.stdout) : new AtomicFileWriter(out);
  try {
    writer.write(text);
    writer.commit();
  } catch (e) {
    writer.abort();
    throw e;
  }
}

function importCommand(args: string[], io: Io): number {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { into: { type: 'string' }, out: { type: 'string' }, 'on-clash': { type: 'string' } } });
  const file = oneFile(positionals);
  if (!values.into) throw new UsageError('tools import needs --into PROJECT');
  if (!values.out) throw new UsageError('tools import needs --out PATH (or - for standard output)');
  const onClash = values['on-clash'];
  if (onClash !== undefined && !CLASH_DECISIONS.includes(onClash as ClashDecision)) throw new UsageError(`--on-clash takes replace, keep-both or skip, got "${onClash}"`);
  const text = readTextFile(file, io);
  if (text === null) return EXIT_INVALID;
  const imported = importTools(text);
  if (!imported.ok) {
    printIssues(file, 'error', imported.errors, io.stderr);
    return EXIT_INVALID;
  }
  const loaded = loadProject(values.into, io);
  if (!loaded) return EXIT_INVALID;
  const plan = planToolMerge(loaded.project, imported);
  const clashes = plan.clashes.filter((c) => !c.identical);
  if (clashes.length && onClash === undefined) {
    throw new UsageError(`${values.into} already has ${clashes.map((c) => `"${c.name}"`).join(', ')}: choose --on-clash replace, keep-both or skip`);
  }
  const merged = applyToolMerge(loaded.project, imported, (onClash as ClashDecision | undefined) ?? 'skip');
  printIssues(file, 'warning', imported.warnings, io.stderr);
  writeOut(values.out, serializeProject(merged.project), io);
  const parts = [
    merged.added.length ? `added ${merged.added.join(', ')}` : '',
    merged.replaced.length ? `replaced ${merged.replaced.join(', ')}` : '',
    merged.renamed.length ? `kept both ${merged.renamed.map((r) => `${r.from} (new one: ${r.to})`).join(', ')}` : '',
    merged.skipped.length ? `skipped ${merged.skipped.join(', ')}` : '',
    merged.systemPromptSet ? 'set the system prompt from the file' : '',
  ].filter(Boolean);
  io.stderr(`${file}: ${imported.format.label}, ${imported.tools.length} tool${imported.tools.length === 1 ? '' : 's'}: ${parts.join('; ') || 'nothing to change'}${values.out !== '-' ? `; wrote ${values.out}` : ''}\n`);
  return EXIT_OK;
}

function exportCommand(args: string[], io: Io): number {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { as: { type: 'string' }, out: { type: 'string' } } });
  const file = oneFile(positionals);
  if (!values.as || !TOOL_EXPORT_FORMATS.includes(values.as as ToolExportFormat)) throw new UsageError(`tools export needs --as ${TOOL_EXPORT_FORMATS.join('|')}${values.as ? `, got "${values.as}"` : ''}`);
  if (!values.out) throw new UsageError('tools export needs --out PATH (or - for standard output)');
  const loaded = loadProject(file, io);
  if (!loaded) return EXIT_INVALID;
  writeOut(values.out, exportTools(loaded.project, values.as as ToolExportFormat), io);
  if (values.out !== '-') io.stderr(`wrote ${loaded.project.tools.length} tool${loaded.project.tools.length === 1 ? '' : 's'} to ${values.out}\n`);
  return EXIT_OK;
}
