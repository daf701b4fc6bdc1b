import { describe, it, expect } from 'vitest';
import { loadExample } from '../testing/fixtures.ts';
import type { Project, ToolDef } from '../project/types.ts';
import { applyToolMerge, planToolMerge } from './merge.ts';
import { exportTools, jobDescription } from './export.ts';
import { importTools } from './importTools.ts';

const tool = (name: string, description = `Do ${name} things for the user.`): ToolDef => ({
  type: 'function',
  function: { name, description, parameters: { type: 'object', properties: {} } },
});
const frozenCopy = (p: Project) => JSON.parse(JSON.stringify(p)) as Project;

describe('planToolMerge', () => {
  it('lists the clashes with the calls that use the clashing tool and the name a kept copy would get', () => {
    const project = loadExample('room-booking');
    const plan = planToolMerge(project, [tool('book_room'), tool('cancel_booking'), project.tools[0]]);
    expect(plan.added).toEqual(['cancel_booking']);
    expect(plan.clashes).toEqual([
      {
        name: 'book_room',
        existingIndex: 2,
        incomingIndex: 0,
        identical: false,
        keepBothName: 'book_room_2',
        usedBy: [{ chainId: 'book-and-invite', callId: 'book', path: '$.chains[0].calls[2]' }],
      },
      expect.objectContaining({ name: 'find_available_rooms', identical: true, keepBothName: 'find_available_rooms_2' }),
    ]);
  });

  it("a kept copy's name avoids every taken name, incoming ones included", () => {
    const project: Project = { ...loadExample('room-booking'), tools: [tool('a'), tool('a_2')] };
    expect(planToolMerge(project, [tool('a'), tool('a_3')]).clashes[0].keepBothName).toBe('a_4');
  });
});

describe('applyToolMerge', () => {
  it("replace keeps the place, keep-both appends a renamed copy, skip leaves the project's; the input is not changed", () => {
    const project = loadExample('room-booking');
    const before = frozenCopy(project);
    const incoming = [tool('book_room', 'A new definition of booking.'), tool('send_invites'), tool('get_team_members'), tool('cancel_booking')];
    const r = applyToolMerge(project, incoming, { book_room: 'replace', send_invites: 'keep-both', get_team_members: 'skip' });
    expect(project).toEqual(before);
    expect(r.project.tools.map((t) => t.function.name)).toEqual([
      'find_available_rooms',
      'get_team_members',
      'book_room',
      'send_invites',
      'send_invites_2',
      'cancel_booking',
    ]);
    expect(r.project.tools[2].function.description).toBe('A new definition of booking.');
    expect(r.project.tools[1]).toBe(project.tools[1]);
    expect(r).toMatchObject({
      added: ['cancel_booking'],
      replaced: ['book_room'],
      skipped: ['get_team_members'],
      renamed: [{ from: 'send_invites', to: 'send_invites_2' }],
    });
    // The merged project holds copies: changing the incoming list later does not reach it.
    incoming[3].function.name = 'changed';
    expect(r.project.tools[5].function.name).toBe('cancel_booking');
  });

  it('one decision for all clashes; clashes without a decision are skipped; "constructor" is a name like any other', () => {
    const project = { ...loadExample('room-booking'), tools: [tool('constructor'), tool('book_room')] };
    expect(applyToolMerge(project, [tool('constructor', 'Other.'), tool('book_room', 'Other.')], 'keep-both').renamed.map((r) => r.to)).toEqual([
      'constructor_2',
      'book_room_2',
    ]);
    const r = applyToolMerge(project, [tool('constructor', 'Other.'), tool('book_room', 'Other.')], { book_room: 'replace' });
    expect(r.skipped).toEqual(['constructor']);
    expect(r.replaced).toEqual(['book_room']);
  });

  it("a job description's task_description becomes the system prompt only when the project has none", () => {
    const withPrompt = loadExample('room-booking');
    const incoming = { tools: [tool('x')], systemPrompt: 'From the file.' };
    expect(applyToolMerge(withPrompt, incoming).project.systemPrompt).toBe(withPrompt.systemPrompt);
    expect(planToolMerge(withPrompt, incoming).setsSystemPrompt).toBe(false);
    const { systemPrompt: _drop, ...rest } = withPrompt;
    const without = rest as Project;
    const r = applyToolMerge(without, incoming);
    expect(r.systemPromptSet).toBe(true);
    expect(r.project.systemPrompt).toBe('From the file.');
    expect(applyToolMerge({ ...without, systemPrompt: '  ' }, incoming).project.systemPrompt).toBe('From the file.');
    expect(without.systemPrompt).toBeUndefined();
  });
});

describe('exportTools', () => {
  it("OpenAI tools: Chainwright's keys left out; import gives them back without returns", () => {
    const project = loadExample('room-booking');
    const list = JSON.parse(exportTools(project, 'openai'));
    expect(list).toHaveLength(4);
    expect(Object.keys(list[0])).toEqual(['type', 'function']);
    const back = importTools(exportTools(project, 'openai'));
    expect(back.ok && back.tools.map((t) => t.function)).toEqual(project.tools.map((t) => t.function));
  });

  it('job_description.json: task_description is the system prompt, and it imports back as one', () => {
    const project = loadExample('file-system');
    const text = exportTools(project, 'job-description');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(jobDescription(project));
    const back = importTools(text);
    expect(back.ok && back.format.id).toBe('job-description');
    expect(back.ok && back.systemPrompt).toBe(project.systemPrompt);
  });
});
