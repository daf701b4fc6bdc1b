import { closeSync, openSync, writeSync } from 'node:fs';
import type { Project } from '../../core/index.ts';
import { LiveConversation, ModelAnswerError, prepareDataset, ToolAnswerer, type GoldCase, type Prediction, type Selection } from '../../core/generation.ts';
import { EXIT_INVALID, EXIT_OK, loadProject, printFindings, type Io } from '../shared.ts';
import { printReport, readGold } from './eval.ts';

/**
 * `eval FILE --endpoint URL --model NAME …`: a live run (docs/evaluation.md, "Live runs").
 * Each test case is a conversation with an OpenAI-compatible chat-completions server, through
 * Node's own fetch: the prompt and the tools go out, every tool call the model makes is
 * answered with a result simulated from FILE's tools (core: LiveConversation, ToolAnswerer),
 * until the model replies in text or the turn limit is reached. Requests that time out, fail
 * with 408, 429 or 5xx, or answer with something that is not a chat completion are retried
 * with a growing delay. A progress line is drawn on a terminal's stderr. Ctrl-C stops at once:
 * the test cases that finished are saved (each is written to --save as soon as it finishes)
 * and scored.
 */

export interface LiveOptions {
  file: string;
  endpoint: URL;
  model: string;
  apiKey?: string;
  /** Test cases from a gold file, or made from the project (count, seed, chains, split). */
  gold?: string;
  /** Test cases to run (default: all of the gold file's, or 20 made from the project). */
  count?: number;
  seed: number;
  chains?: string[];
  split?: number;
  concurrency: number;
  save?: string;
  timeoutMs: number;
  maxTurns: number;
  retries: number;
  retryDelayMs: number;
  json: boolean;
  worst: number;
}

/** What a test passes instead of Ctrl-C. */
export interface LiveControl {
  signal?: AbortSignal;
}

/** A failure of one request: `retry` when another attempt may succeed. */
class RequestError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

/** The chat-completions URL: the endpoint as given when it names it, else `…/chat/completions` below it. */
export function completionsUrl(endpoint: URL): URL {
  if (/\/chat\/completions\/?$/.test(endpoint.pathname)) return endpoint;
  const url = new URL(endpoint.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/chat/completions`;
  return url;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** One chat completion: the assistant message of its first choice. */
async function complete(url: URL, body: unknown, options: LiveOptions, stop: AbortSignal): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  let last = '';
  for (let attempt = 0; attempt <= options.retries; attempt += 1) {
    if (stop.aborted) throw new RequestError('stopped', false);
    if (attempt > 0) await sleep(options.retryDelayMs * 2 ** (attempt - 1), stop);
    if (stop.aborted) throw new RequestError('stopped', false);
    try {
      return await attemptOnce(url, headers, body, options.timeoutMs, stop);
    } catch (e) {
      if (stop.aborted) throw new RequestError('stopped', false);
      const err = e instanceof RequestError ? e : new RequestError(e instanceof Error ? e.message : String(e), true);
      last = err.message;
      if (!err.retry) throw err;
    }
  }
  throw new RequestError(`${last} (after ${options.retries + 1} attempt${options.retries ? 's' : ''})`, false);
}

async function attemptOnce(url: URL, headers: Record<string, string>, body: unknown, timeoutMs: number, stop: AbortSignal): Promise<unknown> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const onStop = () => timeout.abort();
  stop.addEventListener('abort', onStop, { once: true });
  let text: string;
  let status: number;
  try {
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: timeout.signal });
    status = response.status;
    text = await response.text();
  } catch (e) {
    if (timeout.signal.aborted && !stop.aborted) throw new RequestError(`no answer within ${timeoutMs} ms`, true);
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new RequestError(`cannot reach ${url.origin}: ${cause?.code ?? cause?.message ?? (e as Error).message}`, true);
  } finally {
    clearTimeout(timer);
    stop.removeEventListener('abort', onStop);
  }
  if (status !== 200) {
    const retry = status === 408 || status === 429 || status >= 500;
    throw new RequestError(`HTTP ${status}: ${text.slice(0, 200).replace(/\s+/g, ' ').trim()}`, retry);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RequestError(`the answer is not JSON: ${JSON.stringify(text.slice(0, 60))}`, true);
  }
  const choices = (json as { choices?: unknown }).choices;
  const message = Array.isArray(choices) ? (choices[0] as { message?: unknown } | undefined)?.message : undefined;
  if (message === undefined || message === null || typeof message !== 'object')
    throw new RequestError('the answer is not a chat completion (no choices[0].message)', true);
  return message;
}

/** The test cases of the run: a gold file's, or made from the project as `generate --format eval` would. */
function testCases(project: Project, options: LiveOptions, io: Io): GoldCase[] | null {
  if (options.gold !== undefined) {
    const cases = readGold(options.gold, io);
    return cases ? cases.slice(0, options.count ?? cases.length) : null;
  }
  const selection: Selection = { kind: 'even', total: options.count ?? 20, chains: options.chains };
  const spec = options.split !== undefined ? { split: { fraction: options.split, by: 'template' as const } } : {};
  const prepared = prepareDataset({ project, format: 'eval', seed: options.seed, selection, ...spec });
  if (!prepared.ok) {
    printFindings(options.file, prepared.diagnostics, io.stderr);
    return null;
  }
  const file = options.split !== undefined ? 'test' : 'train';
  const cases: GoldCase[] = [];
  for (const chunk of prepared.run.chunks()) {
    if (chunk.kind === 'error') {
      io.stderr(`${options.file}: ${chunk.error.message}\n`);
      return null;
    }
    if (chunk.file === file) for (const line of chunk.texts) cases.push(JSON.parse(line) as GoldCase);
  }
  if (!cases.length) {
    io.stderr(`${options.file}: no test case to run${options.split !== undefined ? ' (the split gave the test side none: raise --count or --split)' : ''}\n`);
    return null;
  }
  return cases;
}

export async function runLive(options: LiveOptions, io: Io, control: LiveControl = {}): Promise<number> {
  const loaded = loadProject(options.file, io);
  if (!loaded) return EXIT_INVALID;
  const cases = testCases(loaded.project, options, io);
  if (!cases) return EXIT_INVALID;
  const url = completionsUrl(options.endpoint);
  const answerer = new ToolAnswerer(loaded.project, options.seed);

  // Ctrl-C (or the test's signal): stop at once, keep what finished.
  const stop = new AbortController();
  const onSigint = () => stop.abort();
  const external = control.signal;
  if (external) {
    if (external.aborted) stop.abort();
    else external.addEventListener('abort', onSigint, { once: true });
  } else process.once('SIGINT', onSigint);

  let saveFd: number | undefined;
  if (options.save !== undefined) {
    try {
      saveFd = openSync(options.save, 'w');
    } catch (e) {
      io.stderr(`${options.save}: cannot write: ${(e as Error).message}\n`);
      if (!external) process.removeListener('SIGINT', onSigint);
      return EXIT_INVALID;
    }
  }

  const finished = new Map<string, Prediction>();
  const started = Date.now();
  let next = 0;
  let running = 0;
  let failed = 0;
  let drawn = false;
  const progress = () => {
    if (!io.stderrIsTTY) return;
    const seconds = Math.round((Date.now() - started) / 1000);
    io.stderr(`\reval: ${finished.size}/${cases.length} test cases · ${running} running · ${failed} failed · ${seconds} s   `);
    drawn = true;
  };

  const runCase = async (gc: GoldCase): Promise<void> => {
    const conversation = new LiveConversation(gc, answerer, options.maxTurns);
    let error: string | undefined;
    for (;;) {
      let message: unknown;
      try {
        message = await complete(url, { model: options.model, messages: conversation.messages, tools: gc.tools, temperature: 0 }, options, stop.signal);
      } catch (e) {
        if (stop.signal.aborted) return;
        error = (e as Error).message;
        break;
      }
      try {
        const step = conversation.receive(message);
        if (!step.done) continue;
        if (step.reason === 'turn-limit') error = `the turn limit (${options.maxTurns}) was reached`;
        break;
      } catch (e) {
        if (!(e instanceof ModelAnswerError)) throw e;
        error = e.message;
        break;
      }
    }
    if (stop.signal.aborted) return;
    const prediction = conversation.prediction(error);
    if (error !== undefined) failed += 1;
    finished.set(gc.id, prediction);
    if (saveFd !== undefined) writeSync(saveFd, `${JSON.stringify(prediction)}\n`);
  };

  const worker = async (): Promise<void> => {
    while (!stop.signal.aborted && next < cases.length) {
      const gc = cases[next];
      next += 1;
      running += 1;
      progress();
      try {
        await runCase(gc);
      } finally {
        running -= 1;
        progress();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, cases.length) }, () => worker()));
  } finally {
    if (external) external.removeEventListener('abort', onSigint);
    else process.removeListener('SIGINT', onSigint);
    if (saveFd !== undefined) closeSync(saveFd);
    if (drawn) io.stderr('\r\x1b[2K');
  }

  const interrupted = stop.signal.aborted;
  const done = cases.filter((gc) => finished.has(gc.id));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.stderr(
    `${interrupted ? `interrupted: ${done.length} of ${cases.length} test cases finished` : `ran ${cases.length} test case${cases.length === 1 ? '' : 's'}`} against ${url.href} (model ${options.model}) in ${seconds} s` +
      `${failed ? `; ${failed} stopped early (saved with their error)` : ''}${options.save !== undefined ? `; transcripts in ${options.save}` : ''}\n`,
  );
  if (done.length) printReport(done, finished, { json: options.json, worst: options.worst }, io);
  return interrupted ? 130 : EXIT_OK;
}
