import { describe, it, expect } from 'vitest';
import { makeProject, makeTool, runRule } from '../testing.testutil.ts';
import { secondAction, twoThingsRule } from './twoThings.ts';

describe('does-two-things', () => {
  it('flags two joined actions', () => {
    expect(secondAction('Creates a user and sends them a welcome email.')).toBe('and sends them');
    expect(secondAction('Validate the order, then charge the card.')).toBe('then charge the');
    expect(secondAction('Open an incident ticket and assign it to a person.')).toBe('and assign it');
    expect(secondAction('Fetch the report and also email it to the team.')).toBe('and also email it');
    expect(secondAction('Book the room as well as notify all attendees.')).toBe('as well as notify all');
    const [f] = runRule(twoThingsRule, makeProject([makeTool('create_user', { description: 'Creates a user and sends them a welcome email.' })]));
    expect(f).toMatchObject({ code: 'does-two-things', path: '$.tools[0].function.description', message: expect.stringMatching(/…and sends them…/) });
  });

  it('does not flag lists of things, results, or one action', () => {
    for (const text of [
      'List the members of a team with their names, roles and email addresses.',
      'Get the name and email of a user.',
      'Book a room and return the booking.',
      'Look up the team that owns a service and the person currently on call for it.',
      "Get the user's orders and messages for today.",
      'Move or rename a file or directory.',
      '',
    ]) {
      expect(secondAction(text), text).toBeNull();
    }
  });
});
