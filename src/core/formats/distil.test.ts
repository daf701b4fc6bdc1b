import { describe, expect, it } from 'vitest';
import { createGenerator } from '../generate/example.ts';
import { isCallsMessage } from '../generate/types.ts';
import type { Project } from '../project/types.ts';
import { miniProject } from '../testing/fixtures.ts';
import {
  checkDistilBundle,
  checkDistilLine,
  checkDistilRecord,
  DistilShapeError,
  distilBundleFiles,
  distilReadiness,
  readDistilRecord,
  toDistilLines,
  toDistilRecords,
  type DistilRecord,
} from './distil.ts';
import { allChains, exampleOf, generatorFor, multiTurnChain, parallelChain, project } from './formats.testutil.ts';
import { distilFormat, formatContext } from './registry.ts';
import { openAITools, type OpenAITool } from '../tools/openAITools.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit arbitrary places of a written record
type Doc = Record<string, any>;

const readyChains = allChains.filter((r) => !distilReadiness(project(r.name), r.chainId).some((d) => d.severity === 'error'));
const tools = openAITools(project(multiTurnChain.name));

/** A design with a parallel level whose every call has its own request. */
function parallelStepsProject(): Project {
  const p = miniProject();
  const chain = p.chains[0];
  chain.requests = undefined;
  chain.calls.push({ id: 'task2', tool: 'create_task', args: { project_id: '{project.project_id}', title: 'Kick-off' } });
  chain.calls[0].requests = ['Create a project called {name}.'];
  chain.calls[1].requests = ['Add the task "{title}" to it.'];
  chain.calls[2].requests = ['And a kick-off task.'];
  return p;
}

describe('distilReadiness', () => {
  it('refuses a chain without per-step requests, naming each call and saying what to add', () => {
    const d = distilReadiness(project(parallelChain.name), parallelChain.chainId).filter((x) => x.severity === 'error');
    expect(d.map((x) => x.code)).toEqual(['distil-no-step-request', 'distil-no-step-request', 'distil-no-step-request', 'distil-no-step-request']);
    expect(d[0].path).toBe('$.chains[0].calls[0].requests');
    expect(d[0].message).toMatch(/add "requests" to call "rooms"/);
  });

  it('needs a system prompt for the task description', () => {
    const p = parallelStepsProject();
    delete p.systemPrompt;
    expect(distilReadiness(p, 'plan').map((x) => `${x.severity} ${x.code} @ ${x.path}`)).toContain('error distil-no-task-description @ $.systemPrompt');
  });

  it('accepts parallel levels with a warning: they are written one call per turn, in a valid order', () => {
    const p = parallelStepsProject();
    const d = distilReadiness(p, 'plan');
    expect(d.map((x) => `${x.severity} ${x.code}`)).toEqual(['warning distil-serialized']);
    expect(d[0].message).toMatch(/"task", "task2"/);
    const made = createGenerator(p, 'plan', { serializeParallel: true });
    if (!made.ok) throw new Error('expected a generator');
    const lines = toDistilLines(made.generator.example(1, 0));
    const answers = lines.map((l) => readDistilRecord(JSON.parse(l) as DistilRecord).answer.name);
    expect(answers).toEqual(['create_project', 'create_task', 'create_task']);
    for (const line of lines) expect(checkDistilLine(line, { tools: openAITools(p) })).toEqual([]);
  });
});

describe('toDistilRecords', () => {
  it('one line per call: question = the conversation so far (stringified), answer = the next call', () => {
    const e = exampleOf(multiTurnChain);
    const calls = e.messages.filter(isCallsMessage).map((m) => m.calls[0]);
    const users = e.messages.filter((m) => m.role === 'user').map((m) => m.text);
    const records = toDistilRecords(e);
    expect(records).toHaveLength(calls.length);
    records.forEach((r, k) => {
      expect(typeof r.question).toBe('string');
      expect(typeof r.answer).toBe('string');
      const { question, answer } = readDistilRecord(r);
      expect(question).toHaveLength(2 * k + 1);
      expect(question.filter((t) => t.role === 'user').map((t) => t.content)).toEqual(users.slice(0, k + 1));
      expect(question.filter((t) => t.role === 'assistant').map((t) => ('tool_calls' in t ? t.tool_calls : undefined))).toEqual(
        calls.slice(0, k).map((c) => [{ type: 'function', function: { name: c.tool, arguments: c.args } }]),
      );
      expect(answer).toEqual({ name: calls[k].tool, parameters: calls[k].args });
    });
  });

  it('writes JSON text as the seed shows it (json.dumps spacing, assistant content "")', () => {
    const [line] = toDistilLines(exampleOf(multiTurnChain));
    expect(line).toMatch(
      /^\{"question": "\[\{\\"role\\": \\"user\\", \\"content\\": \\"[^"]+\\"\}\]", "answer": "\{\\"name\\": \\"[a-z_]+\\", \\"parameters\\": \{/,
    );
    const second = toDistilLines(exampleOf(multiTurnChain))[1];
    expect(second).toContain(
      '{\\"role\\": \\"assistant\\", \\"content\\": \\"\\", \\"tool_calls\\": [{\\"type\\": \\"function\\", \\"function\\": {\\"name\\": ',
    );
  });

  it('a chain the readiness check refused cannot be written', () => {
    expect(() => toDistilRecords(exampleOf(parallelChain))).toThrow(DistilShapeError);
  });

  it('every ready chain: generated through the registry, every line passes', () => {
    expect(readyChains.length).toBeGreaterThan(0);
    for (const ref of readyChains) {
      const context = formatContext(project(ref.name), { serialized: true });
      const g = generatorFor(ref, { serializeParallel: true });
      for (let i = 0; i < 50; i += 1)
        for (const line of distilFormat.write(g.example(3, i), context)) expect(distilFormat.check(line, context.tools)).toEqual([]);
    }
  });
});

describe('checkDistilRecord', () => {
  it('accepts a line of the seed (file-system navigation)', () => {
    const seedTools: OpenAITool[] = [
      {
        type: 'function',
        function: {
          name: 'ls',
          description: 'List the contents of the current directory.',
          parameters: { type: 'object', properties: { a: { type: 'boolean', default: false } }, required: [] },
        },
      },
      {
        type: 'function',
        function: {
          name: 'cd',
          description: 'Change the current working directory.',
          parameters: { type: 'object', properties: { folder: { type: 'string' } }, required: ['folder'] },
        },
      },
      {
        type: 'function',
        function: {
          name: 'touch',
          description: 'Create a new file.',
          parameters: { type: 'object', properties: { file_name: { type: 'string' } }, required: ['file_name'] },
        },
      },
    ];
    const seedLine =
      '{"question": "[{\\"role\\": \\"user\\", \\"content\\": \\"Show me all files here including hidden ones.\\"}, {\\"role\\": \\"assistant\\", \\"content\\": \\"\\", \\"tool_calls\\": [{\\"type\\": \\"function\\", \\"function\\": {\\"name\\": \\"ls\\", \\"arguments\\": {\\"a\\": true}}}]}, {\\"role\\": \\"user\\", \\"content\\": \\"Change directory to research.\\"}, {\\"role\\": \\"assistant\\", \\"content\\": \\"\\", \\"tool_calls\\": [{\\"type\\": \\"function\\", \\"function\\": {\\"name\\": \\"cd\\", \\"arguments\\": {\\"folder\\": \\"research\\"}}}]}, {\\"role\\": \\"user\\", \\"content\\": \\"Create a file called experiment_log.txt.\\"}]", "answer": "{\\"name\\": \\"touch\\", \\"parameters\\": {\\"file_name\\": \\"experiment_log.txt\\"}}"}';
    expect(checkDistilLine(seedLine, { tools: seedTools })).toEqual([]);
  });

  const written = (): Doc => {
    const r = toDistilRecords(exampleOf(multiTurnChain))[2];
    return { question: JSON.parse(r.question), answer: JSON.parse(r.answer) };
  };
  /** Edits the decoded question/answer, then stringifies them again as a line holds them. */
  const broken = (edit: (r: Doc) => void, raw?: (line: Doc) => void) => {
    const r = written();
    edit(r);
    const line: Doc = { question: JSON.stringify(r.question), answer: JSON.stringify(r.answer) };
    raw?.(line);
    return checkDistilRecord(line, { tools }).map((f) => `${f.code} @ ${f.path}`);
  };
  const none = () => {};
  const cases: [string, (r: Doc) => void, string, ((line: Doc) => void)?][] = [
    ['question-not-string', none, '$.question', (l) => (l.question = JSON.parse(l.question))],
    ['question-not-json', none, '$.question', (l) => (l.question = '[{"role": "user"')],
    ['question-not-list', (r) => (r.question = {}), '$.question'],
    ['turn-not-object', (r) => (r.question[1] = 'ls'), '$.question[1]'],
    ['bad-role', (r) => (r.question[1].role = 'tool'), '$.question[1].role'],
    ['first-not-user', (r) => r.question.splice(0, 1), '$.question[0].role'],
    ['roles-not-alternating', (r) => r.question.splice(1, 1), '$.question[1].role'],
    ['last-not-user', (r) => r.question.pop(), '$.question[3]'],
    ['content-not-string', (r) => (r.question[2].content = ''), '$.question[2].content'],
    ['one-call-per-turn', (r) => r.question[1].tool_calls.push(r.question[3].tool_calls[0]), '$.question[1].tool_calls'],
    ['bad-tool-call', (r) => (r.question[1].tool_calls[0] = { name: 'ls', arguments: {} }), '$.question[1].tool_calls[0]'],
    ['undeclared-tool', (r) => (r.question[1].tool_calls[0].function.name = 'dir'), '$.question[1].tool_calls[0].function.name'],
    ['arguments-not-object', (r) => (r.question[3].tool_calls[0].function.arguments = '{}'), '$.question[3].tool_calls[0].function.arguments'],
    ['arguments-schema', (r) => (r.question[3].tool_calls[0].function.arguments = { folder: 7 }), '$.question[3].tool_calls[0].function.arguments'],
    ['answer-not-string', none, '$.answer', (l) => (l.answer = JSON.parse(l.answer))],
    ['answer-not-json', none, '$.answer', (l) => (l.answer = 'ls()')],
    ['answer-shape', (r) => (r.answer = { name: r.answer.name, arguments: r.answer.parameters }), '$.answer'],
    ['undeclared-tool', (r) => (r.answer.name = 'dir'), '$.answer.name'],
    ['arguments-schema', (r) => (r.answer = { name: 'cd', parameters: {} }), '$.answer.parameters'],
  ];
  it.each(cases.map(([rule, edit, path, raw]) => [rule, path, edit, raw] as const))('%s @ %s', (rule, path, edit, raw) => {
    expect(broken(edit, raw)).toContain(`${rule} @ ${path}`);
  });

  it('a line that is not JSON or not an object', () => {
    expect(checkDistilLine('{"question": ')[0].code).toBe('not-json');
    expect(checkDistilRecord([])[0].code).toBe('not-an-object');
  });
});

describe('the distil bundle', () => {
  const bundle = () => {
    const p = project(multiTurnChain.name);
    const context = formatContext(p, { serialized: true });
    const layout = distilFormat.bundle!(context);
    const g = generatorFor(multiTurnChain, { serializeParallel: true });
    const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => distilFormat.write(g.example(1, from + k), context)).flat();
    return { ...layout.files, [layout.splitFiles.train]: `${lines(0, 8).join('\n')}\n`, [layout.splitFiles.test]: `${lines(8, 10).join('\n')}\n` } as Record<
      string,
      string
    >;
  };

  it('holds job_description.json, config.yaml, train.jsonl and test.jsonl, and passes its check', () => {
    const files = bundle();
    expect(Object.keys(files).sort()).toEqual(['config.yaml', 'job_description.json', 'test.jsonl', 'train.jsonl']);
    expect(files['config.yaml']).toBe('base:\n  task: multi-turn-tool-calling-closed-book\n');
    const job = JSON.parse(files['job_description.json']);
    expect(Object.keys(job)).toEqual(['task_description', 'tools']);
    expect(job.task_description).toBe(project(multiTurnChain.name).systemPrompt);
    expect(job.tools).toEqual(tools);
    const checked = checkDistilBundle(files);
    expect(checked.findings).toEqual([]);
    expect(checked.tools).toEqual(tools);
  });

  it('names the file, line and rule of what is wrong', () => {
    const files = bundle();
    delete files['test.jsonl'];
    files['config.yaml'] = 'base:\n  task: tool-calling-closed-book\n';
    files['train.jsonl'] = files['train.jsonl'].replace('\\"parameters\\"', '\\"arguments\\"');
    const found = checkDistilBundle(files).findings.map((f) => `${f.file}${f.line ? `:${f.line}` : ''} ${f.code} @ ${f.path}`);
    expect(found).toEqual(['test.jsonl missing-file @ $', 'config.yaml config-task @ $.base.task', 'train.jsonl:1 answer-shape @ $.answer']);
    const job = JSON.parse(distilBundleFiles(project(multiTurnChain.name), tools)['job_description.json']);
    job.task_description = '';
    job.tools[0] = { name: 'ls' };
    const jobFound = checkDistilBundle({ ...bundle(), 'job_description.json': JSON.stringify(job) }).findings.map((f) => `${f.code} @ ${f.path}`);
    expect(jobFound).toEqual(expect.arrayContaining(['task-description @ $.task_description', 'tool-definition @ $.tools[0]']));
    expect(checkDistilBundle({ ...bundle(), 'job_description.json': '{' }).findings[0].code).toBe('not-json');
  });
});
