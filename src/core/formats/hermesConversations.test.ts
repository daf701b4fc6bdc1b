import { describe, expect, it } from 'vitest';
import { allChains, exampleOf, parallelChain, project } from './formats.testutil.ts';
import { toHermesRecord } from './hermes.ts';
import {
  checkHermesConversationsLine,
  checkHermesConversationsRecord,
  readHermesConversationsRecord,
  toHermesConversationsLine,
  toHermesConversationsRecord,
  type HermesConversationsRecord,
} from './hermesConversations.ts';
import { openAITools } from '../tools/openAITools.ts';
import { transcriptOf, withoutFields } from './transcript.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit arbitrary places of a written record
type Doc = Record<string, any>;

const written = (): Doc => structuredClone(toHermesConversationsRecord(exampleOf(parallelChain), project(parallelChain.name))) as Doc;
const rules = (r: unknown, tools?: ReturnType<typeof openAITools>) => checkHermesConversationsRecord(r, { tools }).map((f) => `${f.code} @ ${f.path}`);

describe('toHermesConversationsRecord', () => {
  it('writes the Hermes dataset shape: system / human / gpt / tool turns with the hermes texts; one tool turn per assistant turn of calls', () => {
    const e = exampleOf(parallelChain);
    const r = toHermesConversationsRecord(e, project(parallelChain.name));
    expect(Object.keys(r)).toEqual(['conversations']);
    expect(r.conversations.map((t) => t.from)).toEqual(['system', 'human', 'gpt', 'tool', 'gpt', 'tool', 'gpt', 'tool', 'gpt']);
    const messages = toHermesRecord(e, project(parallelChain.name)).messages;
    expect(r.conversations[0].value).toBe(messages[0].content);
    // The two parallel results: one tool turn holding both <tool_response> blocks, in the calls' order.
    expect(r.conversations[3].value).toBe(`${messages[3].content}\n${messages[4].content}`);
    expect(r.conversations[3].value.match(/<tool_response>\n\{"name": "(\w+)", "content": \{/g)).toHaveLength(2);
    expect(rules(r)).toEqual([]);
  });

  it('round trip: a written line reads back to the call/result sequence (no call ids)', () => {
    for (const ref of allChains) {
      for (const [serializeParallel, includeTools] of [
        [false, true],
        [true, false],
      ]) {
        const e = exampleOf(ref, 2, { serializeParallel });
        const back = readHermesConversationsRecord(JSON.parse(toHermesConversationsLine(e, project(ref.name), { includeTools })) as HermesConversationsRecord);
        expect(back, `${ref.name}/${ref.chainId}`).toEqual(withoutFields(transcriptOf(e), { ids: true }));
      }
    }
  });

  it('without tools the checker needs the tools from the caller', () => {
    const e = exampleOf(parallelChain, 0, { omitSystem: true });
    const r = toHermesConversationsRecord(e, project(parallelChain.name), { includeTools: false });
    expect(r.conversations[0].from).toBe('human');
    expect(rules(r)).toContain('undeclared-tool @ $.conversations[1].value');
    expect(rules(r, openAITools(project(parallelChain.name)))).toEqual([]);
  });
});

describe('checkHermesConversationsRecord: the hermes rules, on conversations', () => {
  const cases: [string, (r: Doc) => void, string][] = [
    ['bad-from', (r) => (r.conversations[1].from = 'user'), '$.conversations[1].from'],
    ['value-not-string', (r) => (r.conversations[1].value = ['hi']), '$.conversations[1].value'],
    ['message-not-object', (r) => (r.conversations[8] = 'done'), '$.conversations[8]'],
    ['tool-call-not-json', (r) => (r.conversations[6].value = '<tool_call>\nsend_invites(booking)\n</tool_call>'), '$.conversations[6].value'],
    ['bad-tool-response', (r) => (r.conversations[7].value = '{"ok": true}'), '$.conversations[7].value'],
    ['unanswered-call', (r) => (r.conversations[3].value = r.conversations[3].value.split('\n<tool_response>')[0]), '$.conversations[2].value'],
    ['no-final-reply', (r) => r.conversations.pop(), '$.conversations[7]'],
  ];
  it.each(cases)('%s', (rule, edit, path) => {
    const r = written();
    edit(r);
    expect(rules(r)).toContain(`${rule} @ ${path}`);
  });

  it('a line without conversations', () => {
    expect(checkHermesConversationsLine('{"messages": []}')[0].code).toBe('no-conversations');
  });
});
