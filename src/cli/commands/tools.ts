import { parseArgs } from 'node:util';
import {
  applyToolMerge,
  exportTools,
  importTools,
  planToolMerge,
  serializeProject,
  TOOL_EXPORT_FORMATS,
  type ClashDecision,
  type ToolExportFormat,
} from '../../core/index.ts';
import { StreamWriter, isWriteError, openOutput, outputTarget, type WritableTarget, type Writer } from '../io.ts';
import { EXIT_INVALID, EXIT_OK, loadProject, oneFile, printFindings, readTextFile, UsageError, type Io } from '../shared.ts';

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

/** Where `--out` goes, looked at before any work: '-' for standard output, or null when refused (said on stderr). */
function checkOut(out: string, io: Io): WritableTarget | '-' | null {
  if (out === '-') return '-';
  const target = outputTarget(out);
  if (target.kind === 'refused' || target.kind === 'folder') {
    io.stderr(`${out}: ${target.kind === 'refused' ? target.message : 'is a folder, expected a file'}\n`);
    return null;
  }
  return target;
}

/** Writes `text` to a checked target; false when that failed (said on stderr). */
function writeOut(out: string, target: WritableTarget | '-', text: string, io: Io): boolean {
  let writer: Writer | undefined;
  try {
    writer = target === '-' ? new StreamWriter(io.stdout) : openOutput(target);
    writer.write(text);
    writer.commit();
    return true;
  } catch (e) {
    writer?.abort();
    if (!isWriteError(e)) throw e;
    io.stderr(`${out}: cannot write: ${e.message}\n`);
    return false;
  }
}

function importCommand(args: string[], io: Io): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { into: { type: 'string' }, out: { type: 'string' }, 'on-clash': { type: 'string' } },
  });
  const file = oneFile(positionals);
  if (!values.into) throw new UsageError('tools import needs --into PROJECT');
  if (!values.out) throw new UsageError('tools import needs --out PATH (or - for standard output)');
  const onClash = values['on-clash'];
  if (onClash !== undefined && !CLASH_DECISIONS.includes(onClash as ClashDecision))
    throw new UsageError(`--on-clash takes replace, keep-both or skip, got "${onClash}"`);
  const target = checkOut(values.out, io);
  if (!target) return EXIT_INVALID;
  const text = readTextFile(file, io);
  if (text === null) return EXIT_INVALID;
  const imported = importTools(text);
  if (!imported.ok) {
    printFindings(file, imported.errors, io.stderr);
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
  printFindings(file, imported.warnings, io.stderr);
  if (!writeOut(values.out, target, serializeProject(merged.project), io)) return EXIT_INVALID;
  const parts = [
    merged.added.length ? `added ${merged.added.join(', ')}` : '',
    merged.replaced.length ? `replaced ${merged.replaced.join(', ')}` : '',
    merged.renamed.length ? `kept both ${merged.renamed.map((r) => `${r.from} (new one: ${r.to})`).join(', ')}` : '',
    merged.skipped.length ? `skipped ${merged.skipped.join(', ')}` : '',
    merged.systemPromptSet ? 'set the system prompt from the file' : '',
  ].filter(Boolean);
  io.stderr(
    `${file}: ${imported.format.label}, ${imported.tools.length} tool${imported.tools.length === 1 ? '' : 's'}: ${parts.join('; ') || 'nothing to change'}${values.out !== '-' ? `; wrote ${values.out}` : ''}\n`,
  );
  return EXIT_OK;
}

function exportCommand(args: string[], io: Io): number {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { as: { type: 'string' }, out: { type: 'string' } } });
  const file = oneFile(positionals);
  if (!values.as || !TOOL_EXPORT_FORMATS.includes(values.as as ToolExportFormat))
    throw new UsageError(`tools export needs --as ${TOOL_EXPORT_FORMATS.join('|')}${values.as ? `, got "${values.as}"` : ''}`);
  if (!values.out) throw new UsageError('tools export needs --out PATH (or - for standard output)');
  const target = checkOut(values.out, io);
  if (!target) return EXIT_INVALID;
  const loaded = loadProject(file, io);
  if (!loaded) return EXIT_INVALID;
  if (!writeOut(values.out, target, exportTools(loaded.project, values.as as ToolExportFormat), io)) return EXIT_INVALID;
  if (values.out !== '-') io.stderr(`wrote ${loaded.project.tools.length} tool${loaded.project.tools.length === 1 ? '' : 's'} to ${values.out}\n`);
  return EXIT_OK;
}
