import { parseArgs } from 'node:util';
import { auditProject, formatFinding, importTools, parseProject, PROJECT_FORMAT, PROJECT_VERSION, type AuditReport, type Project } from '../../core/index.ts';
import { fallbackFields, type FallbackField } from '../../core/generation.ts';
import { EXIT_INVALID, EXIT_OK, oneFile, printFindings, readTextFile, type Io } from '../shared.ts';

/**
 * `audit FILE [--json]`: grades every tool and the project, and prints each finding as
 * `FILE: path: weight: message — fix [code]` (`formatFinding`; the weight is high, medium or low, or info for a note). Findings are advice: exit 0; 1 when FILE
 * cannot be read. FILE is a project, or a tool list in any importable format (OpenAI,
 * job_description.json, MCP, Anthropic), audited as a project without chains. After the findings,
 * the result fields whose simulated values fall back to generic words (20 results per tool): where
 * an `x-fake` hint or a clearer name would give values that fit.
 */
export function auditCommand(args: string[], io: Io): number {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  const file = oneFile(positionals);
  const text = readTextFile(file, io);
  if (text === null) return EXIT_INVALID;
  const project = readProjectOrTools(file, text, io);
  if (!project) return EXIT_INVALID;
  const report = auditProject(project);
  const generic = project.tools
    .map((tool) => ({ tool: tool.function.name, fields: fallbackFields(tool, 20, project.referenceDate) }))
    .filter((t) => t.fields.length > 0);
  if (values.json) {
    io.stdout(`${JSON.stringify({ file, ...report, genericFields: generic }, null, 2)}\n`);
    return EXIT_OK;
  }
  io.stdout(formatReport(file, project, report) + formatGeneric(file, generic));
  return EXIT_OK;
}

function readProjectOrTools(file: string, text: string, io: Io): Project | null {
  const parsed = parseProject(text);
  if (parsed.ok) return parsed.project;
  if (parsed.error.kind === 'not-a-project') {
    const imported = importTools(text);
    if (imported.ok) {
      io.stderr(`${file}: read as ${imported.format.label} (${imported.tools.length} tool${imported.tools.length === 1 ? '' : 's'}, no chains)\n`);
      const project: Project = { format: PROJECT_FORMAT, version: PROJECT_VERSION, name: file, tools: imported.tools, chains: [] };
      if (imported.systemPrompt !== undefined) project.systemPrompt = imported.systemPrompt;
      return project;
    }
    if (imported.format) {
      printFindings(file, imported.errors, io.stderr);
      return null;
    }
  }
  printFindings(file, parsed.diagnostics, io.stderr);
  return null;
}

function formatReport(file: string, project: Project, report: AuditReport): string {
  const out: string[] = [];
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const all = [...report.tools.flatMap((t) => t.findings), ...report.project.findings];
  out.push(
    `Project ${JSON.stringify(project.name)}: grade ${report.project.grade} (${report.project.score}/100), ${count(report.tools.length, 'tool')}, ${count(all.length, 'finding')}`,
  );
  const width = Math.max(0, ...report.tools.map((t) => t.name.length));
  for (const t of report.tools) {
    out.push(`  ${t.grade} ${String(t.score).padStart(3)}  ${t.name.padEnd(width)}${t.findings.length ? `  ${count(t.findings.length, 'finding')}` : ''}`);
  }
  if (all.length) out.push('');
  for (const f of all) out.push(formatFinding(f, file));
  return `${out.join('\n')}\n`;
}

/** The result fields that fell back to generic words, per tool, with what to do about it. */
export function formatGeneric(file: string, generic: readonly { tool: string; fields: readonly FallbackField[] }[]): string {
  if (generic.length === 0) return '';
  const out = ['', `Result fields whose simulated values are generic words (an "x-fake" hint, an enum or a clearer name gives values that fit):`];
  for (const { tool, fields } of generic) {
    for (const f of fields)
      out.push(`${file}: ${tool} ${f.field}: ${Math.round(f.share * 100)} % generic (e.g. ${f.samples.map((v) => JSON.stringify(v)).join(', ')})`);
  }
  return `${out.join('\n')}\n`;
}
