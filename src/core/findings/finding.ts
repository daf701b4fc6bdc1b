/**
 * One record for "something found at a place", whoever found it: a project's diagnostics
 * (validate), a dataset line that breaks its consumer format's rule (formats), the tool audit's
 * advice (audit) and a problem with tool definitions being imported or edited (tools). Functions
 * return these; they never throw. `formatFinding.ts` beside this file turns one into a line of text.
 */

/** What a finding asks of the user: `error` blocks (a file refused, an export stopped), `warning` should be looked at, `info` is a note. */
export type Severity = 'error' | 'warning' | 'info';

/** How much an audit finding lowers its tool's grade (audit/grade.ts): high 25 points, medium 10, low 4. */
export type Weight = 'high' | 'medium' | 'low';

/** A call of a chain. */
export interface CallPlace {
  chainId: string;
  callId: string;
}

export interface Finding<S extends Severity = Severity> {
  /** Stable machine-readable id, e.g. `unknown-tool`, `arguments-not-string`, `description-missing` (the docs list them; users filter on them). */
  code: string;
  severity: S;
  /** A sentence a user can act on: what was found and what was expected. */
  message: string;
  /** JSON path of the place, e.g. `$.chains[0].calls[2].args.room_id` (in a project, a dataset line, or a tool definition). */
  path: string;
  /** 1-based line in the source text, when known. */
  line?: number;
  /** 1-based column on that line, when known (a JSON syntax error). */
  column?: number;
  /** The chain concerned, when the finding is about one. */
  chainId?: string;
  /** The call concerned (in `chainId`). */
  callId?: string;
  /** The tool concerned, when the finding is about one. */
  tool?: string;
  /** The calls concerned, for findings about how the chains use something (`unconfirmed-destructive` of the audit). */
  calls?: CallPlace[];
  /** What to do about it, when the finder knows (the audit always says). */
  fix?: string;
  /** The audit's weight of a finding that costs grade points; absent elsewhere (and on notes). */
  weight?: Weight;
}

/** The optional fields of a finding: where else it is, and help. */
export type FindingExtra = Partial<Omit<Finding, 'code' | 'severity' | 'message' | 'path'>>;

export function finding<S extends Severity>(severity: S, code: string, path: string, message: string, extra: FindingExtra = {}): Finding<S> {
  return { code, severity, message, path, ...extra };
}

export function error(code: string, path: string, message: string, extra: FindingExtra = {}): Finding<'error'> {
  return finding('error', code, path, message, extra);
}

export function warning(code: string, path: string, message: string, extra: FindingExtra = {}): Finding<'warning'> {
  return finding('warning', code, path, message, extra);
}

export function info(code: string, path: string, message: string, extra: FindingExtra = {}): Finding<'info'> {
  return finding('info', code, path, message, extra);
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Appends a key or an index to a JSON path: `$.a` + `b` → `$.a.b`, + 2 → `$.a[2]`, + `x-y` → `$.a["x-y"]`. */
export function jsonPath(base: string, ...segments: (string | number)[]): string {
  let path = base;
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}
