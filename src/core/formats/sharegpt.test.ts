import { describe, expect, it } from 'vitest';
import { allChains, exampleOf, multiTurnChain, parallelChain, project } from './formats.testutil.ts';
import { checkShareGptLine, checkShareGptRecord, readShareGptRecord, toShareGptLine, toShareGptRecord, type ShareGptRecord } from './sharegpt.ts';
import { transcriptOf, withoutFields, type Transcript } from './transcript.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit arbitrary places of a written record
type Doc = Record<string, any>;

const written = (): Doc => structuredClone(toShareGptRecord(exampleOf(parallelChain), project(parallelChain.name))) as Doc;
const rules = (r: unknown) => checkShareGptRecord(r).map((f) => `${f.code} @ ${f.path}`);
const broken = (edit: (r: Doc) => void) => {
  const r = written();
  edit(r);
  return rules(r);
};
const tags = (r: ShareGptRecord) => r.conversations.map((t) => t.from);

describe('toShareGptRecord', () => {
  it('writes conversations, system and tools as a JSON string; a parallel turn is one function_call holding a list', () => {
    const e = exampleOf(parallelChain);
    const r = toShareGptRecord(e, project(parallelChain.name));
    expect(Object.keys(r)).toEqual(['conversations', 'system', 'tools']);
    expect(tags(r)).toEqual(['human', 'function_call', 'observation', 'function_call', 'observation', 'function_call', 'observation', 'gpt']);
    const parallel = JSON.parse(r.conversations[1].value);
    expect(parallel).toEqual([
      { name: 'find_available_rooms', arguments: expect.any(Object) },
      { name: 'get_team_members', arguments: expect.any(Object) },
    ]);
    expect(Array.isArray(JSON.parse(r.conversations[2].value))).toBe(true); // the two results, in call order
    expect(JSON.parse(r.conversations[3].value)).toEqual({ name: 'book_room', arguments: expect.any(Object) });
    expect(typeof r.tools).toBe('string');
    expect(JSON.parse(r.tools!)[0]).toEqual(expect.objectContaining({ name: 'find_available_rooms', parameters: expect.any(Object) }));
    expect(rules(r)).toEqual([]);
  });

  it('serialised turns give one call per function_call', () => {
    const r = toShareGptRecord(exampleOf(parallelChain, 0, { serializeParallel: true }), project(parallelChain.name));
    expect(tags(r).filter((t) => t === 'function_call')).toHaveLength(4);
    for (const t of r.conversations.filter((c) => c.from === 'function_call')) expect(Array.isArray(JSON.parse(t.value))).toBe(false);
    expect(rules(r)).toEqual([]);
  });

  it('a multi-turn chain: the assistant says what the step did before the next request, so tags keep alternating', () => {
    const r = toShareGptRecord(exampleOf(multiTurnChain), project(multiTurnChain.name));
    const t = tags(r);
    expect(t.slice(0, 5)).toEqual(['human', 'function_call', 'observation', 'gpt', 'human']);
    // The step summary is the default reply for what the step did (generate/reply.ts).
    expect(r.conversations[3].value).toMatch(/^I found \d+ director(y|ies) and (no|\d+) files?\.$/);
    expect(rules(r)).toEqual([]);
  });

  it('leaves out tools and system when asked; a leading system turn is accepted too', () => {
    const e = exampleOf(parallelChain, 0, { omitSystem: true });
    const r = toShareGptRecord(e, project(parallelChain.name), { includeTools: false });
    expect(Object.keys(r)).toEqual(['conversations']);
    const withSystem = written();
    withSystem.conversations.unshift({ from: 'system', value: withSystem.system });
    delete withSystem.system;
    expect(rules(withSystem)).toEqual([]);
  });

  it('round trip: a written line reads back to the call/result sequence (sharegpt carries no ids)', () => {
    // The step summaries a multi-turn chain gets are not part of the example: leave them out.
    const withoutStepReplies = (t: Transcript): Transcript => ({ ...t, turns: t.turns.filter((turn, i) => turn.kind !== 'reply' || i === t.turns.length - 1) });
    for (const ref of allChains) {
      for (const serializeParallel of [false, true]) {
        const e = exampleOf(ref, 5, { serializeParallel });
        const back = readShareGptRecord(JSON.parse(toShareGptLine(e, project(ref.name))) as ShareGptRecord);
        const expected = withoutFields(transcriptOf(e), { ids: true, resultTools: true });
        expect(withoutStepReplies(back), `${ref.name}/${ref.chainId}`).toEqual(withoutStepReplies(expected));
        // The assistant's own texts (a question before a confirmed call, the final reply) are all there, in order.
        const texts = (t: Transcript) => t.turns.flatMap((turn) => (turn.kind === 'reply' ? [turn.text] : []));
        const written = texts(back);
        let at = 0;
        for (const text of texts(expected)) {
          at = written.indexOf(text, at);
          expect(at, `${ref.name}/${ref.chainId}: "${text}"`).toBeGreaterThanOrEqual(0);
          at += 1;
        }
      }
    }
  });
});

describe('checkShareGptRecord: each rule', () => {
  const value = (r: Doc, i: number) => JSON.parse(r.conversations[i].value);
  const setValue = (r: Doc, i: number, v: unknown) => (r.conversations[i].value = JSON.stringify(v));
  const cases: [string, (r: Doc) => void, string][] = [
    ['system-not-string', (r) => (r.system = 1), '$.system'],
    ['tools-not-string', (r) => (r.tools = JSON.parse(r.tools)), '$.tools'],
    ['tools-not-json', (r) => (r.tools = '[{'), '$.tools'],
    ['tool-definition', (r) => (r.tools = JSON.stringify([{ name: 'find_available_rooms', parameters: { type: 'object' } }])), '$.tools[0]'],
    ['no-conversations', (r) => (r.conversations = []), '$.conversations'],
    ['message-not-object', (r) => (r.conversations[0] = 'hi'), '$.conversations[0]'],
    ['value-not-string', (r) => (r.conversations[0].value = 1), '$.conversations[0].value'],
    ['bad-from', (r) => (r.conversations[0].from = 'user'), '$.conversations[0].from'],
    ['bad-position', (r) => r.conversations.shift(), '$.conversations[0].from'],
    ['odd-count', (r) => r.conversations.splice(7, 0, { from: 'human', value: 'thanks' }), '$.conversations'],
    ['empty-value', (r) => (r.conversations[0].value = ''), '$.conversations[0].value'],
    ['function-call-not-json', (r) => (r.conversations[3].value = 'book_room(room_id=1)'), '$.conversations[3].value'],
    ['function-call-shape', (r) => setValue(r, 3, { function: 'book_room' }), '$.conversations[3].value'],
    ['undeclared-tool', (r) => setValue(r, 1, [{ ...value(r, 1)[0], name: 'find_rooms' }, value(r, 1)[1]]), '$.conversations[1].value[0].name'],
    ['arguments-not-object', (r) => setValue(r, 3, { ...value(r, 3), arguments: JSON.stringify(value(r, 3).arguments) }), '$.conversations[3].value.arguments'],
    ['arguments-schema', (r) => setValue(r, 1, [{ ...value(r, 1)[0], arguments: { date: 1 } }, value(r, 1)[1]]), '$.conversations[1].value[0].arguments'],
    ['unanswered-call', (r) => r.conversations.splice(2, 1, { from: 'human', value: 'and?' }), '$.conversations[1]'],
    ['observation-without-call', (r) => (r.conversations[3] = { from: 'gpt', value: 'Booking…' }), '$.conversations[4]'],
    ['no-final-reply', (r) => r.conversations.pop(), '$.conversations[6]'],
  ];
  it.each(cases)('%s', (rule, edit, path) => {
    expect(broken(edit)).toContain(`${rule} @ ${path}`);
  });

  it('a line that is not JSON or not an object', () => {
    expect(checkShareGptLine('{"conversations": [')[0].code).toBe('not-json');
    expect(checkShareGptRecord('hi')[0].code).toBe('not-an-object');
  });
});
