import { parseArgs } from 'node:util';
import { evaluate, formatReport, parseGoldLines, parsePredictionLines, reportJson, type GoldCase, type Prediction } from '../../core/generation.ts';
import { EXIT_INVALID, EXIT_OK, UsageError, joinNegativeNumbers, readTextFile, wholeNumber, type Io } from '../shared.ts';
import { runLive, type LiveOptions } from './evalLive.ts';

/**
 * `eval [FILE] --gold GOLD --pred PRED [--json] [--worst N]` scores a predictions file (one
 * `{"id", "messages"}` line per test case, in the openai format) against a gold test set made
 * by `generate --format eval`.
 *
 * `eval FILE --endpoint URL --model NAME [--gold GOLD | --count N --seed S [--chain ID …]
 * [--split F]] [--concurrency C] [--api-key-env VAR] [--save PRED] [--timeout MS]
 * [--max-turns N] [--retries N] [--retry-delay MS] [--json] [--worst N]` runs the test cases
 * against an OpenAI-compatible chat-completions server, answering its tool calls with results
 * simulated from FILE's tools, and scores the transcripts (evalLive.ts).
 *
 * Exit 0 with the report; 1 when a file cannot be read or holds no test case; 130 after Ctrl-C
 * (the report covers the test cases that finished).
 */
export function evalCommand(args: string[], io: Io): number | Promise<number> {
  const { positionals, values } = parseArgs({
    args: joinNegativeNumbers(args, ['--count', '--seed', '--concurrency', '--timeout', '--max-turns', '--retries', '--retry-delay', '--worst']),
    allowPositionals: true,
    options: {
      gold: { type: 'string' },
      pred: { type: 'string' },
      json: { type: 'boolean' },
      worst: { type: 'string', default: '5' },
      endpoint: { type: 'string' },
      model: { type: 'string' },
      count: { type: 'string' },
      seed: { type: 'string', default: '1' },
      chain: { type: 'string', multiple: true },
      split: { type: 'string' },
      concurrency: { type: 'string', default: '4' },
      'api-key-env': { type: 'string' },
      save: { type: 'string' },
      timeout: { type: 'string', default: '60000' },
      'max-turns': { type: 'string', default: '8' },
      retries: { type: 'string', default: '2' },
      'retry-delay': { type: 'string', default: '1000' },
    },
  });
  if (positionals.length > 1) throw new UsageError(`expected at most one FILE, got ${positionals.length}`);
  const worst = wholeNumber('--worst', values.worst!, 0);
  const json = values.json === true;

  if (values.endpoint === undefined) {
    for (const live of ['model', 'save', 'api-key-env', 'split', 'chain', 'count'] as const)
      if (values[live] !== undefined) throw new UsageError(`--${live} goes with --endpoint (a live run)`);
    if (values.gold === undefined || values.pred === undefined)
      throw new UsageError('eval needs --gold GOLD and --pred PRED (or --endpoint URL --model NAME for a live run)');
    const cases = readGold(values.gold, io);
    if (!cases) return EXIT_INVALID;
    const text = readTextFile(values.pred, io);
    if (text === null) return EXIT_INVALID;
    const { predictions, problems } = parsePredictionLines(text);
    for (const p of problems.slice(0, 5)) io.stderr(`${values.pred}:${p.line}: ${p.message}\n`);
    if (problems.length > 5) io.stderr(`${values.pred}: … ${problems.length - 5} more unreadable lines\n`);
    printReport(cases, predictions, { json, worst }, io);
    return EXIT_OK;
  }

  if (positionals.length !== 1) throw new UsageError('a live run needs the project FILE (its tools simulate the results)');
  if (!values.model) throw new UsageError('a live run needs --model NAME');
  if (values.pred !== undefined) throw new UsageError('--pred scores a file of transcripts; a live run writes them with --save PRED');
  if (values.gold !== undefined && (values.split !== undefined || values.chain !== undefined))
    throw new UsageError('--gold gives the test cases: --split and --chain do not apply');
  const keyVar = values['api-key-env'];
  let apiKey: string | undefined;
  if (keyVar !== undefined) {
    apiKey = process.env[keyVar];
    if (!apiKey) throw new UsageError(`--api-key-env ${keyVar}: the environment variable ${keyVar} is not set`);
  }
  let split: number | undefined;
  if (values.split !== undefined) {
    split = Number(values.split);
    if (!/^\d*\.?\d+$/.test(values.split) || !(split > 0 && split < 1))
      throw new UsageError(`--split takes the test share, a number between 0 and 1 such as 0.2; got "${values.split}"`);
  }
  let url: URL;
  try {
    url = new URL(values.endpoint);
  } catch {
    throw new UsageError(`--endpoint takes a URL such as http://127.0.0.1:8000/v1, got "${values.endpoint}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--endpoint takes an http(s) URL, got "${values.endpoint}"`);
  const options: LiveOptions = {
    file: positionals[0],
    endpoint: url,
    model: values.model,
    apiKey,
    gold: values.gold,
    count: values.count === undefined ? undefined : wholeNumber('--count', values.count, 1),
    seed: wholeNumber('--seed', values.seed!, 0),
    chains: values.chain,
    split,
    concurrency: wholeNumber('--concurrency', values.concurrency!, 1),
    save: values.save,
    timeoutMs: wholeNumber('--timeout', values.timeout!, 1),
    maxTurns: wholeNumber('--max-turns', values['max-turns']!, 1),
    retries: wholeNumber('--retries', values.retries!, 0),
    retryDelayMs: wholeNumber('--retry-delay', values['retry-delay']!, 0),
    json,
    worst,
  };
  return runLive(options, io);
}

/** The test cases of a gold file; unreadable lines are named on stderr. Null (after saying why) when there is none. */
export function readGold(path: string, io: Io): GoldCase[] | null {
  const text = readTextFile(path, io);
  if (text === null) return null;
  const { cases, problems } = parseGoldLines(text);
  for (const p of problems.slice(0, 5)) io.stderr(`${path}:${p.line}: ${p.message}\n`);
  if (problems.length > 5) io.stderr(`${path}: … ${problems.length - 5} more lines that are not test cases\n`);
  if (!cases.length) {
    io.stderr(`${path}: no test case (make one with: chainwright generate PROJECT --format eval --count N --out ${path})\n`);
    return null;
  }
  return cases;
}

export function printReport(cases: GoldCase[], predictions: ReadonlyMap<string, Prediction>, options: { json: boolean; worst: number }, io: Io): void {
  const report = evaluate(cases, predictions, { worst: options.worst });
  if (options.json) io.stdout(`${JSON.stringify(reportJson(report), null, 2)}\n`);
  else io.stdout(formatReport(report));
}
