import type { Project } from './types.ts';

/** Writes a project as the file's text: two-space JSON, keys in their order, unknown keys kept. */
export function serializeProject(project: Project): string {
  return `${JSON.stringify(project, null, 2)}\n`;
}
