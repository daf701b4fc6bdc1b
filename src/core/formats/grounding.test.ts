import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allChains, generatorFor, project } from './formats.testutil.ts';
import { checksGrounding, failureOf, lineGroundingFindings } from './grounding.ts';
import { lineChecker } from './lineChecker.ts';
import { FORMATS, formatContext } from './registry.ts';
import type { OpenAITool } from '../tools/openAITools.ts';

const SYSTEM = 'You book rooms.';
const TOOLS: OpenAITool[] = [
  {
    type: 'function',
    function: {
      name: 'find_rooms',
      description: 'Find free rooms.',
      parameters: { type: 'object', properties: { date: { type: 'string' } }, required: ['date'] },
    },
  },
  {
    type: 'function',
    function: {
      name: 'book_room',
      description: 'Book a room.',
      parameters: { type: 'object', properties: { room_id: { type: 'string' } }, required: ['room_id'] },
    },
  },
];

/** A conversation: find rooms, book one (by the id given), then the reply; as an OpenAI line. */
function openaiLine(roomId: string, booking: object, reply: string): string {
  return JSON.stringify({
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: 'Book a room for 2026-01-06.' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'find_rooms', arguments: '{"date":"2026-01-06"}' } }] },
      { role: 'tool', tool_call_id: 'c1', content: '{"rooms":[{"room_id":"RM-204","name":"Atlas"}]}' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c2', type: 'function', function: { name: 'book_room', arguments: JSON.stringify({ room_id: roomId }) } }],
      },
      { role: 'tool', tool_call_id: 'c2', content: JSON.stringify(booking) },
      { role: 'assistant', content: reply },
    ],
    tools: TOOLS,
  });
}

/** The same conversation as a ShareGPT line (no call ids). */
function sharegptLine(roomId: string, booking: object, reply: string): string {
  return JSON.stringify({
    system: SYSTEM,
    tools: JSON.stringify(TOOLS.map((t) => t.function)),
    conversations: [
      { from: 'human', value: 'Book a room for 2026-01-06.' },
      { from: 'function_call', value: JSON.stringify({ name: 'find_rooms', arguments: { date: '2026-01-06' } }) },
      { from: 'observation', value: '{"rooms":[{"room_id":"RM-204","name":"Atlas"}]}' },
      { from: 'function_call', value: JSON.stringify({ name: 'book_room', arguments: { room_id: roomId } }) },
      { from: 'observation', value: JSON.stringify(booking) },
      { from: 'gpt', value: reply },
    ],
  });
}

/** The same conversation as an Anthropic line. */
function anthropicLine(roomId: string, booking: object, reply: string): string {
  return JSON.stringify({
    system: SYSTEM,
    tools: TOOLS.map((t) => ({ name: t.function.name, description: t.function.description, input_schema: t.function.parameters })),
    messages: [
      { role: 'user', content: 'Book a room for 2026-01-06.' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'find_rooms', input: { date: '2026-01-06' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: '{"rooms":[{"room_id":"RM-204","name":"Atlas"}]}' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Booking it.' },
          { type: 'tool_use', id: 'toolu_2', name: 'book_room', input: { room_id: roomId } },
        ],
      },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_2', content: JSON.stringify(booking) }] },
      { role: 'assistant', content: reply },
    ],
  });
}

const GOOD = ['RM-204', { booking_id: 'BK-1', confirmed: true }, 'I booked Atlas (RM-204), booking BK-1.'] as const;

describe('grounding checks of a line', () => {
  it('a grounded line with a truthful reply has no finding, in every format it is written in', () => {
    expect(lineGroundingFindings('openai', openaiLine(...GOOD))).toEqual([]);
    expect(lineGroundingFindings('sharegpt', sharegptLine(...GOOD))).toEqual([]);
    expect(lineGroundingFindings('anthropic', anthropicLine(...GOOD))).toEqual([]);
  });

  it('invented-id: an id no earlier message or result holds, with the JSON path of the argument', () => {
    expect(lineGroundingFindings('openai', openaiLine('RM-999', GOOD[1], GOOD[2]))).toEqual([
      {
        code: 'invented-id',
        severity: 'error',
        path: '$.messages[4].tool_calls[0].function.arguments',
        message: expect.stringContaining('"RM-999" as room_id'),
      },
    ]);
    expect(lineGroundingFindings('sharegpt', sharegptLine('RM-999', GOOD[1], GOOD[2])).map((f) => `${f.code} ${f.path}`)).toEqual([
      'invented-id $.conversations[3].value',
    ]);
    expect(lineGroundingFindings('anthropic', anthropicLine('RM-999', GOOD[1], GOOD[2])).map((f) => `${f.code} ${f.path}`)).toEqual([
      'invented-id $.messages[3].content[1].input.room_id',
    ]);
  });

  it('an id in the tools given (an enum) is grounded', () => {
    const tools = [
      TOOLS[0],
      { ...TOOLS[1], function: { ...TOOLS[1].function, parameters: { type: 'object', properties: { room_id: { type: 'string', enum: ['RM-999'] } } } } },
    ];
    const line = JSON.parse(openaiLine('RM-999', GOOD[1], GOOD[2])) as { tools?: unknown };
    delete line.tools;
    expect(lineGroundingFindings('openai', JSON.stringify(line), tools)).toEqual([]);
  });

  it('reply-contradicts-result: a reply that claims success after a false flag or an error, at the reply', () => {
    const notConfirmed = lineGroundingFindings('openai', openaiLine('RM-204', { booking_id: 'BK-1', confirmed: false }, 'Done: I booked Atlas for you.'));
    expect(notConfirmed).toEqual([
      {
        code: 'reply-contradicts-result',
        severity: 'error',
        path: '$.messages[6].content',
        message: expect.stringMatching(/says "Done".*book_room has confirmed: false/),
      },
    ]);
    const error = lineGroundingFindings('anthropic', anthropicLine('RM-204', { error: { code: 'ROOM_TAKEN' } }, 'Booked Atlas.'));
    expect(error.map((f) => `${f.code} ${f.path}`)).toEqual(['reply-contradicts-result $.messages[5].content']);
    // The reply that says what did not happen is the truth.
    expect(
      lineGroundingFindings('sharegpt', sharegptLine('RM-204', { error: { code: 'ROOM_TAKEN' } }, 'Sorry, Atlas was taken and I could not book it.')),
    ).toEqual([]);
  });

  it('reads a result as failed: an error, an error status, a false success flag (not one inside a list)', () => {
    expect(failureOf({ error: { code: 'X' } })).toBe('is an error');
    expect(failureOf({ status: 'failed' })).toBe('has status "failed"');
    expect(failureOf({ itinerary: { sent: false } })).toBe('has itinerary.sent: false');
    expect(failureOf({ rooms: [{ booked: false }] })).toBeUndefined();
    expect(failureOf({ sent: true })).toBeUndefined();
  });

  it('the line checker (check, the page) reports them with the line number; a line that breaks its format is not read', () => {
    const checker = lineChecker('auto', undefined);
    if ('error' in checker) throw new Error(checker.error);
    const bad = checker.push([openaiLine(...GOOD), '', openaiLine('RM-999', GOOD[1], GOOD[2])]);
    expect(bad).toEqual([{ line: 3, findings: [expect.objectContaining({ code: 'invented-id' })] }]);
    expect(checker.tally()).toMatchObject({ lines: 2, badLines: 1, findings: 1 });
  });

  it('property: any generated example of any example project, in any format with a reader, has no grounding finding', () => {
    const formats = FORMATS.filter((f) => checksGrounding(f.id));
    expect(formats.map((f) => f.id)).toEqual(expect.arrayContaining(['anthropic', 'hermes', 'hermes-conversations', 'hf', 'openai', 'sharegpt']));
    fc.assert(
      fc.property(
        fc.constantFrom(...allChains),
        fc.nat(1_000_000),
        fc.nat(10_000),
        fc.boolean(),
        fc.boolean(),
        (ref, seed, index, includeTools, omitSystem) => {
          const p = project(ref.name);
          const example = generatorFor(ref, { omitSystem }).example(seed, index);
          const context = formatContext(p, { includeTools });
          for (const format of formats) {
            for (const line of format.write(example, context)) {
              expect(
                lineGroundingFindings(format.id, line, includeTools ? undefined : context.tools),
                `${format.id} ${ref.name}/${ref.chainId} #${index}`,
              ).toEqual([]);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
