import { parseArgs } from 'node:util';
import { validateProject } from '../../core/index.ts';
import { EXIT_INVALID, EXIT_OK, loadProject, oneFile, printFindings, type Io } from '../shared.ts';

/** `validate FILE`: every finding as `FILE: path: message`; exit 1 if any is an error. */
export function validateCommand(args: string[], io: Io): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const file = oneFile(positionals);
  const loaded = loadProject(file, io);
  if (!loaded) return EXIT_INVALID;
  const diagnostics = validateProject(loaded.project);
  printFindings(file, diagnostics, io.stdout, loaded.text);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  io.stderr(`${file}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  return errors ? EXIT_INVALID : EXIT_OK;
}
