import { parseArgs } from 'node:util';
import { GenerationError, checkOpenAIRecord, createGenerator, openAITools, toOpenAIRecord, type ExampleGenerator } from '../../core/index.ts';
import { AtomicFileWriter, StreamWriter } from '../io.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, loadProject, oneFile, pickChains, printDiagnostics, wholeNumber, type Io } from '../shared.ts';

const FORMATS = ['openai'];

/** `generate FILE --format F --count N --seed S --out PATH|-`: checked JSONL, all or nothing. */
export function generateCommand(args: string[], io: Io): number {
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

  const loaded = loadProject(file, io);
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
