import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compactJson } from './compactJson.ts';
import type { JsonValue } from '../../core/index.ts';

describe('compactJson', () => {
  it('puts each element of a list of objects on a line of its own', () => {
    const value = {
      tasks: [
        { task_id: 'T-1', title: 'Review budget', priority: 'high' },
        { task_id: 'T-2', title: 'Write release notes', priority: 'low' },
      ],
    };
    expect(compactJson(value, 80)).toBe(
      [
        '{',
        '  "tasks": [',
        '    {"task_id":"T-1","title":"Review budget","priority":"high"},',
        '    {"task_id":"T-2","title":"Write release notes","priority":"low"}',
        '  ]',
        '}',
      ].join('\n'),
    );
  });

  it('keeps what fits on one line', () => {
    expect(compactJson({ events: [] })).toBe('{"events":[]}');
    expect(compactJson('text')).toBe('"text"');
  });

  it('is always the same JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 120 }), (value, width) => {
        expect(JSON.parse(compactJson(value as JsonValue, width))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
