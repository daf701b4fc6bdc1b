import { error, type Finding } from '../findings/finding.ts';

/**
 * A rule of a consumer's format that a line breaks, with the place in the line: an error finding
 * (the export stops there). `code` is the rule id, e.g. `arguments-not-string`
 * (docs/export-formats.md); `path` is a JSON path inside the record, e.g.
 * `$.messages[3].tool_calls[0].function.arguments`.
 */
export function brokenRule(code: string, path: string, message: string): Finding<'error'> {
  return error(code, path, message);
}
