import type { Diagnostic } from '../validate/diagnostics.ts';
import { error } from '../validate/diagnostics.ts';
import { lineOf, locateJsonPaths } from './jsonLocate.ts';
import { jsonSyntaxPlace, syntaxMessage } from './jsonSyntaxPlace.ts';
import { migrate, migrations as defaultMigrations, type Migration } from './migrate.ts';
import { repairCosmetic } from './repair.ts';
import { checkProjectShape, findForbiddenKeys } from './shape.ts';
import type { Project } from './types.ts';
import { PROJECT_FORMAT, PROJECT_VERSION, isPlainObject } from './types.ts';

export type ParseErrorKind = 'not-json' | 'not-a-project' | 'version-too-new' | 'invalid';

export interface ProjectParseError {
  kind: ParseErrorKind;
  /** The first problem, as a sentence; all of them are in `diagnostics`. */
  message: string;
  path: string;
  line?: number;
}

export type ParseResult =
  { ok: true; project: Project; diagnostics: Diagnostic[]; migrated: string[] } | { ok: false; error: ProjectParseError; diagnostics: Diagnostic[] };

export interface ParseOptions {
  migrations?: readonly Migration[];
  /** The newest version this reader knows. */
  version?: number;
}

/**
 * Reads a project file: JSON → known format → supported version → migrated → the right
 * structure. Returns typed errors with JSON paths (and lines); never throws. Semantic
 * checks (unknown tools, references, cycles) are `validateProject`'s.
 */
export function parseProject(text: string, options: ParseOptions = {}): ParseResult {
  const known = options.version ?? PROJECT_VERSION;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    // JSON.parse names no place for most mistakes: the text is read again to find it.
    const place = jsonSyntaxPlace(text);
    if (place) return fail('not-json', '$', `${syntaxMessage(text, place)} (line ${place.line}, column ${place.column})`, text, place.line);
    return fail('not-json', '$', `not valid JSON: ${(e instanceof Error ? e.message : String(e)).replace(/^JSON\.parse: /, '')}`, text);
  }
  if (!isPlainObject(doc)) return fail('not-a-project', '$', `not a Chainwright project: expected an object with "format": "${PROJECT_FORMAT}"`, text);
  if (doc.format !== PROJECT_FORMAT) {
    const found = doc.format === undefined ? 'no "format" key' : `"format": ${JSON.stringify(doc.format)}`;
    return fail('not-a-project', '$.format', `not a Chainwright project: expected "format": "${PROJECT_FORMAT}", found ${found}`, text);
  }
  const forbidden = findForbiddenKeys(doc);
  if (forbidden.length) return failWith('invalid', forbidden, text);
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('invalid', '$.version', `"version" must be a whole number from 1, found ${JSON.stringify(version)}`, text);
  }
  if (version > known) {
    return fail(
      'version-too-new',
      '$.version',
      `this project is version ${version}, newer than this Chainwright reads (up to ${known}); open it with a newer Chainwright`,
      text,
    );
  }
  const migrated = migrate(doc, options.migrations ?? defaultMigrations, known);
  if (!migrated.ok) return fail('invalid', '$.version', migrated.message, text);
  const repaired = repairCosmetic(migrated.doc);
  const shape = checkProjectShape(migrated.doc);
  if (shape.length) return failWith('invalid', shape, migrated.applied.length ? undefined : text);
  const project = migrated.doc as unknown as Project;
  for (const chain of project.chains) for (const call of chain.calls) if (call.args === undefined) call.args = {};
  if (repaired.length && !migrated.applied.length) {
    const lines = locateJsonPaths(text);
    for (const d of repaired) d.line = lineOf(lines, d.path);
  }
  return { ok: true, project, diagnostics: repaired, migrated: migrated.applied };
}

function fail(kind: ParseErrorKind, path: string, message: string, text: string, line?: number): ParseResult {
  const diagnostic = error(kind, path, message);
  return failWith(kind, [diagnostic], text, line);
}

function failWith(kind: ParseErrorKind, diagnostics: Diagnostic[], text: string | undefined, line?: number): ParseResult {
  if (text !== undefined) {
    const lines = line === undefined ? locateJsonPaths(text) : undefined;
    for (const d of diagnostics) d.line = line ?? (lines ? lineOf(lines, d.path) : undefined);
  }
  const first = diagnostics[0];
  return { ok: false, error: { kind, message: first.message, path: first.path, line: first.line }, diagnostics };
}
