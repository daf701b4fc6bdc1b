/**
 * A finding about a project (what is wrong, where, and how bad): the findings' record of
 * `findings/finding.ts` with severity error or warning. Functions return these; they never throw.
 */
import { error as errorFinding, warning as warningFinding, type Finding, type FindingExtra } from '../findings/finding.ts';

export { hasErrors, jsonPath } from '../findings/finding.ts';

export type Severity = 'error' | 'warning';

/** Codes: docs/project-format.md §19. */
export type Diagnostic = Finding<Severity>;

export function error(code: string, path: string, message: string, extra: FindingExtra = {}): Diagnostic {
  return errorFinding(code, path, message, extra);
}

export function warning(code: string, path: string, message: string, extra: FindingExtra = {}): Diagnostic {
  return warningFinding(code, path, message, extra);
}
