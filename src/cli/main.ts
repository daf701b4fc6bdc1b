import { checkCommand } from './commands/check.ts';
import { generateCommand } from './commands/generate.ts';
import { planCommand } from './commands/plan.ts';
import { validateCommand } from './commands/validate.ts';
import { auditCommand } from './commands/audit.ts';
import { toolsCommand } from './commands/tools.ts';
import { evalCommand } from './commands/eval.ts';
import { qualityCommand } from './commands/quality.ts';
import { FORMATS } from '../core/generation.ts';
import { writeAll } from './io.ts';
import { EXIT_CLOSED_OUTPUT, EXIT_OK, EXIT_USAGE, UsageError, isClosedOutput, type Io } from './shared.ts';

export { EXIT_CLOSED_OUTPUT, EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Io } from './shared.ts';

/** The commands: each a module in commands/, taking its arguments and returning an exit code (or, for work in worker threads, its promise). */
const COMMANDS: Record<string, (args: string[], io: Io) => number | Promise<number>> = {
  validate: validateCommand,
  plan: planCommand,
  generate: generateCommand,
  audit: auditCommand,
  tools: toolsCommand,
  check: checkCommand,
  eval: evalCommand,
  quality: qualityCommand,
};

/** The `--format` choices, one per line, from the core's format registry (docs/export-formats.md has each one's rules). */
export function formatsHelp(): string {
  const width = Math.max(...FORMATS.map((f) => f.id.length)) + 2;
  const lines = FORMATS.map((f) => `  ${f.id.padEnd(width)} ${f.label}${f.bundle ? ' (--out is a folder)' : ''}`);
  return `Formats (--format F of generate and check):\n${lines.join('\n')}\n`;
}

export const USAGE = `chainwright: design multi-step tool-calling training data

Usage:
  chainwright validate FILE
  chainwright plan FILE [--chain ID] [--json]
  chainwright generate FILE --format F --count N --seed S --out PATH|-
                [--chain ID[=N] ...] [--mix default|MIXFILE]
                [--split 0.1 [--split-by template|slot] [--split-slot NAME ...] [--out-test PATH]]
                [--serialize-parallel] [--no-system] [--no-tools] [--unique-requests] [--shard K/N]
                [--jobs N] [--tokens] [--keep-repeats]
  chainwright check FILE [--format F] [--tools PROJECT]
  chainwright audit FILE [--json]
  chainwright quality FILE [--count N] [--chain ID ...] [--seed S] [--json] [--strict]
  chainwright eval [FILE] --gold GOLD --pred PRED [--json] [--worst N]
  chainwright eval FILE --endpoint URL --model NAME [--gold GOLD | --count N --seed S
                [--chain ID ...] [--split 0.2]] [--concurrency C] [--api-key-env VAR]
                [--save PRED] [--timeout MS] [--max-turns N] [--retries N] [--retry-delay MS]
  chainwright tools import FILE --into PROJECT --out PATH|- [--on-clash replace|keep-both|skip]
  chainwright tools export PROJECT --as openai|job-description --out PATH|-

Commands:
  validate   print every finding as "FILE:LINE: path: severity: message [code]"; exit 1 if any is an error
  plan       the turns, which calls run together, what each waits for and why,
             the critical path and latency one by one vs as planned
  generate   write N example conversations as JSONL (every line checked first);
             F is one of the formats below (a bundle format: --out is a folder).
             --chain ID=N gives chains their own counts; --mix spreads --count by pattern
             (single, sequential-2, parallel-2, sequential-3plus, mixed, loop, conditional; default 40/25/15/10/10,
             or a JSON file of weights); --split writes unseen requests (by template or slot
             value) to a test file beside PATH (rb.jsonl -> rb.test.jsonl) or --out-test;
             --shard K/N writes the K-th of N contiguous parts: the N parts in order are the
             whole file, byte for byte; --jobs N makes N such parts at once in threads and
             writes the bytes --jobs 1 writes (default: the machine's cores, for runs of at
             least 8000 examples per core); --tokens adds a token estimate (o200k_base, 50
             examples) to the summary; distil leaves out lines that repeat an earlier line
             of train or test (--keep-repeats writes them)
  check      run a format's checker on an existing JSONL file (or distil folder) and print
             each finding as "FILE:LINE: path: error: message [code]"; exit 1 if any; without
             --format the format is detected from the first line; lines that pass are
             checked for grounding (invented-id, reply-contradicts-result)
  audit      grade every tool and the project; each finding as
             "FILE: path: weight: message — fix [code]" (advice: exit 0)
  quality    generate N examples (default 200) and measure them: strings that fell back
             to generic words (per tool and field), Latin words, numbers' coverage of their
             declared ranges, coherence violations, replies that contradict a result,
             grounding findings (advice: exit 0; --strict: 1 when a goal is missed)
  eval       score a model against gold test sets (generate --format eval): chain
             completion, dependency accuracy, parallel recognition, over-serialization,
             dependency violations, node/edge F1, call match, synthesis, loops and
             conditions, totals and per pattern and chain beside the seed's targets, and the
             worst test cases; --pred is a file of transcripts ({"id", "messages"} per line,
             openai format); --endpoint runs the test cases against an OpenAI-compatible
             chat-completions server, answering its tool calls with simulated results
  tools      import tools (OpenAI, job_description.json, MCP, Anthropic) into a
             project, or export its tools as OpenAI tools or a job_description.json

${formatsHelp()}
Exit codes: 0 ok, 1 invalid input, 2 usage, 141 standard output closed by its reader.
`;

/**
 * Standard output and error written synchronously (writeAll): a reader that has gone away
 * (`| head`) is an EPIPE thrown in the loop that writes, which `run` turns into a quiet stop;
 * process.stdout would emit it later, as an unhandled 'error' event after the whole run.
 */
const defaultIo: Io = {
  stdout: (t) => writeAll(1, Buffer.from(t, 'utf8')),
  stdoutFd: 1,
  stderr: (t) => writeAll(2, Buffer.from(t, 'utf8')),
  stderrIsTTY: process.stderr.isTTY === true,
};

/**
 * Runs a command; the exit code, or its promise when the command works in worker threads
 * (`generate --jobs N`, `--tokens`). Errors end the same way either way.
 */
export function run(argv: string[], io: Io = defaultIo): number | Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.stdout : io.stderr)(USAGE);
    return command ? EXIT_OK : EXIT_USAGE;
  }
  const failed = (e: unknown): number => {
    if (e instanceof UsageError || (e instanceof TypeError && String((e as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`chainwright: ${e.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (isClosedOutput(e)) return EXIT_CLOSED_OUTPUT;
    throw e;
  };
  try {
    const handler = COMMANDS[command];
    if (!handler) throw new UsageError(`unknown command "${command}"`);
    const code = handler(rest, io);
    return typeof code === 'number' ? code : code.catch(failed);
  } catch (e) {
    return failed(e);
  }
}
