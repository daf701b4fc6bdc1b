import { describe, it, expect } from 'vitest';
import jobDescriptionText from '../tools/fixtures/job_description.json?raw';
import { importTools } from '../tools/importTools.ts';
import { exampleTexts, loadExample } from '../testing/fixtures.ts';
import { auditProject } from './auditProject.ts';
import { gradeOf, penalty } from './grade.ts';
import { makeProject, makeTool } from './testing.testutil.ts';
import { auditFinding } from './rules/context.ts';
import type { AuditLevel } from './types.ts';

const f = (code: string, level: AuditLevel) => auditFinding(code, level, '$', '', '');

describe('grades', () => {
  it('penalties by weight (a note costs nothing), at most three findings per rule', () => {
    expect(penalty([f('a', 'high'), f('b', 'medium'), f('c', 'low'), f('d', 'info')])).toBe(39);
    expect(penalty(Array.from({ length: 10 }, () => f('a', 'medium')))).toBe(30);
    expect([100, 90, 89, 80, 79, 70, 69, 60, 59, 0].map(gradeOf)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'F', 'F']);
  });

  it('a careless tool grades low, a careful one high; the project averages them', () => {
    const careless = makeTool('create_ticket', { description: '', properties: { status: { type: 'string' }, title: { type: 'string' } } });
    delete careless.returns;
    delete careless.function.parameters.required;
    const careful = makeTool('get_ticket', { properties: { ticket_id: { type: 'string', description: 'The ticket, as returned by create_ticket.' } } });
    const report = auditProject(makeProject([careless, careful]));
    const [bad, good] = report.tools;
    expect(bad.findings.map((x) => x.code).sort()).toEqual(
      [
        'description-missing',
        'effect-undeclared',
        'enum-missing',
        'parameter-description-missing',
        'parameter-description-missing',
        'required-missing',
        'returns-missing',
      ].sort(),
    );
    expect(bad.score).toBe(100 - 25 - 10 - 10 - 10 - 4 - 4 - 10);
    expect(bad.grade).toBe('F');
    expect(good).toMatchObject({ score: 100, grade: 'A', findings: [] });
    expect(report.project).toMatchObject({ score: Math.round((bad.score + 100) / 2), findings: [] });
  });

  it('project findings lower the project grade', () => {
    const report = auditProject(makeProject(Array.from({ length: 16 }, (_, i) => makeTool(`get_thing_${i}`))));
    expect(report.project.findings.map((x) => x.code)).toEqual(['too-many-tools']);
    expect(report.project.score).toBe(90);
  });
});

describe('the audit on real inputs', () => {
  it('every bundled example grades A', () => {
    for (const name of Object.keys(exampleTexts)) {
      const report = auditProject(loadExample(name));
      expect(report.project.grade, name).toBe('A');
      for (const t of report.tools) expect(t.grade, `${name}: ${t.name} ${JSON.stringify(t.findings)}`).toMatch(/^[AB]$/);
    }
  });

  it('the seed job_description.json: no result schemas, and the writing commands declare no effect', () => {
    const imported = importTools(jobDescriptionText);
    if (!imported.ok) throw new Error('the seed imports');
    const report = auditProject(makeProject(imported.tools));
    const rules = (name: string) => report.tools.find((t) => t.name === name)?.findings.map((x) => x.code);
    expect(rules('ls')).toEqual(['returns-missing']);
    expect(rules('rm')).toEqual(['returns-missing', 'effect-undeclared']);
    expect(report.tools.find((t) => t.name === 'rm')?.findings[1].fix).toMatch(/destructive/);
    expect(rules('mv')).toEqual(['returns-missing', 'effect-undeclared']);
  });

  it('never throws on odd but structurally valid tools', () => {
    const odd = makeTool('x', { properties: { a: true as never, b: { type: ['string', 'null'] } } });
    odd.returns = { type: 'object', properties: { deep: { type: 'array', items: { type: 'array', items: {} } } } };
    expect(() => auditProject(makeProject([odd]))).not.toThrow();
  });
});
