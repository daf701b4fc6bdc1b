import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  GenerationError,
  checkOpenAIRecord,
  createGenerator,
  explainPlan,
  openAITools,
  parseProject,
  planChain,
  toOpenAIRecord,
  validateProject,
  type Chain,
  type Diagnostic,
  type ExampleGenerator,
  type Project,
} from '../core/index.ts';
import { lineOf, locateJsonPaths } from '../core/project/jsonLocate.ts';
import { AtomicFileWriter, StreamWriter } from './io.ts';

/** Exit codes: 0 ok, 1 invalid input (diagnostics on stderr), 2 usage. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

const FORMATS = ['openai'];

const USAGE = `chainwright: design multi-step tool-calling training data

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

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

class UsageError extends Error {}

const defaultIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

export function run(argv: string[], io: Io = defaultIo): number {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      (command ? io.stdout : io.stderr)(USAGE);
      return command ? EXIT_OK : EXIT_USAGE;
    }
    switch (command) {
      case 'validate':
        return validateCommand(rest, io);
      case 'plan':
        return planCommand(rest, io);
      case 'generate':
        return generateCommand(rest, io);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`chainwright: ${e.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

function oneFile(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `expected one FILE, got ${positionals.length}` : 'missing FILE');
  return positionals[0];
}

interface Loaded {
  file: string;
  text: string;
  project: Project;
}

/** Reads and parses a project; on failure prints the diagnostics and returns null. */
function load(file: string, io: Io): Loaded | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    io.stderr(`${file}: cannot read the file: ${(e as Error).message}\n`);
    return null;
  }
  const parsed = parseProject(text);
  if (!parsed.ok) {
    printDiagnostics(file, parsed.diagnostics, io.stderr);
    return null;
  }
  return { file, text, project: parsed.project };
}

function printDiagnostics(file: string, diagnostics: Diagnostic[], write: (t: string) => void, text?: string): void {
  const lines = text !== undefined && diagnostics.some((d) => d.line === undefined) ? locateJsonPaths(text) : undefined;
  for (const d of diagnostics) {
    const line = d.line ?? (lines ? lineOf(lines, d.path) : undefined);
    write(`${file}: ${d.path}: ${d.severity}: ${d.message} [${d.code}${line !== undefined ? `, line ${line}` : ''}]\n`);
  }
}

function validateCommand(args: string[], io: Io): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const file = oneFile(positionals);
  const loaded = load(file, io);
  if (!loaded) return EXIT_INVALID;
  const diagnostics = validateProject(loaded.project);
  printDiagnostics(file, diagnostics, io.stdout, loaded.text);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  io.stderr(`${file}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  return errors ? EXIT_INVALID : EXIT_OK;
}

function pickChains(project: Project, ids: string[] | undefined): Chain[] {
  if (!ids || ids.length === 0) return project.chains;
  return ids.map((id) => {
    const chain = project.chains.find((c) => c.id === id);
    if (!chain) throw new UsageError(`no chain "${id}" (chains: ${project.chains.map((c) => c.id).join(', ') || 'none'})`);
    return chain;
  });
}

function planCommand(args: string[], io: Io): number {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { chain: { type: 'string' }, json: { type: 'boolean' } } });
  const file = oneFile(positionals);
  const loaded = load(file, io);
  if (!loaded) return EXIT_INVALID;
  const { project } = loaded;
  const chains = pickChains(project, values.chain ? [values.chain] : undefined);
  const diagnostics = validateProject(project).filter((d) => d.severity === 'error');
  if (diagnostics.length) {
    printDiagnostics(file, diagnostics, io.stderr, loaded.text);
    return EXIT_INVALID;
  }
  const reports = [];
  for (const chain of chains) {
    const planned = planChain(project, chain);
    if (!planned.ok) {
      io.stderr(`${file}: chain "${chain.id}": a dependency cycle: ${planned.cycle.join(' → ')}\n`);
      return EXIT_INVALID;
    }
    reports.push({ chain, plan: planned.plan, explanation: explainPlan(chain, planned.plan) });
  }
  if (values.json) {
    io.stdout(`${JSON.stringify(reports.map(({ chain, plan, explanation }) => ({ chainId: chain.id, name: chain.name, plan, explanation })), null, 2)}\n`);
    return EXIT_OK;
  }
  const text = reports
    .map(({ chain, plan, explanation }) => {
      const out: string[] = [];
      const calls = chain.calls.length;
      out.push(`Chain ${chain.id}${chain.name ? ` (${chain.name})` : ''}: ${calls} call${calls === 1 ? '' : 's'} in ${plan.turns.length} turn${plan.turns.length === 1 ? '' : 's'}${plan.multiTurn ? ', one user request per call' : ''}`);
      const width = Math.max(0, ...chain.calls.map((c) => c.id.length));
      for (const turn of explanation.turns) {
        out.push('', turn.title);
        for (const call of turn.calls) {
          out.push(`  ${call.callId.padEnd(width)}  ${call.tool}`);
          const pad = ' '.repeat(width + 4);
          if (call.waits.length === 0) out.push(`${pad}starts at once: needs no other call's result`);
          for (const w of call.waits) out.push(`${pad}${w}`);
          if (call.parallelNote) out.push(`${pad}${call.parallelNote}`);
        }
      }
      out.push('', `Critical path: ${explanation.criticalPath}`, `Latency: ${explanation.latency}`);
      return out.join('\n');
    })
    .join('\n\n');
  io.stdout(`${text}\n`);
  return EXIT_OK;
}

function generateCommand(args: string[], io: Io): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      chain: { type: 'string', multiple: true },
      format: { type: 'string', default: 'openai' },
      count: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  const file = oneFile(positionals);
  if (!FORMATS.includes(values.format!)) throw new UsageError(`unknown --format "${values.format}" (formats: ${FORMATS.join(', ')})`);
  const count = wholeNumber('--count', values.count!, 0);
  const seed = wholeNumber('--seed', values.seed!, 0);
  if (!values.out) throw new UsageError('missing --out PATH (or --out - for standard output)');

  const loaded = load(file, io);
  if (!loaded) return EXIT_INVALID;
  const { project } = loaded;
  const chains = pickChains(project, values.chain);
  if (chains.length === 0) {
    io.stderr(`${file}: $.chains: the project has no chain to generate from\n`);
    return EXIT_INVALID;
  }
  const generators: ExampleGenerator[] = [];
  for (const chain of chains) {
    const made = createGenerator(project, chain.id);
    if (!made.ok) {
      printDiagnostics(file, made.diagnostics.filter((d) => d.severity === 'error'), io.stderr, loaded.text);
      return EXIT_INVALID;
    }
    generators.push(made.generator);
  }

  const tools = openAITools(project);
  const writer = values.out === '-' ? new StreamWriter(io.stdout) : new AtomicFileWriter(values.out);
  try {
    for (let i = 0; i < count; i += 1) {
      const generator = generators[i % generators.length];
      const record = toOpenAIRecord(generator.example(seed, i), project, { tools });
      const findings = checkOpenAIRecord(record);
      if (findings.length) {
        writer.abort();
        for (const f of findings) io.stderr(`${file}: chain "${generator.chain.id}", example ${i}: ${f.path}: ${f.message} [${f.rule}]\n`);
        return EXIT_INVALID;
      }
      writer.write(`${JSON.stringify(record)}\n`);
    }
    writer.commit();
  } catch (e) {
    writer.abort();
    if (e instanceof GenerationError) {
      io.stderr(`${file}: ${e.message}\n`);
      return EXIT_INVALID;
    }
    throw e;
  }
  if (values.out !== '-') io.stderr(`wrote ${count} example${count === 1 ? '' : 's'} to ${values.out}\n`);
  return EXIT_OK;
}

function wholeNumber(name: string, text: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) throw new UsageError(`${name} takes a whole number${min ? ` from ${min}` : ''}, got "${text}"`);
  return Number(text);
}
