import type { Project } from '../project/types.ts';
import { parseProject } from '../project/parse.ts';
import { serializeProject } from '../project/serialize.ts';

/** Why `project` would not read back as a project file (the parser's first error, with its JSON path), or null. */
export function unreadableReason(project: Project): string | null {
  const parsed = parseProject(serializeProject(project));
  return parsed.ok ? null : `${parsed.error.path}: ${parsed.error.message}`;
}
