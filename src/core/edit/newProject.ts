import type { Project, ToolDef } from '../project/types.ts';
import { PROJECT_FORMAT, PROJECT_VERSION } from '../project/types.ts';

export const NEW_CHAIN_REQUEST = 'Describe what you want done.';

/** A new project: one empty chain `main` with a placeholder request; `tools` when given (else none). */
export function emptyProject(options: { name?: string; tools?: ToolDef[] } = {}): Project {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: options.name ?? 'Untitled project',
    tools: options.tools ?? [],
    chains: [{ id: 'main', name: 'Main', requests: [NEW_CHAIN_REQUEST], calls: [] }],
  };
}
