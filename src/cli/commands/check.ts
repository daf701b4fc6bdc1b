import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatFinding, validateProject } from '../../core/index.ts';
import { openAITools, type OpenAITool } from '../../core/index.ts';
import { FORMATS, formatById, lineChecker, type ExportFormat, type Finding } from '../../core/generation.ts';
import { readLines } from '../io.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, isClosedOutput, loadProject, oneFile, printFindings, type Io } from '../shared.ts';

/**
 * `check FILE [--format F] [--tools PROJECT]`: runs a format's checker on every line of an
 * existing JSONL file (from anywhere) and prints each finding as `FILE:LINE: path: error:
 * message [code]` (`formatFinding`); exit 1 if there is any. Without `--format` the format is detected from the first
 * line (a folder with a job_description.json is a distil bundle); with one that the lines do
 * not fit, it says which format they do fit. A bundle format (distil) takes the bundle's
 * folder. `--tools PROJECT` gives the tools to check lines that carry none. Empty lines are
 * skipped, as on the page.
 */
export function checkCommand(args: string[], io: Io): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, tools: { type: 'string' } },
  });
  const file = oneFile(positionals);
  if (values.format !== undefined && !formatById(values.format))
    throw new UsageError(`unknown --format "${values.format}" (formats: ${FORMATS.map((f) => f.id).join(', ')})`);

  let tools: OpenAITool[] | undefined;
  if (values.tools !== undefined) {
    const loaded = loadProject(values.tools, io);
    if (!loaded) return EXIT_INVALID;
    const errors = validateProject(loaded.project).filter((d) => d.severity === 'error' && d.path.startsWith('$.tools'));
    if (errors.length) {
      printFindings(values.tools, errors, io.stderr, loaded.text);
      return EXIT_INVALID;
    }
    tools = openAITools(loaded.project);
  }
  if (!existsSync(file)) {
    io.stderr(`${file}: cannot read the file: it does not exist\n`);
    return EXIT_INVALID;
  }
  const tally = { lines: 0, bad: 0, findings: 0 };
  const report = (where: string, line: number | undefined, findings: readonly Finding[]) => {
    for (const f of findings) io.stdout(`${formatFinding(f, where, line)}\n`);
    tally.findings += findings.length;
  };
  /** The lines of one file through the format's checker (detected from its first line when `formatId` is "auto"); returns the format used. */
  const checkFile = (path: string, formatId: string, lineTools: OpenAITool[] | undefined): string => {
    const checker = lineChecker(formatId, lineTools, { maxListed: Infinity });
    if ('error' in checker) throw new UsageError(checker.error);
    for (const line of readLines(path)) {
      for (const bad of checker.push([line])) report(path, bad.line, bad.findings);
    }
    const t = checker.tally();
    tally.lines += t.lines;
    tally.bad += t.badLines;
    const used = checker.formatId;
    if (formatId === 'auto' && t.lines > 0) io.stderr(`${path}: checked as ${used} (detected from the first line; give --format F to choose)\n`);
    if (checker.looksLike) io.stderr(`${path}: the first line fails as ${used} but is a valid ${checker.looksLike} line: try --format ${checker.looksLike}\n`);
    return used;
  };

  let used: string;
  try {
    if (statSync(file).isDirectory()) {
      const bundleFolder = existsSync(join(file, 'job_description.json'));
      if (values.format === undefined && !bundleFolder) {
        io.stderr(`${file}: is a folder without a job_description.json: give a JSONL file, or a distil bundle folder\n`);
        return EXIT_INVALID;
      }
      const format = formatById(values.format ?? 'distil')!;
      if (!format.checkBundle) {
        io.stderr(`${file}: is a folder; --format ${format.id} checks a JSONL file\n`);
        return EXIT_INVALID;
      }
      used = format.id;
      checkBundleFolder(file, format, tools, report, (path, lineTools) => checkFile(path, format.id, lineTools));
    } else {
      const format = values.format !== undefined ? formatById(values.format)! : undefined;
      if (format?.checkBundle)
        io.stderr(
          `${file}: a single file of a ${format.id} bundle: its lines are checked${tools ? '' : ' without tools (give --tools PROJECT, or check the bundle folder)'}\n`,
        );
      used = checkFile(file, values.format ?? 'auto', tools);
    }
  } catch (e) {
    if (e instanceof UsageError || isClosedOutput(e)) throw e;
    io.stderr(`${file}: cannot read: ${(e as Error).message}\n`);
    return EXIT_INVALID;
  }
  io.stderr(
    `${file}: ${tally.lines} line${tally.lines === 1 ? '' : 's'} checked (${used}): ${tally.bad ? `${tally.bad} with ${tally.findings} finding${tally.findings === 1 ? '' : 's'}` : 'all good'}\n`,
  );
  return tally.findings ? EXIT_INVALID : EXIT_OK;
}

/** A bundle folder: its whole files checked by the format, its JSONL files line by line with the bundle's tools. */
function checkBundleFolder(
  folder: string,
  format: ExportFormat,
  tools: OpenAITool[] | undefined,
  report: (where: string, line: number | undefined, findings: readonly Finding[]) => void,
  checkFile: (path: string, tools: OpenAITool[] | undefined) => unknown,
): void {
  // Which files are the line files: ask the format for its layout with an empty project's context is not possible, so
  // read every file the folder holds; JSONL files are streamed, the others read whole.
  const files: Record<string, string> = {};
  const jsonl: string[] = [];
  for (const name of ['job_description.json', 'config.yaml', 'train.jsonl', 'test.jsonl']) {
    const path = join(folder, name);
    if (!existsSync(path)) continue;
    if (name.endsWith('.jsonl')) {
      files[name] = '';
      jsonl.push(name);
    } else files[name] = readFileSync(path, 'utf8');
  }
  const bundle = format.checkBundle!(files);
  for (const f of bundle.findings) report(join(folder, f.file), f.line, [f]);
  for (const name of jsonl) checkFile(join(folder, name), bundle.tools ?? tools);
}
