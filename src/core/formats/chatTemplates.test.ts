import { describe, expect, it } from 'vitest';
import { Template } from '@huggingface/jinja';
import { isCallsMessage, type Example } from '../generate/types.ts';
import type { JsonValue } from '../project/types.ts';
import { allChains, exampleOf, generatorFor, parallelChain, project, type ChainRef } from './formats.testutil.ts';
import { toHermesRecord } from './hermes.ts';
import { toHfRecord, type HfRecord } from './hf.ts';

/**
 * The `hf` and `hermes` output rendered through the real chat templates of
 * ../shared/reference/chat-templates/ (vLLM's, unchanged). The folder sits beside the repository
 * (the project's checkouts and CI have `shared/` next to it; a fresh clone alone does not): where
 * a template is missing, every test here is skipped with a notice (a skipped test whose name says
 * what is missing, and one line on stderr), or fails when CHAINWRIGHT_REQUIRE_TEMPLATES=1 (CI).
 */
const TEMPLATE_DIR = '../shared/reference/chat-templates/ (beside the repository)';
const files = import.meta.glob('../../../../shared/reference/chat-templates/*.jinja', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;
const REQUIRED = ['hermes.jinja', 'llama3.1_json.jinja', 'mistral_parallel.jinja'];
const source = (name: string) => Object.entries(files).find(([path]) => path.endsWith(`/${name}`))?.[1];
const missing = REQUIRED.filter((name) => source(name) === undefined);
const present = missing.length === 0;
const required = process.env.CHAINWRIGHT_REQUIRE_TEMPLATES === '1';
const NOTICE = `chat template tests skipped: ${missing.join(', ')} not found in ${TEMPLATE_DIR}; put the shared/ folder beside this repository to run them`;
if (!present && !required) console.warn(`[chatTemplates.test.ts] ${NOTICE}`);

function template(name: string): Template {
  const text = source(name);
  if (text === undefined) throw new Error(`chat template ${name} not found in ${TEMPLATE_DIR}; found: ${Object.keys(files).join(', ') || 'nothing'}`);
  return new Template(text);
}

function render(name: string, record: HfRecord | { messages: unknown[]; tools?: unknown[] }): string {
  return template(name).render({
    messages: record.messages,
    tools: record.tools,
    bos_token: '<s>',
    eos_token: '</s>',
    add_generation_prompt: false,
    // Llama 3.1's template prints today's date unless told one: keep the output reproducible.
    date_string: '26 Jul 2024',
  } as Record<string, unknown>);
}

const calls = (e: Example) => e.messages.filter(isCallsMessage).flatMap((m) => m.calls.map((c) => ({ name: c.tool, arguments: c.args as JsonValue })));
const hf = (ref: ChainRef, e: Example, includeTools = true) => toHfRecord(e, project(ref.name), { includeTools });
const someExamples = (ref: ChainRef, serializeParallel: boolean) => [0, 1, 2, 17].map((i) => exampleOf(ref, i, { serializeParallel }, 7));
const singleRequestChains = allChains.filter((r) => !generatorFor(r).plan.multiTurn);
const parallelChains = singleRequestChains.filter((r) => generatorFor(r).plan.turns.some((t) => t.callIds.length > 1));

describe('the reference templates are there', () => {
  if (!present && !required) it.skip(NOTICE, () => {});
  else
    it(`finds ${REQUIRED.join(', ')} in ${TEMPLATE_DIR}`, () => {
      for (const name of REQUIRED) expect(() => template(name)).not.toThrow();
      expect(parallelChains.length).toBeGreaterThan(0);
    });
});

/**
 * hermes.jinja describes an array parameter with `json_spec|items` (the dict's items, not its
 * "items" key): Python's Jinja renders that as `list[Union[]]`, @huggingface/jinja raises. So
 * projects with an array parameter are rendered here without the tools preamble.
 */
const hasArrayParameter = (ref: ChainRef) =>
  project(ref.name).tools.some((t) =>
    Object.values((t.function.parameters.properties ?? {}) as Record<string, { type?: unknown }>).some((p) => p.type === 'array'),
  );

describe.skipIf(!present)('hermes.jinja', () => {
  it('renders the tools preamble unless a parameter is an array (a quirk of the template under @huggingface/jinja)', () => {
    const plain = allChains.filter((r) => !hasArrayParameter(r));
    expect(plain.length).toBeGreaterThan(0);
    for (const ref of plain) expect(render('hermes.jinja', hf(ref, exampleOf(ref)))).toContain('Here are the available tools: <tools> {"type": "function"');
    const arrays = allChains.find(hasArrayParameter)!;
    expect(() => render('hermes.jinja', hf(arrays, exampleOf(arrays)))).toThrow(/non-string/);
  });

  it('renders every chain, parallel turns as several <tool_call> blocks that parse back to the calls', () => {
    for (const ref of allChains) {
      for (const e of someExamples(ref, false)) {
        const text = render('hermes.jinja', hf(ref, e, !hasArrayParameter(ref)));
        // After the tools preamble (whose instructions show a placeholder <tool_call>).
        const conversation = text.slice(text.indexOf('<|im_start|>user'));
        const blocks = [...conversation.matchAll(/<tool_call>\n([\s\S]*?)\n<\/tool_call>/g)].map((m) => JSON.parse(m[1]) as JsonValue);
        expect(blocks, `${ref.name}/${ref.chainId}`).toEqual(calls(e));
        expect(text.match(/<tool_response>/g)).toHaveLength(calls(e).length);
      }
    }
    const parallel = exampleOf(parallelChain, 0);
    expect(render('hermes.jinja', hf(parallelChain, parallel, false))).toMatch(/<\/tool_call> \n<tool_call>/);
  });

  it('without the tools preamble (which differs), the hermes format is byte for byte what hermes.jinja renders from the hf format with results as objects', () => {
    const chatml = new Template("{{ bos_token }}{% for m in messages %}{{ '<|im_start|>' + m.role + '\\n' + m.content + '<|im_end|>\\n' }}{% endfor %}");
    /** A tool message whose content is the result object: the template writes it with tojson, as the Hermes dataset has it. */
    const resultObjects = (r: HfRecord) => ({
      ...r,
      messages: r.messages.map((m) => (m.role === 'tool' ? { ...m, content: JSON.parse(m.content) as JsonValue } : m)),
    });
    for (const ref of allChains) {
      for (const e of someExamples(ref, false)) {
        const fromTemplate = render('hermes.jinja', resultObjects(hf(ref, e, false)));
        const fromFormat = chatml.render({ messages: toHermesRecord(e, project(ref.name), { includeTools: false }).messages, bos_token: '<s>' });
        expect(fromFormat, `${ref.name}/${ref.chainId}`).toBe(fromTemplate);
      }
    }
  });
});

describe.skipIf(!present)('mistral_parallel.jinja', () => {
  it('renders parallel turns as one [TOOL_CALLS] list with the 9-character ids', () => {
    for (const ref of singleRequestChains) {
      for (const e of someExamples(ref, false)) {
        const text = render('mistral_parallel.jinja', hf(ref, e));
        const lists = [...text.matchAll(/\[TOOL_CALLS\] (\[[\s\S]*?\])<\/s>/g)].map(
          (m) => JSON.parse(m[1]) as { name: string; arguments: JsonValue; id: string }[],
        );
        expect(
          lists.flat().map(({ name, arguments: args }) => ({ name, arguments: args })),
          `${ref.name}/${ref.chainId}`,
        ).toEqual(calls(e));
        const turns = e.messages.filter(isCallsMessage);
        expect(lists.map((l) => l.length)).toEqual(turns.map((t) => t.calls.length));
        expect(lists.flat().map((c) => c.id)).toEqual(turns.flatMap((t) => t.calls.map((c) => c.id)));
      }
    }
  });
});

describe.skipIf(!present)('llama3.1_json.jinja', () => {
  it('renders every chain when parallel turns are serialised, one call per assistant turn', () => {
    for (const ref of allChains) {
      for (const e of someExamples(ref, true)) {
        const text = render('llama3.1_json.jinja', hf(ref, e));
        const made = [...text.matchAll(/<\|start_header_id\|>assistant<\|end_header_id\|>\n\n(\{"name": [\s\S]*?)<\|eot_id\|>/g)].map(
          (m) => JSON.parse(m[1]) as { name: string; parameters: JsonValue },
        );
        expect(
          made.map((c) => ({ name: c.name, arguments: c.parameters })),
          `${ref.name}/${ref.chainId}`,
        ).toEqual(calls(e));
      }
    }
  });

  it('raises on the same design when parallel turns are not serialised: the option matters', () => {
    for (const ref of parallelChains) {
      const e = exampleOf(ref, 0, { serializeParallel: false }, 7);
      expect(() => render('llama3.1_json.jinja', hf(ref, e)), `${ref.name}/${ref.chainId}`).toThrow(/only supports single tool-calls/);
    }
  });
});

describe.skipIf(!present)('a fan-out (one call per element, design §3) through the templates', () => {
  const loop: ChainRef = { name: 'task-reminders', chainId: 'remind-high-priority' };
  /** The first examples whose fan-out made at least two calls, and one that made none. */
  const byCount = (serializeParallel: boolean) => {
    const out: { several?: Example; none?: Example } = {};
    for (let i = 0; i < 200 && (!out.several || !out.none); i += 1) {
      const e = exampleOf(loop, i, { serializeParallel }, 7);
      const reminders = e.messages
        .filter(isCallsMessage)
        .flatMap((m) => m.calls)
        .filter((c) => c.callId === 'remind').length;
      if (reminders >= 2) out.several ??= e;
      if (reminders === 0) out.none ??= e;
    }
    return out;
  };

  it('llama3.1_json renders the serialised fan-out one call per turn, in the list order, and raises on the parallel turn', () => {
    const { several, none } = byCount(true);
    for (const e of [several!, none!]) {
      const text = render('llama3.1_json.jinja', hf(loop, e));
      const made = [...text.matchAll(/<\|start_header_id\|>assistant<\|end_header_id\|>\n\n(\{"name": [\s\S]*?)<\|eot_id\|>/g)].map(
        (m) => JSON.parse(m[1]) as { name: string; parameters: JsonValue },
      );
      expect(made.map((c) => ({ name: c.name, arguments: c.parameters }))).toEqual(calls(e));
    }
    const parallel = byCount(false).several!;
    expect(() => render('llama3.1_json.jinja', hf(loop, parallel))).toThrow(/only supports single tool-calls/);
  });

  it('mistral_parallel renders the fan-out as one [TOOL_CALLS] list with every element call', () => {
    const { several } = byCount(false);
    const text = render('mistral_parallel.jinja', hf(loop, several!));
    const lists = [...text.matchAll(/\[TOOL_CALLS\] (\[[\s\S]*?\])<\/s>/g)].map((m) => JSON.parse(m[1]) as unknown[]);
    const turns = several!.messages.filter(isCallsMessage);
    expect(lists.map((l) => l.length)).toEqual(turns.map((t) => t.calls.length));
    expect(lists[1].length).toBeGreaterThanOrEqual(2);
  });
});
