import { describe, it, expect } from 'vitest';
import { makeProject, makeTool, ruleIds, runRule } from '../testing.testutil.ts';
import { returnsRule } from './returns.ts';

const run = (returns: unknown) => {
  const tool = makeTool('get_room');
  if (returns === undefined) delete tool.returns;
  else tool.returns = returns as never;
  return runRule(returnsRule, makeProject([tool]));
};

describe('returns rules', () => {
  it('returns-missing', () => {
    expect(run(undefined)).toEqual([
      expect.objectContaining({
        code: 'returns-missing',
        severity: 'warning',
        weight: 'medium',
        path: '$.tools[0]',
        message: expect.stringMatching(/\{"ok": true\}/),
      }),
    ]);
  });

  it('result-field-undocumented: fields without a type, objects without properties, lists without items — at their paths', () => {
    const findings = run({
      type: 'object',
      properties: {
        room_id: { type: 'string' },
        extra: { description: 'Something.' },
        blob: {},
        meta: { type: 'object' },
        tags: { type: 'array' },
        people: { type: 'array', items: { type: 'object', properties: { who: {} } } },
      },
    });
    expect(findings.map((f) => f.path)).toEqual([
      '$.tools[0].returns.properties.extra',
      '$.tools[0].returns.properties.blob',
      '$.tools[0].returns.properties.meta',
      '$.tools[0].returns.properties.tags',
      '$.tools[0].returns.properties.people.items.properties.who',
    ]);
    expect(new Set(ruleIds(findings))).toEqual(new Set(['result-field-undocumented']));
    expect(findings[1].message).toMatch(/no type and no description/);
  });

  it('passes for typed fields (enum, const, $ref and x-fake count as typed) and open maps', () => {
    expect(
      run({
        type: 'object',
        properties: {
          a: { enum: [1, 2] },
          b: { const: 'x' },
          c: { $ref: '#/$defs/c' },
          d: { 'x-fake': 'person.fullName' },
          e: { type: 'object', additionalProperties: { type: 'number' } },
        },
      }),
    ).toEqual([]);
  });
});
