import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsonValue } from '../project/types.ts';
import { resultSaysFailure, summaryReply, type RanCall } from './reply.ts';
import { generatorOf, project, range, replyOf, tool } from './resultAware.testutil.ts';

let n = 0;
/** One call that ran: its tool, arguments and result (a design call id per tool unless given). */
const ran = (toolName: string, args: { [k: string]: JsonValue }, result: JsonValue, extra: { callId?: string; error?: boolean } = {}): RanCall => ({
  call: { id: `c${(n += 1)}`, callId: extra.callId ?? toolName, tool: toolName, args },
  result,
  ...(extra.error ? { error: true } : {}),
});

const sentences = (text: string) => text.split(/(?<=\.)\s+(?=[A-Z])/).length;

describe('the default reply: a short natural answer built from what happened', () => {
  it('nothing ran', () => {
    expect(summaryReply([])).toBe('There was nothing to do with the tools for this request.');
  });

  it('what was found (how many), and what was booked: the chosen one by its name, with its id', () => {
    const rooms = [
      { room_id: 'R-1', name: 'Orchid', capacity: 4 },
      { room_id: 'R-2', name: 'Maple', capacity: 8 },
    ];
    const text = summaryReply([
      ran('find_available_rooms', { date: '2026-01-07' }, { rooms }),
      ran('book_room', { room_id: 'R-2', date: '2026-01-07' }, { booking_id: 'BK-77', room_id: 'R-2', status: 'confirmed' }),
    ]);
    expect(text).toBe('I found 2 rooms. Then I booked the room (Maple, booking BK-77).');
    expect(text).not.toMatch(/I ran|Done\./);
  });

  it('one found thing is singular, none says none; a list named "entries" takes the tool\'s noun', () => {
    expect(summaryReply([ran('search_hotels', { city: 'Rome' }, { hotels: [{ hotel_id: 'H-1', name: 'Hotel Roma' }] })])).toBe('I found 1 hotel.');
    expect(summaryReply([ran('search_hotels', { city: 'Rome' }, { hotels: [] })])).toBe('I found no hotels.');
    expect(summaryReply([ran('get_logs', { service: 'api' }, { service: 'api', entries: [{ level: 'error' }, { level: 'warn' }, { level: 'error' }] })])).toBe(
      'I found 3 log entries.',
    );
  });

  it('a single read says a fact or two, with units, and leaves out what the user asked (echoes), ids and times', () => {
    const text = summaryReply([
      ran('get_weather_forecast', { city: 'Oslo', date: '2026-01-09' }, { city: 'Oslo', date: '2026-01-09', condition: 'light snow', high_c: -2, low_c: -8 }),
    ]);
    expect(text).toBe('I checked the weather forecast (light snow, high -2 °C).');
    expect(summaryReply([ran('get_user', { user_id: 'U-1' }, { user_id: 'U-1', name: 'Ada Lovelace', email: 'ada@example.com' })])).toBe(
      'I checked the user (Ada Lovelace).',
    );
  });

  it('a false success flag is never called a success', () => {
    const text = summaryReply([ran('send_itinerary', { email: 'a@example.com' }, { message_id: 'MSG-1', sent: false })]);
    expect(text).toBe('I tried to send the itinerary, but it did not go through (sent: false).');
    expect(text).not.toMatch(/\bsent the itinerary/);
  });

  it('a failed status is not a success either (but "cancelled" is what a cancel tool should give)', () => {
    expect(summaryReply([ran('deploy_service', { service: 'api' }, { deployment_id: 'D-1', status: 'failed' })])).toBe(
      'I tried to deploy the service, but it did not go through (status failed).',
    );
    expect(summaryReply([ran('cancel_booking', { booking_id: 'B-1' }, { booking_id: 'B-1', status: 'cancelled' })])).toBe('I cancelled the booking.');
  });

  it('an error result says what could not be done, and why', () => {
    const text = summaryReply([ran('mkdir', { dir_name: 'old' }, { error: { code: 'EACCES', message: 'Permission denied.' } }, { error: true })]);
    expect(text).toBe("I couldn't create the folder (Permission denied).");
    expect(text).not.toMatch(/created/);
  });

  it('a call that failed and then succeeded on its retry counts as done', () => {
    const text = summaryReply([
      ran('book_room', { room_id: 'R-1' }, { error: 'Room taken' }, { callId: 'book', error: true }),
      ran('book_room', { room_id: 'R-2' }, { booking_id: 'BK-2', room_id: 'R-2' }, { callId: 'book' }),
    ]);
    expect(text).toBe('I booked the room (booking BK-2).');
  });

  it('a declined call: the reply says it was not done, as the user asked', () => {
    const text = summaryReply([ran('list_projects', { archived: true }, { projects: [{ project_id: 'P-1', name: 'Old site' }] })], {
      declined: [{ tool: 'delete_project' }],
    });
    expect(text).toBe("I found 1 project. As you asked, I didn't delete the project.");
  });

  it('a fan-out: one sentence for its calls, naming each thing', () => {
    const tasks = [
      { task_id: 'T-1', title: 'Write report' },
      { task_id: 'T-2', title: 'Call Sam' },
    ];
    const text = summaryReply([
      ran('list_tasks', {}, { tasks }),
      ran('add_reminder', { task_id: 'T-1' }, { reminder_id: 'RM-1', task_id: 'T-1' }, { callId: 'remind' }),
      ran('add_reminder', { task_id: 'T-2' }, { reminder_id: 'RM-2', task_id: 'T-2' }, { callId: 'remind' }),
    ]);
    expect(text).toBe('I found 2 tasks. Then I added 2 reminders (Write report and Call Sam).');
  });

  it('findings, actions and problems each take one sentence: never more than three', () => {
    const text = summaryReply([
      ran('search_flights', {}, { flights: [{ flight_id: 'F1', airline: 'KLM' }] }),
      ran('get_weather', { city: 'Rome' }, { city: 'Rome', summary: 'Sunny.' }),
      ran('book_flight', { flight_id: 'F1' }, { booking_id: 'BK1' }),
      ran('send_email', { to: 'a@example.com' }, { message_id: 'M1', sent: false }),
    ]);
    expect(text).toBe(
      'I found 1 flight and checked the weather (Sunny). Then I booked the flight (KLM, booking BK1). I tried to send the email, but it did not go through (sent: false).',
    );
    expect(sentences(text)).toBe(3);
  });

  it('with a random stream, the phrasing varies over examples (the facts do not); without one it is fixed', () => {
    const calls = [
      ran('search_hotels', { city: 'Rome' }, { hotels: [{ hotel_id: 'H-1', name: 'Hotel Roma' }] }),
      ran('book_hotel', { hotel_id: 'H-1' }, { reservation_id: 'RES-1' }),
    ];
    const texts = new Set(
      [0, 1, 2].flatMap((a) =>
        [0, 1, 2].map((b) => {
          const picks = [a, b];
          return summaryReply(calls, { pick: (k) => picks.shift()! % k });
        }),
      ),
    );
    expect([...texts].sort()).toEqual([
      'I found 1 hotel. After that, I booked the hotel (Hotel Roma, reservation RES-1).',
      'I found 1 hotel. I then booked the hotel (Hotel Roma, reservation RES-1).',
      'I found 1 hotel. Then I booked the hotel (Hotel Roma, reservation RES-1).',
      'I looked and found 1 hotel. After that, I booked the hotel (Hotel Roma, reservation RES-1).',
      'I looked and found 1 hotel. I then booked the hotel (Hotel Roma, reservation RES-1).',
      'I looked and found 1 hotel. Then I booked the hotel (Hotel Roma, reservation RES-1).',
    ]);
    expect(summaryReply(calls)).toBe('I found 1 hotel. Then I booked the hotel (Hotel Roma, reservation RES-1).');
  });

  it('says "then" only when everything looked up came before everything done', () => {
    const text = summaryReply([
      ran('deploy_service', { service: 'api' }, { deployment_id: 'D-1', status: 'succeeded' }),
      ran('get_logs', { service: 'api' }, { entries: [{ level: 'error' }] }),
      ran('create_ticket', { title: 'Errors' }, { ticket_id: 'T-1', title: 'Errors in api' }),
    ]);
    expect(text).toBe('I found 1 log entry. I also deployed the service (deployment D-1) and created the ticket (Errors in api, ticket T-1).');
  });

  it('the same calls and results give the same text', () => {
    const calls = [ran('search_hotels', { city: 'Rome' }, { hotels: [{ hotel_id: 'H-1', name: 'Hotel Roma' }] })];
    expect(summaryReply(calls)).toBe(summaryReply(structuredClone(calls)));
  });
});

describe('success flags', () => {
  it('reads false flags, failed statuses and errors', () => {
    expect(resultSaysFailure({ ok: false })).toBe('ok: false');
    expect(resultSaysFailure({ deleted: false })).toBe('deleted: false');
    expect(resultSaysFailure({ status: 'rejected' })).toBe('status rejected');
    expect(resultSaysFailure({ error: 'Quota exceeded' })).toBe('Quota exceeded');
    expect(resultSaysFailure({ ok: true, sent: true, status: 'confirmed' })).toBeUndefined();
    expect(resultSaysFailure({ flag: false })).toBeUndefined();
  });

  it('property: a result with a false success flag never reads as done', () => {
    const flag = fc.constantFrom('ok', 'success', 'sent', 'confirmed', 'deleted', 'created', 'acknowledged', 'saved');
    const verb = fc.constantFrom('send', 'create', 'delete', 'book', 'acknowledge', 'save', 'update');
    const noun = fc.constantFrom('email', 'ticket', 'file', 'room', 'invoice');
    fc.assert(
      fc.property(flag, verb, noun, fc.boolean(), (f, v, o, withId) => {
        const result: { [k: string]: JsonValue } = { [f]: false };
        if (withId) result[`${o}_id`] = 'X-1';
        const text = summaryReply([ran(`${v}_${o}`, {}, result)]);
        expect(text).toMatch(/did not go through/);
        expect(text).not.toMatch(new RegExp(`I (${v}ed|${v}d|sent) the`));
      }),
      { numRuns: 100, seed: 3 },
    );
  });
});

describe('the generator uses it for a chain without a reply', () => {
  const FIND = tool(
    'find_rooms',
    { date: { type: 'string' } },
    {
      type: 'object',
      properties: {
        rooms: {
          type: 'array',
          minItems: 2,
          maxItems: 2,
          items: {
            type: 'object',
            properties: { room_id: { type: 'string', pattern: '^R-[0-9]{3}$' }, name: { type: 'string', enum: ['Orchid', 'Maple'] } },
            required: ['room_id', 'name'],
          },
        },
      },
      required: ['rooms'],
    },
  );
  const BOOK = tool(
    'book_room',
    { room_id: { type: 'string' } },
    { type: 'object', properties: { booking_id: { type: 'string', pattern: '^BK-[0-9]{4}$' } }, required: ['booking_id'] },
  );

  it('says what was found and booked, and what failed when the booking fails without a retry', () => {
    const g = generatorOf(
      project(
        [FIND, BOOK],
        [
          {
            id: 'c',
            requests: ['Book a room.'],
            calls: [
              { id: 'find', tool: 'find_rooms', args: { date: '2026-01-07' } },
              {
                id: 'book',
                tool: 'book_room',
                args: { room_id: '{find.rooms[0].room_id}' },
                failure: { rate: 0.5, error: { error: { message: 'Room taken' } } },
              },
            ],
          },
        ],
      ),
    );
    const texts = range(40).map((i) => replyOf(g.example(1, i)));
    expect(
      texts.filter((t) => /^I (looked and )?found 2 rooms\. (Then I|After that, I|I then) booked the room \((Orchid|Maple), booking BK-\d{4}\)\.$/.test(t))
        .length,
    ).toBeGreaterThan(5);
    expect(texts.filter((t) => /^I (looked and )?found 2 rooms\. I couldn't book the room \(Room taken\)\.$/.test(t)).length).toBeGreaterThan(5);
    // The same seed and index give the same reply.
    expect(replyOf(g.example(1, 3))).toBe(texts[3]);
    expect(texts.every((t) => !/I ran|Done\./.test(t))).toBe(true);
  });
});
