import { describe, it, expect } from 'vitest';
import { makeProject, makeTool, ruleIds, runRule } from '../testing.testutil.ts';
import { descriptionRule } from './description.ts';

const run = (name: string, description: string | undefined) => runRule(descriptionRule, makeProject([makeTool(name, { description: description as string })]));

describe('description rules', () => {
  it('description-missing: absent or blank', () => {
    const t = makeTool('get_weather');
    delete t.function.description;
    expect(runRule(descriptionRule, makeProject([t]))).toEqual([
      expect.objectContaining({
        code: 'description-missing',
        severity: 'warning',
        weight: 'high',
        path: '$.tools[0].function.description',
        tool: 'get_weather',
      }),
    ]);
    expect(ruleIds(run('get_weather', '   '))).toEqual(['description-missing']);
  });

  it('description-restates-name: only the name\'s words (plurals, articles and "tool" aside)', () => {
    expect(ruleIds(run('get_weather', 'Gets the weather.'))).toEqual(['description-restates-name']);
    expect(ruleIds(run('findAvailableRooms', 'Tool to find available rooms'))).toEqual(['description-restates-name']);
    expect(ruleIds(run('get_weather', 'Get the current weather for a city, in degrees Celsius.'))).toEqual([]);
  });

  it('description-short: fewer than four words', () => {
    expect(ruleIds(run('get_weather', 'Weather by city.'))).toEqual(['description-short']);
    expect(ruleIds(run('rm', 'Remove a file or directory.'))).toEqual([]);
  });

  it('each finding says why and how to fix', () => {
    const [f] = run('get_weather', '');
    expect(f.message).toMatch(/chooses tools by their descriptions/);
    expect(f.fix).toMatch(/Write one or two sentences/);
  });
});
