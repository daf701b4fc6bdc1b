import { describe, it, expect } from 'vitest';
import { makeProject, makeTool, runRule } from '../testing.testutil.ts';
import { toolCountRule, unusedToolRule } from './usage.ts';

const chain = (...tools: string[]) => ({ id: 'c', requests: ['go'], calls: tools.map((tool, i) => ({ id: `k${i}`, tool, args: {} })) });

describe('too-many-tools', () => {
  it('more than 15 tools offered to a chain', () => {
    const many = makeProject(
      Array.from({ length: 16 }, (_, i) => makeTool(`get_thing_${i}`)),
      [chain('get_thing_0')],
    );
    expect(toolCountRule(many)).toEqual([
      expect.objectContaining({ code: 'too-many-tools', path: '$.tools', message: expect.stringMatching(/all 16 tools to each of the 1 chain/) }),
    ]);
    expect(toolCountRule(makeProject(many.tools.slice(0, 15)))).toEqual([]);
  });
});

describe('unused-tool', () => {
  it('a tool no chain calls, once the project has calls', () => {
    const project = makeProject([makeTool('get_a'), makeTool('get_b')], [chain('get_a')]);
    expect(runRule(unusedToolRule, project, 0)).toEqual([]);
    expect(runRule(unusedToolRule, project, 1)).toEqual([expect.objectContaining({ code: 'unused-tool', path: '$.tools[1]', tool: 'get_b' })]);
  });

  it('a project without calls (a freshly imported library) is not flagged', () => {
    expect(runRule(unusedToolRule, makeProject([makeTool('get_a')]))).toEqual([]);
  });
});
