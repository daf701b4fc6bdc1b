/**
 * A finding about a project (what is wrong, where, and how bad): the findings' record of
 * `findings/finding.ts` with severity error or warning. Functions return these; they never throw.
 */
import type { Finding } from '../findings/finding.ts';

export { error, warning, hasErrors, jsonPath } from '../findings/finding.ts';

export type Severity = 'error' | 'warning';

/** Codes: docs/project-format.md §19. */
export type Diagnostic = Finding<Severity>;
