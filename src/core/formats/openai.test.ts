import { describe, expect, it } from 'vitest';
import { exampleTexts, loadExample } from '../testing/fixtures.ts';
import { createGenerator } from '../generate/example.ts';
import { checkOpenAILine, checkOpenAIRecord, toOpenAILine, toOpenAIRecord, type OpenAIRecord } from './openai.ts';
import { openAITools } from '../tools/openAITools.ts';

function record(name = 'room-booking', index = 0, options = {}): OpenAIRecord {
  const project = loadExample(name);
  const made = createGenerator(project, project.chains[0].id, options);
  if (!made.ok) throw new Error('expected a generator');
  return toOpenAIRecord(made.generator.example(1, index), project, options);
}

const rules = (r: unknown) => checkOpenAIRecord(r).map((f) => `${f.code} @ ${f.path}`);

describe('toOpenAIRecord', () => {
  it('writes messages, tools and parallel_tool_calls, arguments as JSON strings', () => {
    const r = record();
    expect(Object.keys(r)).toEqual(['messages', 'tools', 'parallel_tool_calls']);
    expect(r.parallel_tool_calls).toBe(true);
    const first = r.messages.find((m) => m.role === 'assistant')!;
    expect(first.role === 'assistant' && first.content).toBeNull();
    const calls = first.role === 'assistant' ? first.tool_calls! : [];
    expect(calls).toHaveLength(2);
    expect(typeof calls[0].function.arguments).toBe('string');
    expect(JSON.parse(calls[0].function.arguments)).toHaveProperty('date');
    // Chainwright's own tool keys are not exported.
    expect(r.tools![0]).toEqual({ type: 'function', function: expect.objectContaining({ name: 'find_available_rooms' }) });
    expect(r.tools![0]).not.toHaveProperty('returns');
  });

  it('declares parallel_tool_calls false when turns are serialised', () => {
    const project = loadExample('room-booking');
    const made = createGenerator(project, project.chains[0].id, { serializeParallel: true });
    const r = made.ok ? toOpenAIRecord(made.generator.example(1, 0), project, { serialized: true }) : null;
    expect(r?.parallel_tool_calls).toBe(false);
    expect(rules(r)).toEqual([]);
  });

  it('every line of every example chain passes the checker (thousands of examples)', () => {
    let lines = 0;
    for (const name of Object.keys(exampleTexts)) {
      const project = loadExample(name);
      const tools = openAITools(project);
      for (const chain of project.chains) {
        const made = createGenerator(project, chain.id);
        if (!made.ok) throw new Error(`${name}/${chain.id}`);
        for (let i = 0; i < 600; i += 1) {
          const line = toOpenAILine(made.generator.example(5, i), project, { tools });
          expect(checkOpenAILine(line), `${name}/${chain.id} #${i}`).toEqual([]);
          lines += 1;
        }
      }
    }
    expect(lines).toBeGreaterThanOrEqual(3000);
  });
});

describe('checkOpenAIRecord rejects the classic mistakes', () => {
  const broken = (edit: (r: OpenAIRecord & { messages: Record<string, unknown>[] }) => void) => {
    const r = structuredClone(record()) as OpenAIRecord & { messages: Record<string, unknown>[] };
    edit(r);
    return rules(r);
  };
  const callsOf = (m: Record<string, unknown>) => m.tool_calls as { id: string; function: { name: string; arguments: unknown } }[];

  it('arguments written as an object instead of a JSON string', () => {
    expect(
      broken((r) => {
        const c = callsOf(r.messages[2])[0];
        c.function.arguments = JSON.parse(c.function.arguments as string);
      }),
    ).toEqual(['arguments-not-string @ $.messages[2].tool_calls[0].function.arguments']);
  });

  it('a call that is never answered', () => {
    expect(broken((r) => r.messages.splice(4, 1))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^unanswered-call @ \$\.messages\[2\]\.tool_calls\[1\]/)]),
    );
  });

  it('an answer to an unknown id', () => {
    expect(
      broken((r) => {
        r.messages[3].tool_call_id = 'ZZZZZZZZZ';
      }),
    ).toContain('unknown-tool-call-id @ $.messages[3].tool_call_id');
  });

  it('an undeclared tool', () => {
    expect(
      broken((r) => {
        callsOf(r.messages[2])[0].function.name = 'find_rooms';
      }),
    ).toContain('undeclared-tool @ $.messages[2].tool_calls[0].function.name');
  });

  it('arguments that break the parameter schema', () => {
    const found = broken((r) => {
      callsOf(r.messages[2])[0].function.arguments = '{"date": 20260113}';
    });
    expect(found).toEqual(['arguments-schema @ $.messages[2].tool_calls[0].function.arguments']);
    expect(
      broken((r) => {
        callsOf(r.messages[2])[0].function.arguments = '{}';
      })[0],
    ).toMatch(/^arguments-schema/);
  });

  it('tool content that is not a string, a duplicated id, a missing final reply', () => {
    expect(
      broken((r) => {
        (r.messages[3] as Record<string, unknown>).content = { ok: true };
      }),
    ).toContain('tool-content-not-string @ $.messages[3].content');
    expect(
      broken((r) => {
        callsOf(r.messages[2])[1].id = callsOf(r.messages[2])[0].id;
      }),
    ).toContain('duplicate-call-id @ $.messages[2].tool_calls[1].id');
    expect(broken((r) => r.messages.pop())).toContain(`no-final-reply @ $.messages[${record().messages.length - 2}]`);
  });

  it('two calls in one message when parallel_tool_calls is false', () => {
    expect(
      broken((r) => {
        r.parallel_tool_calls = false;
      }),
    ).toEqual(['parallel-disallowed @ $.messages[2].tool_calls']);
  });

  it('a line that is not JSON, or not an object', () => {
    expect(checkOpenAILine('{"messages": [')[0].code).toBe('not-json');
    expect(checkOpenAIRecord([1])[0].code).toBe('not-an-object');
  });
});
