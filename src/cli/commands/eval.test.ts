import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliAsync, scratchDir } from '../testing.testutil.ts';
import { runLive, type LiveOptions } from './evalLive.ts';

const dir = scratchDir('eval');
const EXAMPLE = 'public/examples/task-reminders.chain.json';

type Json = Record<string, unknown>;
const lines = (path: string): Json[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Json);

describe('eval --gold --pred', () => {
  const gold = join(dir, 'tr.eval.jsonl');
  const openai = join(dir, 'tr.openai.jsonl');
  beforeAll(() => {
    for (const [format, out] of [
      ['eval', gold],
      ['openai', openai],
    ])
      expect(cli('generate', EXAMPLE, '--format', format, '--count', '8', '--seed', '2', '--out', out).code).toBe(0);
  });

  it('a perfect predictions file (the examples themselves) scores 100 % on every metric', () => {
    const pred = join(dir, 'perfect.jsonl');
    const cases = lines(gold);
    writeFileSync(
      pred,
      lines(openai)
        .map((r, k) => JSON.stringify({ id: cases[k].id, messages: r.messages }))
        .join('\n') + '\n',
    );
    const { code, stdout } = cli('eval', '--gold', gold, '--pred', pred, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Json;
    expect(report).toMatchObject({
      examples: 8,
      chain_completion: 1,
      dependency_accuracy: 1,
      dependency_violations: 0,
      node_f1: 1,
      edge_f1: 1,
      call_match: 1,
      synthesis: 1,
      loops: 1,
      missing_predictions: 0,
    });
    expect(Object.keys(report.by_pattern as Json)).toEqual(['loop']);
    expect(Object.keys(report.by_chain as Json)).toEqual(['remind-high-priority']);
    expect(report.worst).toEqual([]);
  });

  it('a broken one: the table says which targets are not met and lists the worst test cases', () => {
    const pred = join(dir, 'broken.jsonl');
    const cases = lines(gold);
    // Every transcript loses its final reply; the first test case has no prediction at all.
    writeFileSync(
      pred,
      lines(openai)
        .slice(1)
        .map((r, k) => JSON.stringify({ id: cases[k + 1].id, messages: (r.messages as unknown[]).slice(0, -1) }))
        .join('\n') + '\nnot json\n',
    );
    const { code, stdout, stderr } = cli('eval', '--gold', gold, '--pred', pred, '--worst', '2');
    expect(code).toBe(0);
    expect(stderr).toBe(`${pred}:8: not JSON\n`);
    expect(stdout).toContain('8 test cases (1 without a prediction, scored as empty)');
    expect(stdout).toMatch(/Chain completion\s+0\.0 %\s+> 90 %\s+NOT MET/);
    expect(stdout).toMatch(/Synthesis\s+0\.0 %\s+> 90 %\s+NOT MET/);
    expect(stdout).toContain('Worst test cases');
    expect(stdout).toContain('- no prediction for this test case');
    expect(stdout.match(/: score /g)).toHaveLength(2);
  });

  it('says how it is called', () => {
    expect(cli('eval', '--gold', gold).code).toBe(2);
    expect(cli('eval', '--gold', gold, '--pred', gold, '--model', 'm').stderr).toContain('--model goes with --endpoint');
    expect(cli('eval', '--gold', join(dir, 'nope.jsonl'), '--pred', gold).code).toBe(1);
    expect(cli('eval', EXAMPLE, '--endpoint', 'ftp://x', '--model', 'm').code).toBe(2);
  });
});

/*
 * Live runs. The server below stands in for a real model server (vLLM, llama.cpp, Ollama, a
 * hosted API): an OpenAI-compatible chat-completions endpoint on 127.0.0.1 that replays
 * scripted model turns. Its "model" reads the results it was given and makes the design's
 * calls (both first calls in one turn, a reminder per high-priority task, the prep task when
 * there is a meeting), then replies; each test adds faults: an answer that is not JSON, a
 * turn that comes too late, a bad argument, an unknown tool.
 */

/** A project whose results always hold 2–3 high-priority tasks and one meeting (so every run makes every kind of call). */
function liveProject(): string {
  const project = JSON.parse(readFileSync('public/examples/task-reminders.chain.json', 'utf8')) as Json;
  const tools = project.tools as { function: { name: string }; returns: Json }[];
  const tasks = (tools[0].returns.properties as Json).tasks as Json as { minItems: number; maxItems: number; items: { properties: { priority: Json } } };
  tasks.minItems = 2;
  tasks.maxItems = 3;
  tasks.items.properties.priority = { type: 'string', enum: ['high'] };
  const path = join(dir, 'live.chain.json');
  writeFileSync(path, JSON.stringify(project));
  return path;
}

type Message = { role: string; content?: string | null; tool_calls?: { id: string; function: { name: string; arguments: string } }[]; tool_call_id?: string };
type Reply = { status?: number; body?: string; delayMs?: number; message?: Json };

let calls = 0;
const callId = () => `call${String((calls += 1)).padStart(6, '0')}`;
const toolCall = (name: string, args: Json) => ({ id: callId(), type: 'function', function: { name, arguments: JSON.stringify(args) } });

/** The scripted model: the right calls for the results in the conversation so far. */
function scriptedTurn(messages: Message[], fault?: 'bad-argument' | 'unknown-tool'): Json {
  const turns = messages.filter((m) => m.role === 'assistant' && m.tool_calls);
  const results = new Map(messages.filter((m) => m.role === 'tool').map((m) => [m.tool_call_id!, JSON.parse(m.content!) as Json]));
  const time = /at (\d\d:\d\d)/.exec(messages.find((m) => m.role === 'user')!.content ?? '')?.[1] ?? '09:00';
  if (turns.length === 0) {
    return { role: 'assistant', content: null, tool_calls: [toolCall('list_tasks', { due_before: '2026-01-11' })] };
  }
  const failed = turns[turns.length - 1].tool_calls!.find((c) => c.function.name === 'create_reminder' && 'error' in (results.get(c.id) ?? {}));
  if (failed) {
    // Corrects the reminder that failed, in a turn of its own.
    const args = JSON.parse(failed.function.arguments) as Json;
    const list = results.get(turns[0].tool_calls![0].id) as { tasks: { task_id: string; due_date: string }[] };
    const task = list.tasks.find((t) => t.task_id === args.task_id)!;
    return { role: 'assistant', content: null, tool_calls: [toolCall('create_reminder', { ...args, remind_at: `${task.due_date}T${time}` })] };
  }
  if (turns.length === 1) {
    const list = results.get(turns[0].tool_calls![0].id) as { tasks: { task_id: string; title: string; due_date: string }[] };
    const reminders = list.tasks.map((t) => toolCall('create_reminder', { task_id: t.task_id, title: t.title, remind_at: `${t.due_date}T${time}` }));
    if (fault === 'bad-argument') reminders[0] = toolCall('create_reminder', { task_id: list.tasks[0].task_id, title: list.tasks[0].title });
    if (fault === 'unknown-tool') reminders.push(toolCall('delete_everything', {}));
    return { role: 'assistant', content: null, tool_calls: reminders };
  }
  const reminders = messages
    .filter((m) => m.role === 'tool')
    .map((m) => JSON.parse(m.content!) as Json)
    .filter((r) => typeof r.reminder_id === 'string');
  const list = results.get(turns[0].tool_calls![0].id) as { tasks: { title: string }[] };
  return {
    role: 'assistant',
    content: `You have ${list.tasks.length} tasks due this week. I set reminders at ${time} on the due day for the ${reminders.length} high-priority ones: ${reminders.map((r) => r.title).join(', ')}.`,
  };
}

let server: Server;
let endpoint: string;
/** What the server does with request number n (from 1): default the scripted turn. */
let script: (n: number, messages: Message[]) => Reply = (_n, messages) => ({ message: scriptedTurn(messages) });
let requests = 0;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      requests += 1;
      const parsed = JSON.parse(body) as { model: string; messages: Message[]; tools: unknown[] };
      const reply = script(requests, parsed.messages);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
        res.end(
          reply.body ??
            JSON.stringify({
              id: `cmpl-${requests}`,
              object: 'chat.completion',
              model: parsed.model,
              choices: [{ index: 0, message: reply.message, finish_reason: 'stop' }],
            }),
        );
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function liveArgs(extra: string[]): string[] {
  return ['eval', liveProject(), '--endpoint', endpoint, '--model', 'scripted', '--seed', '3', '--timeout', '300', '--retry-delay', '5', ...extra];
}

describe('eval --endpoint (against a scripted stand-in for a model server on 127.0.0.1)', () => {
  it('runs each test case to its reply: parallel calls, an answer that is not JSON and one that comes too late are retried', async () => {
    requests = 0;
    script = (n, messages) =>
      n === 1 ? { body: '<html>502 Bad Gateway</html>' } : n === 4 ? { delayMs: 1500, message: scriptedTurn(messages) } : { message: scriptedTurn(messages) };
    const save = join(dir, 'live.pred.jsonl');
    const { code, stdout, stderr } = await cliAsync(...liveArgs(['--count', '3', '--concurrency', '1', '--save', save, '--json']));
    expect(stderr).toMatch(/^ran 3 test cases against http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions \(model scripted\) in [\d.]+ s; transcripts in /);
    expect(code).toBe(0);
    // 3 test cases × 3 model turns, plus the two retried requests.
    expect(requests).toBe(11);
    const saved = lines(save);
    expect(saved).toHaveLength(3);
    for (const p of saved) {
      expect(p).not.toHaveProperty('error');
      const msgs = p.messages as Message[];
      expect(msgs[msgs.length - 1]).toMatchObject({ role: 'assistant', content: expect.stringContaining('high-priority ones') });
      // The reminders came together in one turn; every call was answered with a simulated result.
      expect(msgs.filter((m) => m.tool_calls).map((m) => m.tool_calls!.length)[1]).toBeGreaterThanOrEqual(2);
      for (const m of msgs.filter((x) => x.role === 'tool')) expect(JSON.parse(m.content!)).not.toHaveProperty('error');
    }
    const report = JSON.parse(stdout) as Json;
    expect(report).toMatchObject({
      examples: 3,
      chain_completion: 1,
      dependency_accuracy: 1,
      parallel_recognition: 1,
      over_serialization: 0,
      dependency_violations: 0,
      call_match: 1,
      synthesis: 1,
      loops: 1,
    });
  });

  it('a bad argument and an unknown tool get error results; the model corrects the call and the run goes on', async () => {
    requests = 0;
    script = (n, messages) => ({ message: scriptedTurn(messages, n === 2 ? 'bad-argument' : undefined) });
    const save = join(dir, 'bad.pred.jsonl');
    const { code, stdout } = await cliAsync(...liveArgs(['--count', '1', '--save', save, '--json']));
    expect(code).toBe(0);
    const msgs = lines(save)[0].messages as Message[];
    const errors = msgs
      .filter((m) => m.role === 'tool' && m.content!.includes('"error"'))
      .map((m) => JSON.parse(m.content!) as { error: { code: string; message: string } });
    expect(errors).toEqual([{ error: { code: 'invalid_arguments', message: 'arguments is missing the required field "remind_at"' } }]);
    const report = JSON.parse(stdout) as Json;
    // The corrected call is the reminder; the bad one is an extra call of the fan-out.
    expect(report).toMatchObject({ chain_completion: 1, dependency_accuracy: 1, loops: 0 });
    expect((report.worst as { problems: { kind: string }[] }[])[0].problems.map((p) => p.kind)).toEqual(
      expect.arrayContaining(['extra-call', 'fan-out-count']),
    );

    requests = 0;
    script = (n, messages) => ({ message: scriptedTurn(messages, n === 2 ? 'unknown-tool' : undefined) });
    const unknown = join(dir, 'unknown.pred.jsonl');
    expect((await cliAsync(...liveArgs(['--count', '1', '--save', unknown]))).code).toBe(0);
    const answered = (lines(unknown)[0].messages as Message[]).filter((m) => m.role === 'tool').map((m) => JSON.parse(m.content!) as Json);
    expect(answered).toContainEqual({
      error: { code: 'unknown_tool', message: 'there is no tool named "delete_everything" (tools: list_tasks, create_reminder)' },
    });
  });

  it('a server that never answers in JSON: the test case stops with its error, saved and scored', async () => {
    requests = 0;
    script = () => ({ status: 200, body: 'not json at all' });
    const save = join(dir, 'broken.pred.jsonl');
    const { code, stdout, stderr } = await cliAsync(...liveArgs(['--count', '1', '--retries', '1', '--save', save, '--json']));
    expect(code).toBe(0);
    expect(requests).toBe(2);
    expect(stderr).toContain('1 stopped early (saved with their error)');
    expect(lines(save)[0].error).toBe('the answer is not JSON: "not json at all" (after 2 attempts)');
    expect(JSON.parse(stdout)).toMatchObject({ examples: 1, chain_completion: 0 });
  });

  it('Ctrl-C keeps what finished: the finished test cases are saved and scored, exit 130', async () => {
    requests = 0;
    const stop = new AbortController();
    // The first test case runs to its reply; the next request is cut off.
    script = (n, messages) => {
      if (n === 4) stop.abort();
      return { delayMs: n === 4 ? 200 : 0, message: scriptedTurn(messages) };
    };
    const save = join(dir, 'stopped.pred.jsonl');
    let stdout = '';
    let stderr = '';
    const options: LiveOptions = {
      file: liveProject(),
      endpoint: new URL(endpoint),
      model: 'scripted',
      count: 3,
      seed: 3,
      concurrency: 1,
      save,
      timeoutMs: 2000,
      maxTurns: 8,
      retries: 0,
      retryDelayMs: 0,
      json: true,
      worst: 5,
    };
    const code = await runLive(options, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { signal: stop.signal });
    expect(code).toBe(130);
    expect(stderr).toMatch(/^interrupted: 1 of 3 test cases finished/);
    expect(lines(save)).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({ examples: 1, chain_completion: 1 });
  });
});
