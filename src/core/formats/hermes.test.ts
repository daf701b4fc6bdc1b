import { describe, expect, it } from 'vitest';
import { allChains, exampleOf, parallelChain, project } from './formats.testutil.ts';
import { checkHermesLine, checkHermesRecord, readHermesRecord, toHermesLine, toHermesRecord, type HermesRecord } from './hermes.ts';
import { openAITools } from '../tools/openAITools.ts';
import { transcriptOf, withoutFields } from './transcript.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit arbitrary places of a written record
type Doc = Record<string, any>;

const written = (): Doc => structuredClone(toHermesRecord(exampleOf(parallelChain), project(parallelChain.name))) as Doc;
const rules = (r: unknown, tools?: ReturnType<typeof openAITools>) => checkHermesRecord(r, { tools }).map((f) => `${f.code} @ ${f.path}`);
const broken = (edit: (r: Doc) => void) => {
  const r = written();
  edit(r);
  return rules(r);
};

describe('toHermesRecord', () => {
  it('writes ChatML messages: tools in the system message, <tool_call> blocks, <tool_response> tool turns', () => {
    const e = exampleOf(parallelChain);
    const r = toHermesRecord(e, project(parallelChain.name));
    expect(r.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'tool', 'assistant', 'tool', 'assistant', 'tool', 'assistant']);
    expect(r.messages[0].content).toMatch(
      /^You are a function calling AI model\.[\s\S]*<tools>\n\{"type": "function", "function": \{"name": "find_available_rooms"/,
    );
    expect(r.messages[0].content.endsWith(`\n\n${e.system}`)).toBe(true);
    const blocks = r.messages[2].content.split('\n<tool_call>');
    expect(blocks).toHaveLength(2); // two parallel calls in one turn
    expect(r.messages[2].content).toMatch(
      /^<tool_call>\n\{ "arguments": \{"date": "\d{4}-\d\d-\d\d"[^\n]*\}, "name": "find_available_rooms"\}\n<\/tool_call> \n<tool_call>\n/,
    );
    expect(r.messages[3].content).toMatch(/^<tool_response>\n\{"name": "find_available_rooms", "content": \{"date": "\d{4}-\d\d-\d\d", /);
    expect(rules(r)).toEqual([]);
  });

  it('a <tool_response> holds the result object itself (as the Hermes function-calling dataset does), not a JSON string of it', () => {
    for (const ref of allChains) {
      const e = exampleOf(ref, 1);
      const results = e.messages.flatMap((m) => (m.role === 'tool' ? [{ name: m.tool, content: m.result }] : []));
      const tools = toHermesRecord(e, project(ref.name)).messages.filter((m) => m.role === 'tool');
      const blocks = tools.map((m) => JSON.parse(/^<tool_response>\n([\s\S]*)\n<\/tool_response> $/.exec(m.content)![1]) as unknown);
      expect(blocks, `${ref.name}/${ref.chainId}`).toEqual(results);
    }
    expect(written().messages[3].content).not.toContain('\\"');
  });

  it("the checker also takes a result written as a JSON string (what vLLM's template makes of a text tool message)", () => {
    const r = written();
    r.messages[8].content = r.messages[8].content.replace(
      /"content": (.*)\}\n<\/tool_response>/,
      (_: string, json: string) => `"content": ${JSON.stringify(JSON.stringify(JSON.parse(json)))}}\n</tool_response>`,
    );
    expect(r.messages[8].content).toMatch(/"content": "\{/);
    expect(rules(r)).toEqual([]);
  });

  it('without tools and system prompt there is no system message; the checker then needs the tools from the caller', () => {
    const e = exampleOf(parallelChain, 0, { omitSystem: true });
    const r = toHermesRecord(e, project(parallelChain.name), { includeTools: false });
    expect(r.messages[0].role).toBe('user');
    expect(rules(r)).toContain('undeclared-tool @ $.messages[1].content');
    expect(rules(r, openAITools(project(parallelChain.name)))).toEqual([]);
  });

  it('round trip: a written line reads back to the call/result sequence (hermes carries no ids)', () => {
    for (const ref of allChains) {
      for (const [serializeParallel, includeTools] of [
        [false, true],
        [true, false],
      ]) {
        const e = exampleOf(ref, 2, { serializeParallel });
        const back = readHermesRecord(JSON.parse(toHermesLine(e, project(ref.name), { includeTools })) as HermesRecord);
        expect(back, `${ref.name}/${ref.chainId}`).toEqual(withoutFields(transcriptOf(e), { ids: true }));
      }
    }
  });
});

describe('checkHermesRecord: each rule', () => {
  const cases: [string, (r: Doc) => void, string][] = [
    ['message-not-object', (r) => (r.messages[9] = 'done'), '$.messages[9]'],
    ['bad-role', (r) => (r.messages[1].role = 'human'), '$.messages[1].role'],
    ['content-not-string', (r) => (r.messages[1].content = ['hi']), '$.messages[1].content'],
    ['system-not-first', (r) => r.messages.splice(1, 0, { role: 'system', content: 'Be brief.' }), '$.messages[1]'],
    ['assistant-before-user', (r) => r.messages.splice(1, 1), '$.messages[1]'],
    [
      'tools-not-json',
      (r) => (r.messages[0].content = r.messages[0].content.replace('<tools>\n', '<tools>\nfind_available_rooms(date)\n')),
      '$.messages[0].content',
    ],
    ['unclosed-tool-call', (r) => (r.messages[7].content = r.messages[7].content.replace('</tool_call>', '')), '$.messages[7].content'],
    ['tool-call-not-json', (r) => (r.messages[7].content = '<tool_call>\nsend_invites(booking)\n</tool_call>'), '$.messages[7].content'],
    ['tool-call-shape', (r) => (r.messages[7].content = '<tool_call>\n{"function": "send_invites"}\n</tool_call>'), '$.messages[7].content'],
    ['undeclared-tool', (r) => (r.messages[7].content = r.messages[7].content.replace('"send_invites"', '"invite"')), '$.messages[7].content'],
    [
      'arguments-not-object',
      (r) => (r.messages[7].content = '<tool_call>\n{"name": "send_invites", "arguments": "{}"}\n</tool_call>'),
      '$.messages[7].content',
    ],
    ['arguments-schema', (r) => (r.messages[7].content = '<tool_call>\n{"name": "send_invites", "arguments": {}}\n</tool_call>'), '$.messages[7].content'],
    ['bad-tool-response', (r) => (r.messages[8].content = '{"ok": true}'), '$.messages[8].content'],
    ['tool-response-not-json', (r) => (r.messages[8].content = '<tool_response>\nsent\n</tool_response>'), '$.messages[8].content'],
    ['tool-response-shape', (r) => (r.messages[8].content = '<tool_response>\n{"result": "sent"}\n</tool_response>'), '$.messages[8].content'],
    ['tool-response-orphan', (r) => r.messages.splice(9, 0, structuredClone(r.messages[8])), '$.messages[9].content'],
    ['tool-response-name', (r) => (r.messages[8].content = r.messages[8].content.replace('"send_invites"', '"book_room"')), '$.messages[8].content'],
    ['unanswered-call', (r) => r.messages.splice(4, 1), '$.messages[2].content'],
    ['no-final-reply', (r) => r.messages.pop(), '$.messages[8]'],
  ];
  it.each(cases)('%s', (rule, edit, path) => {
    expect(broken(edit)).toContain(`${rule} @ ${path}`);
  });

  it('a line that is not JSON, not an object, or without messages', () => {
    expect(checkHermesLine('{"messages"')[0].code).toBe('not-json');
    expect(checkHermesRecord(null)[0].code).toBe('not-an-object');
    expect(checkHermesRecord({ messages: [] })[0].code).toBe('no-messages');
  });
});
