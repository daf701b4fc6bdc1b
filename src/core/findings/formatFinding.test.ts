import { describe, expect, it } from 'vitest';
import { auditProject, auditFindings } from '../audit/auditProject.ts';
import { checkOpenAILine } from '../formats/openai.ts';
import { miniProject } from '../testing/fixtures.ts';
import { importTools } from '../tools/importTools.ts';
import { diagnoseProject } from '../validate/project.ts';
import type { Finding } from './finding.ts';
import { compareFindings, formatFinding, severityLabel } from './formatFinding.ts';

/** One finding of each kind, each from the code that finds it. */
function oneOfEach() {
  const broken = miniProject();
  broken.chains[0].calls[0].tool = 'no_such_tool';
  const diagnostic = diagnoseProject(broken).find((d) => d.code === 'unknown-tool')!;

  const undescribed = miniProject();
  undescribed.tools[0].function.description = '';
  const audit = auditFindings(auditProject(undescribed)).find((f) => f.code === 'description-missing')!;

  const format = checkOpenAILine('{"messages": oops')[0];

  const imported = importTools('[\n  {"name": "a", "input_schema": {"type": "string"}}\n]');
  const tool = imported.ok ? undefined : imported.errors[0];
  return { diagnostic, audit, format, tool: tool! };
}

describe('one finding record, one way to show it', () => {
  it('a diagnostic, an audit finding, a format finding and a tool issue each become one line with place, severity, message and code', () => {
    const { diagnostic, audit, format, tool } = oneOfEach();
    const findings: Finding[] = [diagnostic, audit, format, tool];
    for (const f of findings) expect(formatFinding(f, 'f.json')).toMatch(/^f\.json(:\d+)?: \$\S*: (error|warning|info|high|medium|low): .+ \[[a-z-]+\]$/);

    expect(formatFinding(diagnostic, 'p.json', 12)).toBe(`p.json:12: ${diagnostic.path}: error: ${diagnostic.message} [unknown-tool]`);
    // The audit's weight is said where severity is, and its fix after the message.
    expect(formatFinding(audit, 'p.json')).toBe(`p.json: ${audit.path}: high: ${audit.message} — ${audit.fix} [description-missing]`);
    // A dataset line: the line number is the file's, given by the caller.
    expect(formatFinding(format, 'train.jsonl', 4)).toMatch(/^train\.jsonl:4: \$: error: the line is not valid JSON: .* \[not-json\]$/);
    // A tool issue carries its own line (from the imported text).
    expect(tool).toMatchObject({ code: 'invalid', severity: 'error', line: 2, path: '$[0].input_schema.type' });
    expect(formatFinding(tool, 'tools.json')).toMatch(
      /^tools\.json:2: \$\[0\]\.input_schema\.type: error: the parameter schema must be an object schema .* \[invalid\]$/,
    );
    // Without a place to name, the line starts at the path and a known line follows the code.
    expect(formatFinding(tool)).toMatch(/^\$\[0\]\.input_schema\.type: error: .* \[invalid, line 2\]$/);
  });

  it('audit findings are advice: warnings with a weight (or notes), never errors; everything else has no weight', () => {
    const { diagnostic, audit, format, tool } = oneOfEach();
    expect(audit).toMatchObject({ severity: 'warning', weight: 'high' });
    expect(severityLabel(audit)).toBe('high');
    for (const f of [diagnostic, format, tool]) {
      expect(f.weight).toBeUndefined();
      expect(severityLabel(f)).toBe(f.severity);
    }
  });

  it('sorts worst first: errors, the audit weights among the warnings, notes last; ties keep their order', () => {
    const f = (code: string, severity: Finding['severity'], weight?: Finding['weight']): Finding => ({
      code,
      severity,
      message: '',
      path: '$',
      ...(weight ? { weight } : {}),
    });
    const listed = [f('note', 'info'), f('low', 'warning', 'low'), f('w1', 'warning'), f('high', 'warning', 'high'), f('e', 'error'), f('w2', 'warning')];
    expect([...listed].sort(compareFindings).map((x) => x.code)).toEqual(['e', 'high', 'w1', 'w2', 'low', 'note']);
  });
});
