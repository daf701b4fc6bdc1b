import type { Project } from '../core/index.ts';

/** The project as text without call positions: equal keys mean equal findings and plans. */
export function semanticKey(project: Project): string {
  return JSON.stringify(project, (key, value) => (key === 'position' ? undefined : value));
}
