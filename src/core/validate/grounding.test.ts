import { describe, expect, it } from 'vitest';
import type { Call, Chain, FailureSpec, Project, ResultPins } from '../project/types.ts';
import { validateProject } from '../compile/compileProject.ts';
import { createGenerator } from '../generate/example.ts';
import { exampleTexts, loadExample } from '../testing/fixtures.ts';

const CODES = ['slot-not-in-request', 'invented-id', 'reply-contradicts-result'];

function project(chain: Partial<Chain>, extra: Partial<Project> = {}): Project {
  return {
    format: 'chainwright-project',
    version: 2,
    name: 'grounding',
    tools: [
      {
        type: 'function',
        function: { name: 'find_rooms', parameters: { type: 'object', properties: { date: { type: 'string' } } } },
        returns: {
          type: 'object',
          properties: { rooms: { type: 'array', items: { type: 'object', properties: { room_id: { type: 'string' } } } } },
          required: ['rooms'],
        },
      },
      {
        type: 'function',
        function: {
          name: 'book_room',
          parameters: {
            type: 'object',
            properties: { room_id: { type: 'string' }, date: { type: 'string' }, start_time: { type: 'string' }, customer_id: { type: 'string' } },
          },
        },
        returns: { type: 'object', properties: { booking_id: { type: 'string' } }, required: ['booking_id'] },
      },
      {
        type: 'function',
        function: { name: 'send_itinerary', parameters: { type: 'object', properties: { booking_id: { type: 'string' } } } },
        returns: { type: 'object', properties: { sent: { type: 'boolean' } }, required: ['sent'] },
      },
    ],
    chains: [
      {
        id: 'book',
        requests: ['Book a room on {date} at {time}.'],
        slots: { date: { oneOf: ['2026-01-06', '2026-01-07'] }, time: { oneOf: ['09:00', '10:00'] } },
        calls: [
          { id: 'rooms', tool: 'find_rooms', args: { date: '{date}' } },
          { id: 'book', tool: 'book_room', args: { room_id: '{rooms.rooms[0].room_id}', date: '{date}', start_time: '{time}' } },
        ],
        ...chain,
      } as Chain,
    ],
    ...extra,
  };
}

const found = (p: Project, code: string) => validateProject(p).filter((d) => d.code === code);

describe('grounding checks of a design', () => {
  it('finds none of them in any bundled example', () => {
    for (const name of Object.keys(exampleTexts)) {
      expect(
        validateProject(loadExample(name)).filter((d) => CODES.includes(d.code)),
        name,
      ).toEqual([]);
    }
  });

  describe('slot-not-in-request', () => {
    it('passes when every request template mentions the slot', () => {
      expect(found(project({}), 'slot-not-in-request')).toEqual([]);
    });

    it('names the request template that never mentions a slot an argument reads', () => {
      const p = project({ requests: ['Book a room on {date} at {time}.', 'I need a room on {date}, please.'] });
      const [d, ...rest] = found(p, 'slot-not-in-request');
      expect(rest).toEqual([]);
      expect(d).toMatchObject({ severity: 'warning', path: '$.chains[0].calls[1].args.start_time', chainId: 'book', callId: 'book' });
      expect(d.message).toContain('chain "book" request 1 ("I need a room on {date}, please.")');
      expect(d.message).toContain('$.chains[0].requests[1]');
    });

    it('does not flag a constant slot (the same in every example)', () => {
      const p = project({ requests: ['Book a room on {date}.'], slots: { date: { oneOf: ['2026-01-06', '2026-01-07'] }, time: '09:00' } });
      expect(found(p, 'slot-not-in-request')).toEqual([]);
    });

    it('reads a path into an object slot: {trip} covers {trip.city}, {trip.city} does not cover {trip.date}', () => {
      const slots = {
        trip: {
          oneOf: [
            { city: 'Rome', date: '2026-01-06' },
            { city: 'Oslo', date: '2026-01-07' },
          ],
        },
      };
      const calls = [{ id: 'rooms', tool: 'find_rooms', args: { date: '{trip.date}' } }];
      expect(found(project({ slots, calls, requests: ['Rooms for {trip}?'], reply: 'Rooms in {trip.city}.' }), 'slot-not-in-request')).toEqual([]);
      const d = found(project({ slots, calls, requests: ['Rooms in {trip.city}?'], reply: 'Rooms in {trip.city}.' }), 'slot-not-in-request');
      expect(d.map((x) => x.path)).toEqual(['$.chains[0].calls[0].args.date']);
    });

    it('flags a reply and a when that read an unmentioned slot', () => {
      const p = project({
        requests: ['Book a room on {date}.'],
        slots: { date: { oneOf: ['2026-01-06', '2026-01-07'] }, time: { oneOf: ['09:00', '10:00'] }, vip: { oneOf: [true, false] } },
        calls: [
          { id: 'rooms', tool: 'find_rooms', args: { date: '{date}' } },
          { id: 'book', tool: 'book_room', args: { room_id: '{rooms.rooms[0].room_id}', date: '{date}' }, when: { value: '{vip}', eq: true } },
        ],
        reply: [{ when: { ran: 'book' }, text: 'Booked {book.booking_id} at {time}.' }, { text: 'No booking.' }],
      });
      expect(found(p, 'slot-not-in-request').map((d) => d.path)).toEqual(['$.chains[0].calls[1].when.value', '$.chains[0].reply[0].text']);
    });

    it('flags a forEach over a slot the request never mentions', () => {
      const rooms = (request: string) =>
        project({
          requests: [request],
          slots: { date: { oneOf: ['2026-01-06', '2026-01-07'] }, time: { oneOf: ['09:00', '10:00'] }, rooms: { oneOf: [['RM-1', 'RM-2'], ['RM-3']] } },
          calls: [{ id: 'book', tool: 'book_room', forEach: '{rooms}', as: 'room', args: { room_id: '{room}', date: '{date}', start_time: '{time}' } }],
          reply: 'Booked {book.length} rooms on {date} at {time}.',
        });
      expect(found(rooms('Book rooms on {date} at {time}.'), 'slot-not-in-request').map((d) => d.path)).toEqual(['$.chains[0].calls[0].forEach']);
      expect(found(rooms('Book {rooms} on {date} at {time}.'), 'slot-not-in-request')).toEqual([]);
    });

    it('in a multi-turn chain, a slot said in an earlier step is known; one said only in a later step is not', () => {
      const calls: Call[] = [
        { id: 'rooms', tool: 'find_rooms', args: { date: '{date}' }, requests: ['Which rooms are free on {date}?'] },
        {
          id: 'book',
          tool: 'book_room',
          args: { room_id: '{rooms.rooms[0].room_id}', date: '{date}', start_time: '{time}' },
          requests: ['Book the first one at {time}.'],
        },
      ];
      expect(found(project({ requests: undefined, calls }), 'slot-not-in-request')).toEqual([]);
      const early: Call[] = [{ ...calls[0], args: { date: '{time}' } }, calls[1]];
      const [d] = found(project({ requests: undefined, calls: early }), 'slot-not-in-request');
      expect(d).toMatchObject({ path: '$.chains[0].calls[0].args.date' });
      expect(d.message).toContain('call "rooms" request 0');
    });
  });

  describe('invented-id', () => {
    it('flags a literal id that appears nowhere the call can read', () => {
      const p = project({
        calls: [
          ...project({}).chains[0].calls.slice(0, 1),
          { id: 'book', tool: 'book_room', args: { room_id: '{rooms.rooms[0].room_id}', date: '{date}', start_time: '{time}', customer_id: 'cus_8812' } },
        ],
      });
      const [d, ...rest] = found(p, 'invented-id');
      expect(rest).toEqual([]);
      expect(d).toMatchObject({ severity: 'warning', path: '$.chains[0].calls[1].args.customer_id', callId: 'book' });
      expect(d.message).toContain('"cus_8812"');
    });

    it('flags an id-shaped value under any key, and numbers under an id key', () => {
      const calls: Call[] = [
        { id: 'rooms', tool: 'find_rooms', args: { date: 'bk_7Kq2' } },
        { id: 'book', tool: 'book_room', args: { room_id: 4521 } },
      ];
      expect(found(project({ calls, requests: ['Rooms on {date} at {time}?'], reply: 'ok {date} {time}' }), 'invented-id').map((d) => d.path)).toEqual([
        '$.chains[0].calls[0].args.date',
        '$.chains[0].calls[1].args.room_id',
      ]);
    });

    it('passes when the id is in a request, the system prompt, a slot or the tool definition', () => {
      const withId = (requests: string[], extra: Partial<Project> = {}, slots?: Chain['slots']) =>
        project(
          {
            requests,
            ...(slots ? { slots } : {}),
            calls: [{ id: 'book', tool: 'book_room', args: { customer_id: 'cus_8812', date: '{date}', start_time: '{time}' } }],
          },
          extra,
        );
      expect(found(withId(['Book for cus_8812 on {date} at {time}.']), 'invented-id')).toEqual([]);
      expect(found(withId(['Book on {date} at {time}.'], { systemPrompt: 'The customer is cus_8812.' }), 'invented-id')).toEqual([]);
      expect(
        found(
          withId(
            ['Book {who} on {date} at {time}.'],
            {},
            { date: { oneOf: ['2026-01-06', '2026-01-07'] }, time: { oneOf: ['09:00', '10:00'] }, who: { oneOf: ['cus_8812', 'cus_9000'] } },
          ),
          'invented-id',
        ),
      ).toEqual([]);
      const p = withId(['Book on {date} at {time}.']);
      (p.tools[1].function.parameters.properties as Record<string, object>).customer_id = { type: 'string', enum: ['cus_8812'] };
      expect(found(p, 'invented-id')).toEqual([]);
    });

    it('passes a template with a reference (ALRT-{num}) and a value from a result', () => {
      expect(found(project({}), 'invented-id')).toEqual([]);
    });
  });

  describe('reply-contradicts-result', () => {
    const send = (reply: Chain['reply'], failure?: FailureSpec, result?: ResultPins) =>
      project({
        calls: [
          { id: 'rooms', tool: 'find_rooms', args: { date: '{date}' } },
          { id: 'book', tool: 'book_room', args: { room_id: '{rooms.rooms[0].room_id}', date: '{date}', start_time: '{time}' } },
          { id: 'mail', tool: 'send_itinerary', args: { booking_id: '{book.booking_id}' }, ...(failure ? { failure } : {}), ...(result ? { result } : {}) },
        ],
        reply,
      });

    it('is an error when a reply claims a failed, unretried call succeeded, and generation refuses the chain', () => {
      const p = send('I booked {book.booking_id} and sent the itinerary.', { rate: 0.3, recover: 'report' });
      const [d, ...rest] = found(p, 'reply-contradicts-result');
      expect(rest).toEqual([]);
      expect(d).toMatchObject({ severity: 'error', path: '$.chains[0].reply', callId: 'mail' });
      expect(d.message).toMatch(/says "sent".*fails in 30 %.*"failed": "mail"/);
      const made = createGenerator(p, 'book');
      expect(made.ok).toBe(false);
      expect(!made.ok && made.diagnostics.map((x) => x.code)).toContain('reply-contradicts-result');
    });

    it('passes when a variant for the failure comes first, or the call is retried', () => {
      const reply = [
        { when: { failed: 'mail' }, text: 'I booked {book.booking_id}, but the itinerary could not be sent.' },
        { text: 'I booked {book.booking_id} and sent the itinerary.' },
      ];
      expect(found(send(reply, { rate: 0.3 }), 'reply-contradicts-result')).toEqual([]);
      expect(found(send('I booked {book.booking_id} and sent the itinerary.', { rate: 0.3, recover: 'retry' }), 'reply-contradicts-result')).toEqual([]);
    });

    it('flags a pinned false flag unless the text is guarded by a condition on the flag', () => {
      const bad = send([{ when: { ran: 'mail' }, text: 'Sent the itinerary for {book.booking_id}.' }, { text: 'Nothing sent.' }], undefined, { sent: false });
      expect(found(bad, 'reply-contradicts-result').map((d) => d.path)).toEqual(['$.chains[0].reply[0].text']);
      const guarded = send(
        [
          { when: { value: '{mail.sent}', eq: true }, text: 'Sent the itinerary for {book.booking_id}.' },
          { text: 'I booked {book.booking_id}, but the itinerary was not sent.' },
        ],
        undefined,
        { sent: false },
      );
      expect(found(guarded, 'reply-contradicts-result')).toEqual([]);
    });

    it('flags a flag pinned to a slot that can be false, not one that is always true', () => {
      const pinned = (oneOf: boolean[]) => {
        const p = send('Sent the itinerary for {book.booking_id}.', undefined, { sent: '{will_send}' });
        p.chains[0].slots = { ...p.chains[0].slots, will_send: { oneOf } };
        return found(p, 'reply-contradicts-result').map((d) => d.callId);
      };
      expect(pinned([true, false])).toEqual(['mail']);
      expect(pinned([true])).toEqual([]);
    });

    it('does not read a field name inside a reference as a claim', () => {
      expect(found(send('Itinerary status: {mail.sent}.', { rate: 0.3 }), 'reply-contradicts-result')).toEqual([]);
    });
  });
});
