import { generateCommand } from './commands/generate.ts';
import { planCommand } from './commands/plan.ts';
import { validateCommand } from './commands/validate.ts';
import { EXIT_OK, EXIT_USAGE, UsageError, type Io } from './shared.ts';

export { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Io } from './shared.ts';

/** The commands: each a module in commands/, taking its arguments and returning an exit code. */
const COMMANDS: Record<string, (args: string[], io: Io) => number> = {
  validate: validateCommand,
  plan: planCommand,
  generate: generateCommand,
};

export const USAGE = `chainwright: design multi-step tool-calling training data

Usage:
  chainwright validate FILE
  chainwright plan FILE [--chain ID] [--json]
  chainwright generate FILE [--chain ID ...] --format openai --count N --seed S --out PATH|-

Commands:
  validate   print every finding as "FILE: path: message"; exit 1 if any is an error
  plan       the turns, which calls run together, what each waits for and why,
             the critical path and latency one by one vs as planned
  generate   write N example conversations as JSONL (every line checked first)

Exit codes: 0 ok, 1 invalid input, 2 usage.
`;

const defaultIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: process.stderr.isTTY === true,
};

export function run(argv: string[], io: Io = defaultIo): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.stdout : io.stderr)(USAGE);
    return command ? EXIT_OK : EXIT_USAGE;
  }
  try {
    const handler = COMMANDS[command];
    if (!handler) throw new UsageError(`unknown command "${command}"`);
    return handler(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && String((e as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`chainwright: ${e.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
