import { describe, it, expect } from 'vitest';
import { makeProject, makeTool, ruleIds, runRule } from '../testing.testutil.ts';
import { listedValues, parametersRule } from './parameters.ts';

const run = (properties: Record<string, unknown>, required?: string[]) => {
  const tool = makeTool('list_tickets', { properties, required });
  if (required === undefined) delete tool.function.parameters.required;
  return runRule(parametersRule, makeProject([tool]));
};

describe('parameter rules', () => {
  it('parameter-description-missing: one finding per parameter, at its path', () => {
    const findings = run({ team: { type: 'string' }, limit: { type: 'integer', description: 'At most this many.' } }, ['team']);
    expect(findings).toEqual([expect.objectContaining({ code: 'parameter-description-missing', path: '$.tools[0].function.parameters.properties.team' })]);
    expect(run({ team: { type: 'string', description: 'The team.' } }, ['team'])).toEqual([]);
  });

  it('required-missing: parameters without a "required" list; [] is fine; no parameters is fine', () => {
    expect(ruleIds(run({ team: { type: 'string', description: 'The team.' } }))).toEqual(['required-missing']);
    expect(run({ team: { type: 'string', description: 'The team.' } }, [])).toEqual([]);
    expect(run({})).toEqual([]);
  });

  it('enum-missing: a description listing values, or an enum-like name, on a free string', () => {
    const listed = run({ sort: { type: 'string', description: 'Sort order, one of "asc", "desc".' } }, []);
    expect(listed).toEqual([expect.objectContaining({ code: 'enum-missing', fix: 'Add "enum": ["asc","desc"].' })]);
    expect(ruleIds(run({ colour: { type: 'string', description: 'Either red or blue.' } }, []))).toEqual(['enum-missing']);
    expect(ruleIds(run({ ticket_status: { type: 'string', description: 'Only tickets in this state.' } }, []))).toEqual(['enum-missing']);
    expect(ruleIds(run({ priority: { type: 'string', description: 'How urgent.' } }, []))).toEqual(['enum-missing']);
    expect(ruleIds(run({ sort_by: { type: 'string', description: 'Field to sort on.' } }, []))).toEqual(['enum-missing']);
  });

  it('enum-missing passes with an enum, a format or pattern, a non-string, or an ordinary name', () => {
    expect(run({ status: { type: 'string', enum: ['open', 'closed'], description: 'Which tickets.' } }, [])).toEqual([]);
    expect(run({ status: { type: 'string', pattern: '^[A-Z]+$', description: 'A code.' } }, [])).toEqual([]);
    expect(run({ level: { type: 'integer', description: 'From 1 to 5.' } }, [])).toEqual([]);
    expect(run({ name: { type: 'string', description: 'Name and email of the person.' } }, [])).toEqual([]);
  });

  it('listedValues extracts simple values', () => {
    expect(listedValues('one of a, b or c')).toEqual(['a', 'b', 'c']);
    expect(listedValues("Either 'pager' or 'slack'.")).toEqual(['pager', 'slack']);
    expect(listedValues('one of the teams')).toEqual([]);
  });
});
