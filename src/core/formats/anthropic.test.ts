import { describe, expect, it } from 'vitest';
import { checkAnthropicLine, checkAnthropicRecord, readAnthropicRecord, toAnthropicLine, toAnthropicRecord, type AnthropicRecord } from './anthropic.ts';
import { allChains, exampleOf, multiTurnChain, parallelChain, project } from './formats.testutil.ts';
import { transcriptOf } from './transcript.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit arbitrary places of a written record
type Doc = Record<string, any>;

const written = (): Doc => structuredClone(toAnthropicRecord(exampleOf(parallelChain), project(parallelChain.name))) as Doc;
const rules = (r: unknown) => checkAnthropicRecord(r).map((f) => `${f.code} @ ${f.path}`);
const broken = (edit: (r: Doc) => void) => {
  const r = written();
  edit(r);
  return rules(r);
};

describe('toAnthropicRecord', () => {
  it('writes system, tools with input_schema, tool_use blocks and all their tool_result blocks in the next user message', () => {
    const e = exampleOf(parallelChain);
    const r = toAnthropicRecord(e, project(parallelChain.name));
    expect(Object.keys(r)).toEqual(['system', 'tools', 'messages']);
    expect(r.system).toBe(e.system);
    expect(r.tools![0]).toEqual({ name: 'find_available_rooms', description: expect.any(String), input_schema: expect.objectContaining({ type: 'object' }) });
    expect(r.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
    const uses = r.messages[1].content as Doc[];
    expect(uses.map((b) => b.type)).toEqual(['tool_use', 'tool_use']);
    const results = r.messages[2].content as Doc[];
    expect(results.map((b) => b.tool_use_id)).toEqual(uses.map((b) => b.id));
    expect(typeof results[0].content).toBe('string');
    expect(rules(r)).toEqual([]);
  });

  it('a multi-turn chain: the next request is a text block after the results, in the same user message', () => {
    const r = toAnthropicRecord(exampleOf(multiTurnChain), project(multiTurnChain.name));
    const second = r.messages[2].content as Doc[];
    expect(second.map((b) => b.type)).toEqual(['tool_result', 'text']);
    expect(rules(r)).toEqual([]);
  });

  it('leaves out tools and system when asked', () => {
    const r = toAnthropicRecord(exampleOf(parallelChain, 0, { omitSystem: true }), project(parallelChain.name), { includeTools: false });
    expect(Object.keys(r)).toEqual(['messages']);
  });

  it('round trip: a written line reads back to the call/result sequence, ids included', () => {
    for (const ref of allChains) {
      for (const serializeParallel of [false, true]) {
        const e = exampleOf(ref, 4, { serializeParallel });
        const back = readAnthropicRecord(JSON.parse(toAnthropicLine(e, project(ref.name))) as AnthropicRecord);
        expect(back, `${ref.name}/${ref.chainId}`).toEqual(transcriptOf(e));
      }
    }
  });
});

describe('checkAnthropicRecord: each rule', () => {
  const blocks = (r: Doc, i: number) => r.messages[i].content as Doc[];
  const cases: [string, (r: Doc) => void, string][] = [
    ['system-not-string', (r) => (r.system = { text: 'hi' }), '$.system'],
    ['tools-not-list', (r) => (r.tools = {}), '$.tools'],
    ['tool-definition', (r) => (r.tools[0] = { type: 'function', function: { name: 'find_available_rooms', parameters: {} } }), '$.tools[0].name'],
    ['no-messages', (r) => (r.messages = []), '$.messages'],
    ['message-not-object', (r) => (r.messages[7] = 'done'), '$.messages[7]'],
    ['bad-role', (r) => (r.messages[2].role = 'tool'), '$.messages[2].role'],
    ['first-not-user', (r) => r.messages.shift(), '$.messages[0].role'],
    ['roles-not-alternating', (r) => r.messages.splice(1, 0, { role: 'user', content: 'please' }), '$.messages[1].role'],
    ['empty-text', (r) => (r.messages[7].content = ''), '$.messages[7].content'],
    ['bad-content', (r) => (r.messages[7].content = []), '$.messages[7].content'],
    ['bad-block', (r) => (blocks(r, 1)[0].type = 'function_call'), '$.messages[1].content[0].type'],
    ['bad-tool-use-id', (r) => (blocks(r, 1)[0].id = 'call 1'), '$.messages[1].content[0].id'],
    ['duplicate-call-id', (r) => (blocks(r, 1)[1].id = blocks(r, 1)[0].id), '$.messages[1].content[1].id'],
    ['undeclared-tool', (r) => (blocks(r, 1)[0].name = 'find_rooms'), '$.messages[1].content[0].name'],
    ['arguments-not-object', (r) => (blocks(r, 1)[0].input = JSON.stringify(blocks(r, 1)[0].input)), '$.messages[1].content[0].input'],
    ['arguments-schema', (r) => (blocks(r, 1)[0].input = {}), '$.messages[1].content[0].input'],
    ['tool-result-not-first', (r) => blocks(r, 2).unshift({ type: 'text', text: 'Here you go.' }), '$.messages[2].content[1]'],
    ['no-tool-call-id', (r) => delete blocks(r, 2)[0].tool_use_id, '$.messages[2].content[0].tool_use_id'],
    ['unknown-tool-call-id', (r) => (blocks(r, 2)[0].tool_use_id = 'toolu_nope'), '$.messages[2].content[0].tool_use_id'],
    ['answer-not-adjacent', (r) => blocks(r, 4).push(structuredClone(blocks(r, 2)[0])), '$.messages[4].content[1].tool_use_id'],
    ['tool-result-content', (r) => (blocks(r, 2)[0].content = { rooms: [] }), '$.messages[2].content[0].content'],
    ['is-error-not-boolean', (r) => (blocks(r, 2)[0].is_error = 'no'), '$.messages[2].content[0].is_error'],
    ['unanswered-call', (r) => blocks(r, 2).pop(), '$.messages[1].content[1]'],
    ['no-final-reply', (r) => r.messages.pop(), '$.messages[6]'],
  ];
  it.each(cases)('%s', (rule, edit, path) => {
    expect(broken(edit)).toContain(`${rule} @ ${path}`);
  });

  it('a failed call marked with is_error: true is accepted', () => {
    expect(broken((r) => (blocks(r, 2)[0].is_error = true))).toEqual([]);
  });

  it('a line that is not JSON or not an object', () => {
    expect(checkAnthropicLine('{')[0].code).toBe('not-json');
    expect(checkAnthropicRecord(3)[0].code).toBe('not-an-object');
  });
});
