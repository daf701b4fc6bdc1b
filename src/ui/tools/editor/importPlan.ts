/**
 * What an import would do to the project, for the import dialog: every incoming tool with its
 * effect, whether it has a result schema, its warnings, and — when the project already has a
 * tool of that name — the clash to decide (replace, keep both, skip).
 */
import type { ClashDecision, Effect, ImportResult, Project, ToolClash, ToolIssue } from '../../../core/index.ts';
import { planToolMerge } from '../../../core/index.ts';

export interface IncomingRow {
  name: string;
  effect: Effect;
  /** The effect came from the source (else the project default, read). */
  effectDeclared: boolean;
  hasReturns: boolean;
  warnings: ToolIssue[];
  clash: ToolClash | null;
}

export interface ImportPreview {
  rows: IncomingRow[];
  /** Warnings about no tool in particular. */
  warnings: ToolIssue[];
  setsSystemPrompt: boolean;
}

export function importPreview(project: Project, result: Extract<ImportResult, { ok: true }>): ImportPreview {
  const plan = planToolMerge(project, { tools: result.tools, systemPrompt: result.systemPrompt });
  const clashes = new Map(plan.clashes.map((c) => [c.incomingIndex, c] as const));
  const rows = result.tools.map((tool, i): IncomingRow => {
    const name = tool.function.name;
    return {
      name,
      effect: tool.effect ?? 'read',
      effectDeclared: tool.effect !== undefined,
      hasReturns: tool.returns !== undefined,
      warnings: result.warnings.filter((w) => w.tool === name),
      clash: clashes.get(i) ?? null,
    };
  });
  const named = new Set(rows.map((r) => r.name));
  return { rows, warnings: result.warnings.filter((w) => w.tool === undefined || !named.has(w.tool)), setsSystemPrompt: plan.setsSystemPrompt };
}

/** The choice offered first: an identical tool is skipped, a different one kept beside the project's. */
export function defaultDecisions(preview: ImportPreview): Record<string, ClashDecision> {
  const out: Record<string, ClashDecision> = {};
  for (const row of preview.rows) if (row.clash) out[row.name] = row.clash.identical ? 'skip' : 'keep-both';
  return out;
}

/** How many tools the import adds or replaces with these decisions. */
export function importedCount(preview: ImportPreview, decisions: Readonly<Record<string, ClashDecision>>): number {
  return preview.rows.filter((r) => !r.clash || (decisions[r.name] ?? 'skip') !== 'skip').length;
}

/** Which of the tools an import brought (their names in the project now) have no result schema. */
export function importedWithoutReturns(project: Project, names: readonly string[]): string[] {
  const wanted = new Set(names);
  return project.tools.filter((t) => wanted.has(t.function.name) && t.returns === undefined).map((t) => t.function.name);
}
