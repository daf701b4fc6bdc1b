/** A rule of a consumer's format that a line breaks, with the place in the line. */
export interface Finding {
  /** Stable rule id, e.g. `arguments-not-string`. */
  rule: string;
  message: string;
  /** JSON path inside the record, e.g. `$.messages[3].tool_calls[0].function.arguments`. */
  path: string;
}

export function finding(rule: string, path: string, message: string): Finding {
  return { rule, path, message };
}
