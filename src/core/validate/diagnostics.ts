/** A finding about a project: what is wrong, where, and how bad. Functions return these; they never throw. */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable machine-readable code, e.g. `unknown-tool` (see docs/project-format.md). */
  code: string;
  severity: Severity;
  /** A sentence a user can act on: what was found and what was expected. */
  message: string;
  /** JSON path of the place, e.g. `$.chains[0].calls[2].args.room_id`. */
  path: string;
  chainId?: string;
  callId?: string;
  /** 1-based line in the source text, when known. */
  line?: number;
}

export function error(code: string, path: string, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'error', message, path, ...extra };
}

export function warning(code: string, path: string, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'warning', message, path, ...extra };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
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
