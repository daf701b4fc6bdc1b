import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FORMATS, openAITools, validateProject, type ExportFormat, type Finding, type OpenAITool } from '../../core/index.ts';
import { readLines } from '../io.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, loadProject, oneFile, printDiagnostics, type Io } from '../shared.ts';

/**
 * `check FILE --format F [--tools PROJECT]`: runs a format's checker on every line of an
 * existing JSONL file (from anywhere) and prints each finding as `FILE:LINE: path: message
 * [rule]`; exit 1 if there is any. A bundle format (distil) takes the bundle's folder.
 * `--tools PROJECT` gives the tools to check lines that carry none.
 */
export function checkCommand(args: string[], io: Io): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, tools: { type: 'string' } },
  });
  const file = oneFile(positionals);
  if (!values.format) throw new UsageError(`missing --format F (formats: ${FORMATS.map((f) => f.id).join(', ')})`);
  const format = FORMATS.find((f) => f.id === values.format);
  if (!format) throw new UsageError(`unknown --format "${values.format}" (formats: ${FORMATS.map((f) => f.id).join(', ')})`);

  let tools: OpenAITool[] | undefined;
  if (values.tools !== undefined) {
    const loaded = loadProject(values.tools, io);
    if (!loaded) return EXIT_INVALID;
    const errors = validateProject(loaded.project).filter((d) => d.severity === 'error' && d.path.startsWith('$.tools'));
    if (errors.length) {
      printDiagnostics(values.tools, errors, io.stderr, loaded.text);
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
    for (const f of findings) io.stdout(`${where}${line !== undefined ? `:${line}` : ''}: ${f.path}: ${f.message} [${f.rule}]\n`);
    tally.findings += findings.length;
  };
  const checkFile = (path: string, lineTools: OpenAITool[] | undefined) => {
    let n = 0;
    for (const line of readLines(path)) {
      n += 1;
      tally.lines += 1;
      const findings = format.check(line, lineTools);
      if (findings.length) {
        tally.bad += 1;
        report(path, n, findings);
      }
    }
  };

  try {
    if (statSync(file).isDirectory()) {
      if (!format.checkBundle) {
        io.stderr(`${file}: is a folder; --format ${format.id} checks a JSONL file\n`);
        return EXIT_INVALID;
      }
      checkBundleFolder(file, format, tools, report, checkFile);
    } else {
      if (format.checkBundle) io.stderr(`${file}: a single file of a ${format.id} bundle: its lines are checked${tools ? '' : ' without tools (give --tools PROJECT, or check the bundle folder)'}\n`);
      checkFile(file, tools);
    }
  } catch (e) {
    io.stderr(`${file}: cannot read: ${(e as Error).message}\n`);
    return EXIT_INVALID;
  }
  io.stderr(`${file}: ${tally.lines} line${tally.lines === 1 ? '' : 's'} checked (${format.id}): ${tally.bad ? `${tally.bad} with ${tally.findings} finding${tally.findings === 1 ? '' : 's'}` : 'all good'}\n`);
  return tally.findings ? EXIT_INVALID : EXIT_OK;
}

/** A bundle folder: its whole files checked by the format, its JSONL files line by line with the bundle's tools. */
function checkBundleFolder(
  folder: string,
  format: ExportFormat,
  tools: OpenAITool[] | undefined,
  report: (where: string, line: number | undefined, findings: readonly Finding[]) => void,
  checkFile: (path: string, tools: OpenAITool[] | undefined) => void,
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
