import { describe, expect, it } from 'vitest';
import { allChains, exampleOf, parallelChain, project } from './formats.testutil.ts';
import { checkHfLine, checkHfRecord, readHfRecord, toHfLine, toHfRecord, type HfRecord } from './hf.ts';
import { transcriptOf } from './transcript.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit arbitrary places of a written record
type Doc = Record<string, any>;

const written = (): Doc => structuredClone(toHfRecord(exampleOf(parallelChain), project(parallelChain.name))) as Doc;
const rules = (r: unknown) => checkHfRecord(r).map((f) => `${f.code} @ ${f.path}`);
const broken = (edit: (r: Doc) => void) => {
  const r = written();
  edit(r);
  return rules(r);
};

describe('toHfRecord', () => {
  it('writes messages and tools; arguments as objects; tool messages with name and tool_call_id', () => {
    const e = exampleOf(parallelChain);
    const r = toHfRecord(e, project(parallelChain.name));
    expect(Object.keys(r)).toEqual(['messages', 'tools']);
    expect(r.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'tool', 'assistant', 'tool', 'assistant', 'tool', 'assistant']);
    const first = r.messages[2];
    expect(first.role === 'assistant' && first.tool_calls?.map((c) => c.function.arguments)).toEqual(
      e.messages.flatMap((m) => (m.role === 'assistant' && 'calls' in m ? [m.calls] : []))[0].map((c) => c.args),
    );
    expect(r.messages[3]).toEqual({
      role: 'tool',
      tool_call_id: expect.stringMatching(/^[A-Za-z0-9]{9}$/),
      name: 'find_available_rooms',
      content: expect.any(String),
    });
    expect(r.tools![0]).not.toHaveProperty('returns');
    expect(rules(r)).toEqual([]);
  });

  it('leaves the tools out when asked, and the system prompt when the example has none', () => {
    const e = exampleOf(parallelChain, 0, { omitSystem: true });
    const r = toHfRecord(e, project(parallelChain.name), { includeTools: false });
    expect(r).not.toHaveProperty('tools');
    expect(r.messages[0].role).toBe('user');
    expect(checkHfRecord(r)).not.toEqual([]); // nothing to check the calls against…
    expect(checkHfRecord(r, { tools: toHfRecord(e, project(parallelChain.name)).tools })).toEqual([]); // …unless the caller gives the tools
  });

  it("round trip: a written line reads back to the example's call/result sequence, ids and names included", () => {
    for (const ref of allChains) {
      for (const serializeParallel of [false, true]) {
        const e = exampleOf(ref, 3, { serializeParallel });
        const line = toHfLine(e, project(ref.name));
        expect(readHfRecord(JSON.parse(line) as HfRecord), `${ref.name}/${ref.chainId}`).toEqual(transcriptOf(e));
      }
    }
  });
});

describe('checkHfRecord: each rule', () => {
  const callsOf = (r: Doc, i = 2) => r.messages[i].tool_calls as Doc[];
  const cases: [string, (r: Doc) => void, string][] = [
    ['tools-not-list', (r) => (r.tools = {}), '$.tools'],
    ['parallel-not-boolean', (r) => (r.parallel_tool_calls = 'yes'), '$.parallel_tool_calls'],
    ['parallel-disallowed', (r) => (r.parallel_tool_calls = false), '$.messages[2].tool_calls'],
    ['message-not-object', (r) => (r.messages[9] = 'done'), '$.messages[9]'],
    ['bad-role', (r) => (r.messages[1].role = 'human'), '$.messages[1].role'],
    ['system-not-first', (r) => r.messages.splice(1, 0, r.messages.shift()), '$.messages[1]'],
    ['content-not-string', (r) => (r.messages[1].content = ''), '$.messages[1].content'],
    ['assistant-before-user', (r) => r.messages.splice(1, 1), '$.messages[1]'],
    ['bad-tool-calls', (r) => (r.messages[5].tool_calls = []), '$.messages[5].tool_calls'],
    ['bad-tool-call', (r) => (callsOf(r)[0] = 'find_available_rooms' as unknown as Doc), '$.messages[2].tool_calls[0]'],
    ['no-call-id', (r) => delete callsOf(r)[0].id, '$.messages[2].tool_calls[0].id'],
    ['duplicate-call-id', (r) => (callsOf(r)[1].id = callsOf(r)[0].id), '$.messages[2].tool_calls[1].id'],
    ['call-id-format', (r) => (callsOf(r)[0].id = r.messages[3].tool_call_id = 'call_1'), '$.messages[2].tool_calls[0].id'],
    ['call-type', (r) => (callsOf(r)[0].type = 'tool'), '$.messages[2].tool_calls[0].type'],
    ['undeclared-tool', (r) => (callsOf(r)[0].function.name = 'find_rooms'), '$.messages[2].tool_calls[0].function.name'],
    [
      'arguments-not-object',
      (r) => (callsOf(r)[0].function.arguments = JSON.stringify(callsOf(r)[0].function.arguments)),
      '$.messages[2].tool_calls[0].function.arguments',
    ],
    ['arguments-schema', (r) => (callsOf(r)[0].function.arguments = { date: 20260113 }), '$.messages[2].tool_calls[0].function.arguments'],
    ['tool-content-not-string', (r) => (r.messages[3].content = { ok: true }), '$.messages[3].content'],
    ['no-tool-call-id', (r) => delete r.messages[3].tool_call_id, '$.messages[3].tool_call_id'],
    ['unknown-tool-call-id', (r) => (r.messages[3].tool_call_id = 'ZZZZZZZZZ'), '$.messages[3].tool_call_id'],
    ['answer-not-adjacent', (r) => r.messages.splice(5, 0, structuredClone(r.messages[3])), '$.messages[5].tool_call_id'],
    ['unanswered-call', (r) => r.messages.splice(4, 1), '$.messages[2].tool_calls[1]'],
    ['tool-name-missing', (r) => delete r.messages[3].name, '$.messages[3].name'],
    ['tool-name-mismatch', (r) => (r.messages[3].name = 'get_team_members'), '$.messages[3].name'],
    ['no-final-reply', (r) => r.messages.pop(), '$.messages[8]'],
  ];
  it.each(cases)('%s', (rule, edit, path) => {
    expect(broken(edit)).toContain(`${rule} @ ${path}`);
  });

  it('a mistake names only its own rule', () => {
    expect(broken((r) => (callsOf(r)[0].function.arguments = { date: 20260113 }))).toEqual([
      'arguments-schema @ $.messages[2].tool_calls[0].function.arguments',
    ]);
    expect(broken((r) => delete r.messages[3].name)).toEqual(['tool-name-missing @ $.messages[3].name']);
  });

  it('a line that is not JSON, not an object, or without messages', () => {
    expect(checkHfLine('{"messages": [')[0].code).toBe('not-json');
    expect(checkHfRecord([1])[0].code).toBe('not-an-object');
    expect(checkHfRecord({ messages: [] })[0].code).toBe('no-messages');
  });
});
