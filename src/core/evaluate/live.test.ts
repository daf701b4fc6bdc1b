import { describe, expect, it } from 'vitest';
import { generatorFor, project } from '../formats/formats.testutil.ts';
import { buildGoldCase } from './gold.ts';
import { LiveConversation, ModelAnswerError, ToolAnswerer } from './live.ts';
import { evalProject, handMadeGold } from './fixtures.testutil.ts';

const call = (id: string, name: string, args: unknown) => ({
  id,
  type: 'function',
  function: { name, arguments: typeof args === 'string' ? args : JSON.stringify(args) },
});

describe('ToolAnswerer', () => {
  const answerer = new ToolAnswerer(evalProject(), 5);

  it("simulates a result from the tool's returns schema, echoing the arguments, the same for the same case and call number", () => {
    const a = answerer.answer('case-1', 0, 'create_reminder', '{"task_id":"T-042","note":"x"}');
    expect(a.error).toBeUndefined();
    expect(a.result).toMatchObject({ task_id: 'T-042', reminder_id: expect.stringMatching(/^R-\d{3}$/) });
    expect(answerer.answer('case-1', 0, 'create_reminder', '{"task_id":"T-042","note":"x"}')).toEqual(a);
    expect(answerer.answer('case-2', 0, 'list_tasks', { due_before: '2026-01-11' }).result).toMatchObject({ tasks: expect.any(Array) });
  });

  it('answers an unknown tool and invalid arguments with an error result', () => {
    expect(answerer.answer('c', 0, 'rm_rf', '{}').result).toEqual({
      error: { code: 'unknown_tool', message: 'there is no tool named "rm_rf" (tools: list_tasks, get_calendar, create_reminder, create_task)' },
    });
    expect(answerer.answer('c', 1, 'create_task', '{"title": 3}').result).toEqual({ error: { code: 'invalid_arguments', message: 'title must be string' } });
    expect(answerer.answer('c', 2, 'create_task', '{title').result).toEqual({
      error: { code: 'invalid_arguments', message: 'the arguments are not valid JSON' },
    });
    expect(answerer.answer('c', 3, 'create_task', '[1]').result).toEqual({
      error: { code: 'invalid_arguments', message: 'the arguments must be a JSON object' },
    });
  });
});

describe('LiveConversation', () => {
  it('answers every call, ends at a text reply, and stops at the turn limit', () => {
    const gold = handMadeGold(true);
    const c = new LiveConversation(gold, new ToolAnswerer(evalProject(), 1), 2);
    expect(c.messages).toEqual(gold.messages);
    expect(
      c.receive({
        role: 'assistant',
        content: null,
        tool_calls: [call('a', 'list_tasks', { due_before: '2026-01-11' }), call('b', 'get_calendar', { date: '2026-01-06' })],
      }),
    ).toEqual({ done: false });
    expect(c.messages.slice(-3).map((m) => m.role)).toEqual(['assistant', 'tool', 'tool']);
    expect(c.receive({ role: 'assistant', content: 'Done.' })).toEqual({ done: true, reason: 'reply' });
    expect(c.prediction()).toEqual({ id: gold.id, messages: c.messages });

    const limited = new LiveConversation(gold, new ToolAnswerer(evalProject(), 1), 1);
    expect(limited.receive({ role: 'assistant', tool_calls: [{ function: { name: 'list_tasks', arguments: { due_before: 'x' } } }] })).toEqual({
      done: true,
      reason: 'turn-limit',
    });
    // A call without an id gets one; object arguments are written as JSON text.
    expect(limited.messages[limited.messages.length - 2]).toMatchObject({
      role: 'assistant',
      tool_calls: [{ id: 'call_0_0', function: { arguments: '{"due_before":"x"}' } }],
    });
    expect(() => limited.receive('nonsense')).toThrow(ModelAnswerError);
  });

  it("sends a confirmation's answer when the model asks, and answers a failing call with the gold's error once", () => {
    const archive = project('archive-cleanup');
    for (let index = 0; index < 100; index += 1) {
      const gc = buildGoldCase(archive, generatorFor({ name: 'archive-cleanup', chainId: 'delete-archived' }).example(1, index));
      if (!gc.gold.confirmations.length) continue;
      const c = new LiveConversation(gc, new ToolAnswerer(archive, 1), 8);
      expect(c.receive({ role: 'assistant', content: 'Shall I?' })).toEqual({ done: false });
      expect(c.messages[c.messages.length - 1]).toEqual({ role: 'user', content: gc.gold.confirmations[0].answer });
      break;
    }
    const rooms = project('room-booking-retry');
    for (let index = 0; index < 100; index += 1) {
      const gc = buildGoldCase(rooms, generatorFor({ name: 'room-booking-retry', chainId: 'book-retry-invite' }).example(1, index));
      const failure = gc.gold.failures[0];
      if (!failure) continue;
      const booked = gc.gold.turns.flatMap((t) => t.calls).find((x) => x.id === 'book')!;
      const args = Object.fromEntries(Object.entries(booked.args).map(([k, v]) => [k, v.value]));
      const c = new LiveConversation(gc, new ToolAnswerer(rooms, 1), 8);
      c.receive({ role: 'assistant', tool_calls: [call('x1', 'book_room', args)] });
      expect(JSON.parse(c.messages[c.messages.length - 1].content as string)).toEqual(failure.error);
      c.receive({ role: 'assistant', tool_calls: [call('x2', 'book_room', args)] });
      expect(JSON.parse(c.messages[c.messages.length - 1].content as string)).toHaveProperty('booking_id');
      return;
    }
    throw new Error('no failing example');
  });
});
