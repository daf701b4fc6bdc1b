import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../project/types.ts';
import { exampleTexts, loadExample, miniProject } from '../testing/fixtures.ts';
import { parseTemplate } from '../refs/parse.ts';
import { resolvePath } from '../refs/resolve.ts';
import { checkAgainstSchema } from '../validate/schemaValidator.ts';
import { createGenerator } from './example.ts';
import { isCallsMessage, isReplyMessage, type Example } from './types.ts';

function generator(name: string, chainId?: string, options = {}) {
  const project = loadExample(name);
  const made = createGenerator(project, chainId ?? project.chains[0].id, options);
  if (!made.ok) throw new Error(made.diagnostics.map((d) => d.message).join('\n'));
  return { project, generator: made.generator };
}

const allChains = Object.keys(exampleTexts).flatMap((name) => loadExample(name).chains.map((c) => ({ name, chainId: c.id })));

describe('createGenerator', () => {
  it('refuses a chain with errors, with the diagnostics', () => {
    const p = miniProject();
    p.chains[0].calls[1].tool = 'nope';
    const made = createGenerator(p, 'plan');
    expect(made.ok).toBe(false);
    expect(!made.ok && made.diagnostics.map((d) => d.code)).toContain('unknown-tool');
    expect(createGenerator(p, 'ghost').ok).toBe(false);
  });
});

describe('examples', () => {
  it('room-booking: two parallel reads, then book, then invite, then the reply', () => {
    const { generator: g } = generator('room-booking');
    const ex = g.example(1, 0);
    const shape = ex.messages.map((m) =>
      m.role === 'user' ? 'user' : m.role === 'tool' ? `tool:${m.callId}` : isCallsMessage(m) ? `calls:${m.calls.map((c) => c.callId).join('+')}` : 'reply',
    );
    expect(shape).toEqual(['user', 'calls:rooms+team', 'tool:rooms', 'tool:team', 'calls:book', 'tool:book', 'calls:invite', 'tool:invite', 'reply']);
    expect(ex.system).toBeTruthy();
  });

  it('example i is a pure function of (project, chain, seed, i): any one can be made alone', () => {
    const a = generator('room-booking').generator;
    const b = generator('room-booking').generator;
    const inOrder = [0, 1, 2, 3, 4, 5].map((i) => a.example(7, i));
    expect(b.example(7, 5)).toEqual(inOrder[5]);
    expect(b.example(7, 2)).toEqual(inOrder[2]);
    expect(a.example(7, 0)).toEqual(inOrder[0]);
    expect(a.example(8, 0)).not.toEqual(inOrder[0]);
  });

  it('varies the request, the slot values and the results', () => {
    const { generator: g } = generator('room-booking');
    const examples = Array.from({ length: 200 }, (_, i) => g.example(1, i));
    expect(new Set(examples.map((e) => e.requestIndex)).size).toBeGreaterThan(2);
    expect(new Set(examples.map((e) => JSON.stringify(e.slots))).size).toBeGreaterThan(150);
    const roomCounts = examples.map((e) => {
      const tool = e.messages.find((m) => m.role === 'tool' && m.callId === 'rooms');
      return tool && tool.role === 'tool' ? (tool.result as { rooms: unknown[] }).rooms.length : 0;
    });
    expect(new Set(roomCounts).size).toBeGreaterThan(1);
  });

  it('tool call ids are unique in an example and are at least 9 letters and digits', () => {
    for (const { name, chainId } of allChains) {
      const { generator: g } = generator(name, chainId);
      for (let i = 0; i < 100; i += 1) {
        const ids = g.example(3, i).messages.flatMap((m) => (isCallsMessage(m) ? m.calls.map((c) => c.id) : []));
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{9,}$/);
      }
    }
  });

  it('every simulated result validates against its tool returns schema (thousands of seeds)', () => {
    for (const { name, chainId } of allChains) {
      const { project, generator: g } = generator(name, chainId);
      const returns = new Map(project.tools.map((t) => [t.function.name, t.returns]));
      const errorSchemas = new Map(project.tools.map((t) => [t.function.name, t.errors]));
      for (let i = 0; i < 400; i += 1) {
        for (const m of g.example(i, i).messages) {
          if (m.role !== 'tool') continue;
          // A failed call's result is its error: it follows the tool's errors schema, when there is one.
          const schema = m.error ? errorSchemas.get(m.tool) : returns.get(m.tool);
          if (schema) expect(checkAgainstSchema(schema, m.result), `${name}/${chainId} #${i} ${m.callId}`).toEqual([]);
        }
      }
    }
  });

  it('every bound argument equals the value at its path in the parent result', () => {
    let checked = 0;
    for (const { name, chainId } of allChains) {
      const { generator: g } = generator(name, chainId);
      const design = new Map(g.chain.calls.map((c) => [c.id, c]));
      for (let i = 0; i < 200; i += 1) {
        const ex: Example = g.example(11, i);
        // What each call id stands for: its (successful) result, or a fan-out's list of results.
        const results = new Map<string, JsonValue>();
        const failedOnce = new Set<string>();
        for (const m of ex.messages) {
          if (m.role !== 'tool') continue;
          if (m.error) continue;
          if (design.get(m.callId)?.forEach !== undefined) results.set(m.callId, [...((results.get(m.callId) as JsonValue[] | undefined) ?? []), m.result]);
          else results.set(m.callId, m.result);
        }
        for (const m of ex.messages) {
          if (!isCallsMessage(m)) continue;
          for (const call of m.calls) {
            const spec = design.get(call.callId)!;
            // A retry after an error is made with the retry's arguments (retryWith over args).
            const retried = failedOnce.has(call.callId);
            const errored = ex.messages.some((x) => x.role === 'tool' && x.id === call.id && x.error);
            if (errored) failedOnce.add(call.callId);
            const recover = spec.failure?.recover;
            const args = retried && recover !== undefined && typeof recover === 'object' ? { ...spec.args, ...recover.retryWith } : spec.args;
            for (const [arg, template] of Object.entries(args)) {
              if (typeof template !== 'string') continue;
              const whole = parseTemplate(template).whole;
              if (!whole || !results.has(whole.root)) continue;
              const expected = resolvePath(results.get(whole.root)!, whole.path);
              expect(expected.ok).toBe(true);
              expect(call.args[arg], `${name} ${call.callId}.${arg} = {${whole.source}}`).toEqual(expected.ok ? expected.value : undefined);
              checked += 1;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('fills the reply template, or writes a short answer saying what each call did', () => {
    const { generator: g } = generator('room-booking');
    const reply = g.example(1, 0).messages.at(-1)!;
    expect(isReplyMessage(reply) && reply.text).toMatch(/^Booked .+ and invited \d+ people/);
    const p = miniProject();
    delete p.chains[0].reply;
    const made = createGenerator(p, 'plan');
    const text = made.ok ? made.generator.example(1, 0).messages.at(-1) : undefined;
    expect(text && isReplyMessage(text) && text.text).toMatch(
      /^I created the project \(Launch, project project_\w+\) and created the task \(task task_\w+\)\.$/,
    );
  });

  it('a multi-turn chain puts a user request before every call', () => {
    const project = loadExample('file-system');
    const made = createGenerator(project, project.chains[0].id);
    if (!made.ok) throw new Error('expected a generator');
    const roles = made.generator
      .example(1, 0)
      .messages.map((m) => (m.role === 'user' ? 'U' : m.role === 'tool' ? 'T' : isCallsMessage(m) ? `A${m.calls.length}` : 'R'));
    expect(roles.join(' ')).toMatch(/^(U A1 T )+R$/);
  });

  it('serialises parallel turns into one call per assistant message on request', () => {
    const { generator: g } = generator('room-booking', undefined, { serializeParallel: true });
    const calls = g.example(1, 0).messages.filter(isCallsMessage);
    expect(calls.map((m) => m.calls.length)).toEqual([1, 1, 1, 1]);
    expect(calls.map((m) => m.calls[0].callId)).toEqual(['rooms', 'team', 'book', 'invite']);
  });
});
