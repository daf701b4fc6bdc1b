import type { Project } from '../../core/index.ts';
import { DEFAULT_MIX, PATTERNS, type DatasetSpec, type Mix, type Selection, type SplitBy } from '../../core/generation.ts';

/**
 * The export dialog's fields as the user typed them (numbers as text, so a half-typed value is
 * not lost), and the dataset spec they stand for. `specOf` returns the spec or the fields that
 * are not valid, each with what is expected.
 */
export interface ExportSettings {
  mode: 'mix' | 'counts';
  total: string;
  /** Mix mode: chains left out (all chains are in by default, new ones too). */
  excluded: string[];
  /** Counts mode: chain id → count text (missing: DEFAULT_CHAIN_COUNT). */
  counts: Record<string, string>;
  mix: Record<keyof Mix, string>;
  format: string;
  seed: string;
  split: boolean;
  fraction: string;
  splitBy: SplitBy;
  serializeParallel: boolean;
  includeSystem: boolean;
  includeTools: boolean;
  uniqueRequests: boolean;
}

export const DEFAULT_TOTAL = 1000;
export const DEFAULT_CHAIN_COUNT = 100;

export function defaultSettings(seed = 1): ExportSettings {
  return {
    mode: 'mix',
    total: String(DEFAULT_TOTAL),
    excluded: [],
    counts: {},
    mix: Object.fromEntries(PATTERNS.map((p) => [p, String(DEFAULT_MIX[p])])) as Record<keyof Mix, string>,
    format: 'openai',
    seed: String(seed),
    split: false,
    fraction: '0.1',
    splitBy: 'template',
    serializeParallel: false,
    includeSystem: true,
    includeTools: true,
    uniqueRequests: false,
  };
}

export type SettingsField = 'total' | 'seed' | 'fraction' | 'chains' | `count:${string}` | `mix:${string}`;

export interface FieldProblem {
  field: SettingsField;
  message: string;
}

export type SpecResult = { ok: true; spec: DatasetSpec } | { ok: false; problems: FieldProblem[] };

const WHOLE = /^\s*\d+\s*$/;
const MAX_EXAMPLES = 100_000_000;

function wholeNumber(text: string, field: SettingsField, what: string, problems: FieldProblem[], max = MAX_EXAMPLES): number {
  if (!WHOLE.test(text) || Number(text) > max) {
    problems.push({ field, message: `${what} must be a whole number from 0 to ${max.toLocaleString('en-US')}` });
    return 0;
  }
  return Number(text);
}

export function chainCountText(settings: ExportSettings, chainId: string): string {
  return settings.counts[chainId] ?? String(DEFAULT_CHAIN_COUNT);
}

export function specOf(project: Project, settings: ExportSettings): SpecResult {
  const problems: FieldProblem[] = [];
  const seed = wholeNumber(settings.seed, 'seed', 'The seed', problems, Number.MAX_SAFE_INTEGER);
  let selection: Selection;
  if (settings.mode === 'mix') {
    const total = wholeNumber(settings.total, 'total', 'The total', problems);
    const chains = project.chains.map((c) => c.id).filter((id) => !settings.excluded.includes(id));
    if (!chains.length && project.chains.length) problems.push({ field: 'chains', message: 'Pick at least one chain to draw from' });
    const mix = {} as Mix;
    for (const p of PATTERNS) {
      const text = settings.mix[p];
      const weight = Number(text);
      if (!/^\s*\d*\.?\d+\s*$/.test(text) || !Number.isFinite(weight)) problems.push({ field: `mix:${p}`, message: 'A weight is a number ≥ 0' });
      mix[p] = weight;
    }
    if (PATTERNS.every((p) => !(mix[p] > 0)) && !problems.some((x) => x.field.startsWith('mix:')))
      problems.push({ field: `mix:${PATTERNS[0]}`, message: 'Give at least one pattern a weight above 0' });
    selection = { kind: 'mix', total, chains, mix };
  } else {
    selection = {
      kind: 'counts',
      counts: project.chains.map((c) => ({
        chainId: c.id,
        count: wholeNumber(chainCountText(settings, c.id), `count:${c.id}`, `The count of ${c.id}`, problems),
      })),
    };
  }
  let fraction = 0;
  if (settings.split) {
    fraction = Number(settings.fraction);
    if (!/^\s*0?\.\d+\s*$/.test(settings.fraction) || !(fraction > 0 && fraction < 1))
      problems.push({ field: 'fraction', message: 'The test share is a number between 0 and 1, such as 0.1' });
  }
  if (problems.length) return { ok: false, problems };
  const spec: DatasetSpec = {
    project,
    format: settings.format,
    seed,
    selection,
    options: {
      serializeParallel: settings.serializeParallel,
      includeSystem: settings.includeSystem,
      includeTools: settings.includeTools,
      uniqueRequests: settings.uniqueRequests,
    },
  };
  if (settings.split) spec.split = { fraction, by: settings.splitBy };
  return { ok: true, spec };
}
