/** A reference inside a template: `{slot}` or `{callId.path}`. */
export type PathSegment =
  | { kind: 'key'; key: string }
  /** `[n]`: element n from 0; a negative index counts from the end (`[-1]` is the last). */
  | { kind: 'index'; index: number }
  | { kind: 'all' }
  | { kind: 'length' }
  /**
   * `[min:price]` / `[max:fare.total]`: the element whose key (a dotted path, split into
   * field names) is smallest / largest; the first one on ties.
   */
  | { kind: 'pick'; pick: 'min' | 'max'; key: string[] };

export interface Reference {
  /** A slot name or a call id. */
  root: string;
  path: PathSegment[];
  /** The text between the braces, e.g. `rooms.rooms[0].room_id`. */
  source: string;
  /** Offsets of the opening and after the closing brace in the template. */
  start: number;
  end: number;
}

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'ref'; ref: Reference };

export interface ReferenceSyntaxError {
  message: string;
  /** Offset in the template. */
  offset: number;
}

export interface ParsedTemplate {
  parts: TemplatePart[];
  errors: ReferenceSyntaxError[];
  /** The template is exactly one reference: it takes the referenced value with its type. */
  whole: Reference | null;
}
