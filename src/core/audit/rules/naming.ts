/**
 * Names: one convention across the project (snake_case, camelCase, kebab-case… not mixed),
 * and no versioned name (`search_v2`) next to its older twin (`search`), which leaves the
 * model to guess which one to call.
 */
import type { Project } from '../../project/types.ts';
import { jsonPath } from '../../validate/diagnostics.ts';
import type { AuditFinding, AuditRuleInfo } from '../types.ts';
import { auditFinding, type ProjectRule, type ToolRule } from './context.ts';

export const NAMING_RULES: AuditRuleInfo[] = [
  { code: 'naming-mixed', level: 'low', title: 'Tool names do not follow one convention' },
  { code: 'versioned-twin', level: 'medium', title: 'A versioned name next to its older twin' },
];

export type NamingConvention = 'snake_case' | 'camelCase' | 'PascalCase' | 'kebab-case' | 'SCREAMING_CASE' | 'mixed';

/** The convention of a name, or null for a single lower-case word (fits snake, camel and kebab alike). */
export function namingConvention(name: string): NamingConvention | null {
  if (/^[a-z][a-z0-9]*$/.test(name)) return null;
  if (/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(name)) return 'snake_case';
  if (/^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/.test(name)) return 'camelCase';
  if (/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$/.test(name)) return 'PascalCase';
  if (/^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(name)) return 'kebab-case';
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(name)) return 'SCREAMING_CASE';
  return 'mixed';
}

export const namingRule: ProjectRule = (project: Project) => {
  const conventions = project.tools.map((t) => namingConvention(t.function.name));
  const counts = new Map<NamingConvention, number>();
  for (const c of conventions) if (c && c !== 'mixed') counts.set(c, (counts.get(c) ?? 0) + 1);
  const kinds = new Set(conventions.filter((c): c is NamingConvention => c !== null));
  if (kinds.size < 2 && !kinds.has('mixed')) return [];
  // The most common convention (the first to reach the count wins a tie); snake_case when none is clean.
  let main: NamingConvention = 'snake_case';
  let best = 0;
  for (const c of conventions) if (c && c !== 'mixed' && (counts.get(c) ?? 0) > best) [main, best] = [c, counts.get(c) ?? 0];
  const out: AuditFinding[] = [];
  project.tools.forEach((tool, i) => {
    const c = conventions[i];
    if (c === null || c === main) return;
    const name = tool.function.name;
    const how = c === 'mixed' ? 'mixes conventions' : `is ${c}`;
    out.push(
      auditFinding(
        'naming-mixed',
        'low',
        jsonPath('$.tools', i, 'function', 'name'),
        `"${name}" ${how} while most tools here are ${main}: consistent names help the model (and readers) predict a tool's name.`,
        `Rename it in ${main} (renaming updates every call).`,
        name,
      ),
    );
  });
  return out;
};

const VERSIONED = /^(.*?)[_-]?[vV](\d+)$/;

/** `search_v2` → `search`; null for a name without a version. */
export function unversioned(name: string): string | null {
  const m = VERSIONED.exec(name);
  return m && m[1] ? m[1] : null;
}

export const versionedTwinRule: ToolRule = ({ project, tool, path }) => {
  const name = tool.function.name;
  const base = unversioned(name);
  if (base === null) return [];
  const twins = project.tools.map((t) => t.function.name).filter((other) => other !== name && (other === base || unversioned(other) === base));
  if (twins.length === 0) return [];
  return [
    auditFinding(
      'versioned-twin',
      'medium',
      jsonPath(path, 'function', 'name'),
      `"${name}" sits next to ${twins.map((t) => `"${t}"`).join(', ')}: the model has to guess which version to call, and the examples teach both.`,
      'Keep one version in the project, or say in each description exactly when to use it instead of the other.',
      name,
    ),
  ];
};
