/**
 * Confirmations (design §7): a call of a `destructive` tool without `confirm` teaches the model
 * to delete without asking. `validate` warns per call (`unconfirmed-destructive`); the audit's
 * project view lists the same calls, grouped by tool, with their ids.
 */
import type { Project } from '../../project/types.ts';
import { jsonPath } from '../../validate/diagnostics.ts';
import type { AuditFinding, AuditRuleInfo } from '../types.ts';
import { auditFinding, type ProjectRule } from './context.ts';

export const CONFIRM_RULES: AuditRuleInfo[] = [
  { code: 'unconfirmed-destructive', level: 'medium', title: 'A call of a destructive tool does not ask the user first' },
];

/** One finding per destructive tool that some call runs without `confirm`, naming those calls (chain/call) and pointing at the first. */
export const unconfirmedDestructiveRule: ProjectRule = (project: Project) => {
  const destructive = new Set(project.tools.filter((t) => t.effect === 'destructive').map((t) => t.function.name));
  if (destructive.size === 0) return [];
  const byTool = new Map<string, { chainId: string; callId: string; path: string }[]>();
  project.chains.forEach((chain, ci) => {
    chain.calls.forEach((call, k) => {
      if (!destructive.has(call.tool) || call.confirm !== undefined) return;
      const list = byTool.get(call.tool) ?? [];
      list.push({ chainId: chain.id, callId: call.id, path: jsonPath('$.chains', ci, 'calls', k) });
      byTool.set(call.tool, list);
    });
  });
  const out: AuditFinding[] = [];
  for (const [tool, calls] of byTool) {
    const several = project.chains.length > 1;
    const names = calls.map((c) => (several ? `${c.chainId}/${c.callId}` : c.callId));
    const listed = names.map((n) => `"${n}"`).join(', ');
    out.push({
      ...auditFinding(
        'unconfirmed-destructive',
        'medium',
        calls[0].path,
        `${calls.length === 1 ? 'Call' : `${calls.length} calls`} ${listed} run${calls.length === 1 ? 's' : ''} "${tool}", a destructive tool, without asking the user first: the data would teach the model to delete without a yes.`,
        `Add a confirmation to ${calls.length === 1 ? 'the call' : 'each call'} (inspector → Confirmation, or "confirm": {"ask", "yes", "no"}), and a reply variant for when the user says no.`,
        tool,
      ),
      calls: calls.map(({ chainId, callId }) => ({ chainId, callId })),
    });
  }
  return out;
};
