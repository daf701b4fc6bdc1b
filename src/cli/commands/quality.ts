import { parseArgs } from 'node:util';
import { validateProject } from '../../core/index.ts';
import { formatQualityReport, measureQuality } from '../../core/generation.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, loadProject, oneFile, pickChains, printFindings, type Io } from '../shared.ts';

const DEFAULT_COUNT = 200;

/**
 * `quality FILE [--count N] [--chain ID ...] [--seed S] [--json] [--strict]`: generates N
 * examples (spread over the chains) and measures them: strings that fell back to generic
 * words (per tool and field), Latin words, numbers' coverage of their declared ranges,
 * coherence violations (ordered pairs, timestamps, sort promises, results that disagree with
 * the request), replies that contradict a result, grounding findings. Advice: exit 0, or with
 * `--strict` 1 when a goal is missed (no Latin, < 2 % generic strings, no incoherence, no
 * contradictions).
 */
export function qualityCommand(args: string[], io: Io): number {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      count: { type: 'string' },
      chain: { type: 'string', multiple: true },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      strict: { type: 'boolean' },
    },
  });
  const file = oneFile(positionals);
  const count = values.count === undefined ? DEFAULT_COUNT : Number(values.count);
  if (!Number.isInteger(count) || count < 1) throw new UsageError(`--count must be a whole number above 0, got "${values.count}"`);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number, 0 or more, got "${values.seed}"`);
  const loaded = loadProject(file, io);
  if (!loaded) return EXIT_INVALID;
  const { project } = loaded;
  const chains = pickChains(project, values.chain);
  const errors = validateProject(project).filter((d) => d.severity === 'error');
  if (errors.length) {
    printFindings(file, errors, io.stderr, loaded.text);
    return EXIT_INVALID;
  }
  const report = measureQuality(project, { count, seed, chains: chains.map((c) => c.id) });
  if (values.json) io.stdout(`${JSON.stringify({ file, ...report }, null, 2)}\n`);
  else io.stdout(formatQualityReport(file, report));
  return values.strict && !report.goals.met ? EXIT_INVALID : EXIT_OK;
}
